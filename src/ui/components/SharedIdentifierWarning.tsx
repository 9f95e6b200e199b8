/**
 * The identifier guard on text that has already reached the team (beside
 * IdentifierWarning.tsx, which the capture screen loads first; this one is
 * only on the idea page).
 */
import { useId, useState } from 'preact/hooks';
import { IDENTIFIER_WORDS, type IdentifierMatch } from '../../domain/identifiers.ts';
import type { ErasableKind } from '../../domain/moderation.ts';
import { LIMITS } from '../../domain/records.ts';
import { eraseEverywhere } from '../actions/index.ts';

type SharedProps = {
  matches: readonly IdentifierMatch[];
  kind: ErasableKind;
  id: string;
  /** A facilitator may erase it; anyone else is told to ask one. */
  canErase: boolean;
};

/**
 * The same guard on text that has already reached the team: editing it here
 * would leave it in the history every phone holds, so a facilitator is
 * offered "Erase it everywhere" (docs/decisions/0015-erasure.md) and anyone
 * else is told to ask one.
 */
export function SharedIdentifierWarning({ matches, kind, id, canErase }: SharedProps) {
  const titleId = useId();
  const reasonId = useId();
  const what = kind === 'idea' ? 'idea' : 'comment';
  const kinds = [...new Set(matches.map((m) => IDENTIFIER_WORDS[m.kind]))].join(' and ');
  const [reason, setReason] = useState(`It held ${kinds}`);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  async function erase() {
    setBusy(true);
    const result = await eraseEverywhere(kind, id, reason);
    setBusy(false);
    if (result.kind !== 'saved') setProblem(result.message);
  }

  return (
    <div class="callout" role="region" aria-labelledby={titleId} data-testid="shared-identifier">
      <h2 class="callout__heading" id={titleId}>
        This {what} may hold a patient detail
      </h2>
      <p>
        It looks like it contains {kinds}, and it has already been shared with your team. Changing
        the words here would leave them in the history every phone holds.
      </p>
      {canErase ? (
        <>
          <div class={problem ? 'form-group form-group--error' : 'form-group'}>
            <label class="label" for={reasonId}>
              Why are you erasing it? (your team sees this, so do not repeat the detail)
            </label>
            {problem && <p class="error-message">{problem}</p>}
            <input
              id={reasonId}
              class="input"
              maxLength={LIMITS.moderationReason}
              value={reason}
              onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <button
            type="button"
            class="button button--warning"
            disabled={busy}
            onClick={() => void erase()}
          >
            Erase it everywhere
          </button>
        </>
      ) : (
        <p>
          Ask a facilitator to erase it everywhere: only they can take it back from every phone.
        </p>
      )}
    </div>
  );
}
