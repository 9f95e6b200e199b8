/**
 * The weekly email (shown only when the server sends email): a member gives
 * or withdraws their own address; a facilitator turns the team's email on and
 * chooses whether notifications and the email may carry ideas' words (off by
 * default: lock screens on a ward are seen by patients and visitors).
 */
import { useEffect, useState } from 'preact/hooks';
import {
  emailState,
  saveDigestAddress,
  saveDigestTeam,
  saveIdeaText,
  type EmailState,
} from '../../actions/notifications.ts';

import { t } from './forYou.en.ts';

export function EmailSettings() {
  const [state, setState] = useState<EmailState | null>(null);
  const [email, setEmail] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    void emailState().then((s) => {
      setState(s);
      if (s.kind === 'ready') setEmail(s.email ?? '');
    });
  }, []);
  if (state === null || state.kind === 'none') return null;
  const tell = (ok: string) => (o: { kind: 'done' } | { kind: 'failed'; message: string }) =>
    setMessage(o.kind === 'done' ? ok : o.message);
  const toggle = (field: 'enabled' | 'ideaText') => {
    const next = !state[field];
    setState({ ...state, [field]: next });
    const save = field === 'enabled' ? saveDigestTeam(next) : saveIdeaText(next);
    void save.then(tell(t('saved')));
  };
  return (
    <section aria-labelledby="email-heading" data-testid="email-settings">
      <h2 id="email-heading">{t('emailHeading')}</h2>
      {message && (
        <p class="inset-text" role="status">
          {message}
        </p>
      )}
      <p>{state.enabled ? t('emailOn') : t('emailOff')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void saveDigestAddress(email).then(
            tell(email.trim() ? t('addressSaved') : t('addressRemoved')),
          );
        }}
      >
        <div class="form-group">
          <label class="label" for="digest-email">
            {t('address')}
          </label>
          <input
            id="digest-email"
            class="input"
            type="email"
            autoComplete="email"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button button--secondary">
          {t('saveAddress')}
        </button>
      </form>
      {state.facilitator && (
        <fieldset class="fieldset">
          <legend class="legend">{t('forTeam')}</legend>
          <div class="checkbox">
            <input
              id="digest-enabled"
              type="checkbox"
              checked={state.enabled}
              onChange={() => toggle('enabled')}
            />
            <label for="digest-enabled">{t('sendWeekly')}</label>
          </div>
          <div class="checkbox">
            <input
              id="idea-text"
              type="checkbox"
              checked={state.ideaText}
              onChange={() => toggle('ideaText')}
            />
            <label for="idea-text">{t('ideaText')}</label>
          </div>
        </fieldset>
      )}
    </section>
  );
}
