/**
 * The warning shown before saving text that looks like it holds a patient
 * identifier: says what was found, in words, and offers both ways forward.
 */
import { useEffect, useId, useRef } from 'preact/hooks';
import type { IdentifierMatch } from '../../domain/identifiers.ts';
import { describeIdentifiers } from './identifierGuard.ts';
import { t } from './common.en.ts';

type Props = {
  matches: readonly IdentifierMatch[];
  /**
   * What the team sees, as a plural noun from the caller's catalogue: "Ideas",
   * "Comments" in English; in Welsh lower case, "syniadau", "sylwadau".
   */
  what: string;
  onRemove: () => void;
  onKeep: () => void;
};

export function IdentifierWarning({ matches, what, onRemove, onKeep }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => ref.current?.focus(), []);
  return (
    <div class="callout" ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 class="callout__heading" id={titleId}>
        {t('checkPatient')}
      </h2>
      <p>{t('looksLike', { found: describeIdentifiers(matches), what })}</p>
      <div class="button-group">
        <button type="button" class="button" onClick={onRemove}>
          {t('removeAndSave')}
        </button>
        <button type="button" class="button button--secondary" onClick={onKeep}>
          {t('saveAsIs')}
        </button>
      </div>
    </div>
  );
}
