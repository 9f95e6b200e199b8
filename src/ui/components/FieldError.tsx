/** The NHS error message above a field (ErrorSummary.tsx lists them all). */
import { t } from './common.en.ts';

/** The message shown above a field in error, for screen readers prefixed "Error:". */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span class="error-message" id={id}>
      <span class="visually-hidden">{t('error')}</span> {message}
    </span>
  );
}
