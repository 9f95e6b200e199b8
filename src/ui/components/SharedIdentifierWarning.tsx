/**
 * The identifier guard on text that has already reached the team (beside
 * IdentifierWarning.tsx, which the capture screen loads first; this one is
 * only on the idea page).
 */
import { useId, useState } from 'preact/hooks';
import type { IdentifierMatch } from '../../domain/identifiers.ts';
import { andList, identifierWords } from './identifierGuard.ts';
import { t } from './parts.en.ts';
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
  const kinds = andList([...new Set(matches.map((m) => identifierWords(m.kind)))]);
  const [reason, setReason] = useState(() => t('itHeld', { kinds }));
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
        {t('mayHold', { kind })}
      </h2>
      <p>{t('alreadyShared', { kinds })}</p>
      {canErase ? (
        <>
          <div class={problem ? 'form-group form-group--error' : 'form-group'}>
            <label class="label" for={reasonId}>
              {t('whyErase')}
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
            {t('eraseEverywhere')}
          </button>
        </>
      ) : (
        <p>{t('askFacilitator')}</p>
      )}
    </div>
  );
}
