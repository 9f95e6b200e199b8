/**
 * A facilitator or sponsor hides an idea or comment from the team, saying why
 * (its author reads the reason), or shows it again. Saved on this phone and
 * synced; the server checks who may.
 */
import { useId, useState } from 'preact/hooks';
import { setHidden } from '../../actions/index.ts';
import type { ErasableKind } from '../../../domain/moderation.ts';
import { LIMITS } from '../../../domain/records.ts';
import { t } from './idea.en.ts';

type Props = { kind: ErasableKind; id: string; hidden: boolean };

export function HideForm({ kind, id, hidden }: Props) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const fieldId = useId();

  async function save(hide: boolean) {
    if (hide && !reason.trim()) return setProblem(t('hideWhy', { kind }));
    const result = await setHidden(kind, id, hide, reason);
    if (result.kind !== 'saved') return setProblem(result.message);
    setProblem('');
    setOpen(false);
    setReason('');
  }

  if (hidden)
    return (
      <button type="button" class="link-button" onClick={() => void save(false)}>
        {t('showAgain', { kind })}
      </button>
    );
  if (!open)
    return (
      <button type="button" class="link-button" onClick={() => setOpen(true)}>
        {t('hide', { kind })}
      </button>
    );
  return (
    <div class={problem ? 'form-group form-group--error' : 'form-group'}>
      <label class="label" for={fieldId}>
        {t('whyHide', { kind })}
      </label>
      {problem && <p class="error-message">{problem}</p>}
      <input
        id={fieldId}
        class="input"
        maxLength={LIMITS.moderationReason}
        value={reason}
        onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
      />
      <div class="button-group">
        <button type="button" class="button button--warning" onClick={() => void save(true)}>
          {t('hideIt')}
        </button>
        <button type="button" class="button button--secondary" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
