/**
 * A facilitator's choice of how people join (decision 0020): ask everyone to
 * sign in with their work account (the invite code alone then lets no one
 * in), and whether bank and agency staff may still join with the code alone.
 * Needs a connection; on a server without sign-in set up it says so.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TeamSignIn } from '../../../domain/protocol.ts';
import { createApi } from '../../../sync/api.ts';
import { serverWords } from '../../serverWords.ts';
import { t } from './team.en.ts';

type Props = { token: string; members: number };

export function SignInSetting({ token, members }: Props) {
  const [rule, setRule] = useState<TeamSignIn | null>(null);
  const [required, setRequired] = useState(false);
  const [allowCodes, setAllowCodes] = useState(false);
  const [message, setMessage] = useState('');

  useEffect(() => {
    let live = true;
    void createApi()
      .signInRule(token)
      .then((r) => {
        if (!live || r.kind !== 'ok') return;
        setRule(r.body);
        setRequired(r.body.required);
        setAllowCodes(r.body.allowInviteCodes);
      });
    return () => {
      live = false;
    };
  }, [token]);

  if (rule === null) return null;
  if (!rule.available) {
    return (
      <section aria-labelledby="sign-in-heading">
        <h2 id="sign-in-heading">{t('howJoin')}</h2>
        <p class="secondary-text">{t('noSignIn')}</p>
      </section>
    );
  }

  async function save(e: Event) {
    e.preventDefault();
    const r = await createApi().setSignInRule(token, {
      required,
      allowInviteCodes: required && allowCodes,
    });
    if (r.kind === 'ok') {
      setRule(r.body);
      setMessage(
        r.body.required
          ? r.body.allowInviteCodes
            ? t('savedBankIn')
            : t('savedAllSignIn')
          : t('savedCode'),
      );
    } else {
      setMessage(r.kind === 'offline' ? t('needsConnection') : serverWords(r.message));
    }
  }

  return (
    <section aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{t('howJoin')}</h2>
      <p>
        {t('signedInCount', {
          signed: rule.signedIn.length,
          n: members,
          provider: rule.provider,
        })}
      </p>
      <form onSubmit={(e) => void save(e)}>
        <div class="checkbox">
          <input
            id="sign-in-required"
            type="checkbox"
            checked={required}
            aria-describedby="sign-in-required-hint"
            onChange={(e) => setRequired((e.currentTarget as HTMLInputElement).checked)}
          />
          <label for="sign-in-required">{t('askSignIn', { provider: rule.provider })}</label>
          <span class="hint" id="sign-in-required-hint">
            {t('askSignInHint')}
          </span>
        </div>
        {required && (
          <div class="checkbox">
            <input
              id="sign-in-codes"
              type="checkbox"
              checked={allowCodes}
              onChange={(e) => setAllowCodes((e.currentTarget as HTMLInputElement).checked)}
            />
            <label for="sign-in-codes">{t('letBank')}</label>
          </div>
        )}
        <button type="submit" class="button button--secondary">
          {t('saveHow')}
        </button>
      </form>
      <p class="secondary-text" role="status">
        {message}
      </p>
    </section>
  );
}
