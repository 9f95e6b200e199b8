/** Ask the sponsor for permission or support on an idea or its test, with the identifier guard. */
import { useState } from 'preact/hooks';
import { askSponsor } from '../../actions/index.ts';
import { IMPROVEMENT_LIMITS as L } from '../../../domain/improvement.ts';
import { ErrorSummary, type Problem } from '../../components/ErrorSummary.tsx';
import { IdentifierWarning } from '../../components/IdentifierWarning.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useIdentifierGuard } from '../../hooks/useIdentifierGuard.ts';

const NONE: readonly Problem[] = [];

import { t } from './asks.en.ts';

export function AskForm({ ideaId, pdsaId }: { ideaId: string; pdsaId: string | null }) {
  const [kind, setKind] = useState<'permission' | 'support'>('support');
  const [text, setText] = useState('');
  const [problems, setProblems] = useState(NONE);
  const [saved, setSaved] = useState('');
  const guard = useIdentifierGuard((f: { text: string }) => void save(f.text));

  async function save(asked: string) {
    const r = await askSponsor({ ideaId, pdsaId, kind, text: asked });
    if (r.kind !== 'saved') return setProblems([{ message: r.message }]);
    setText('');
    setProblems(NONE);
    setSaved(t('saved'));
  }
  function onSubmit(e: Event) {
    e.preventDefault();
    if (!text.trim()) return setProblems([{ message: t('writeAsk'), field: 'ask-text' }]);
    guard.check({ text });
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="ask-heading" class="card">
      <h2 id="ask-heading">{t('askHeading')}</h2>
      <ErrorSummary problems={problems} id="ask-errors" />
      <fieldset class="fieldset form-group">
        <legend class="legend">{t('whatNeed')}</legend>
        {(['support', 'permission'] as const).map((k) => (
          <div class="checkbox radio" key={k}>
            <input
              type="radio"
              id={`ask-kind-${k}`}
              name="ask-kind"
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            <label for={`ask-kind-${k}`}>
              {t(k === 'support' ? 'supportChoice' : 'permissionChoice')}
            </label>
          </div>
        ))}
      </fieldset>
      <TextField
        spec={{ key: 'text', label: t('whatAsking'), long: true, max: L.long }}
        id="ask-text"
        value={text}
        onInput={(v) => {
          setText(v);
          setSaved('');
          guard.clear();
        }}
      />
      {guard.warning && (
        <IdentifierWarning
          matches={guard.warning}
          what={t('asksWhat')}
          onRemove={() => guard.remove({ text })}
          onKeep={() => guard.keep({ text })}
        />
      )}
      <button type="submit" class="button button--secondary">
        {t('send')}
      </button>
      <p class="success-text" role="status">
        {saved}
      </p>
    </form>
  );
}
