/**
 * The NHS error summary: "There is a problem", then each problem, linked to its
 * field where it has one. It takes focus when it appears so a screen reader
 * hears it and a keyboard user is taken to it.
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from './parts.en.ts';

export type Problem = {
  readonly message: string;
  /** Id of the field at fault. */ readonly field?: string;
};

export function ErrorSummary({ problems, id }: { problems: readonly Problem[]; id: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  const focusField = (e: MouseEvent, field: string) => {
    const el = document.getElementById(field);
    if (!el) return;
    e.preventDefault();
    el.scrollIntoView({ block: 'center' });
    el.focus();
  };
  return (
    <div class="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={`${id}-title`}>
      <h2 class="error-summary__title" id={`${id}-title`}>
        {t('problem')}
      </h2>
      <ul>
        {problems.map((p) => (
          <li key={p.message}>
            {p.field ? (
              <a href={`#${p.field}`} onClick={(e) => focusField(e, p.field ?? '')}>
                {p.message}
              </a>
            ) : (
              p.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export { FieldError } from './FieldError.tsx';
