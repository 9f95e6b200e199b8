/**
 * The warning shown before saving text that looks like it holds a patient
 * identifier: says what was found, in words, and offers both ways forward.
 */
import { useEffect, useId, useRef } from 'preact/hooks';
import type { IdentifierMatch } from '../../domain/identifiers.ts';
import { describeIdentifiers } from './identifierGuard.ts';

type Props = {
  matches: readonly IdentifierMatch[];
  /** "Ideas" or "Comments": who sees it. */
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
        Check for patient details
      </h2>
      <p>
        This looks like it contains {describeIdentifiers(matches)}. {what} are seen by your whole
        team — remove patient details.
      </p>
      <div class="button-group">
        <button type="button" class="button" onClick={onRemove}>
          Remove it and save
        </button>
        <button type="button" class="button button--secondary" onClick={onKeep}>
          Save as it is
        </button>
      </div>
    </div>
  );
}
