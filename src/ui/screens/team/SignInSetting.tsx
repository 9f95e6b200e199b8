/**
 * A facilitator's choice of how people join (decision 0020): ask everyone to
 * sign in with their work account (the invite code alone then lets no one
 * in), and whether bank and agency staff may still join with the code alone.
 * Needs a connection; on a server without sign-in set up it says so.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TeamSignIn } from '../../../domain/protocol.ts';
import { createApi } from '../../../sync/api.ts';

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
        <h2 id="sign-in-heading">How people join</h2>
        <p class="secondary-text">
          With the invite code. Sign-in with a work account (NHSmail or your trust's) is not set up
          on this server; whoever runs Ground Up for your trust can set it up.
        </p>
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
            ? 'Saved. Staff sign in to join; the invite code alone still lets bank and agency staff in.'
            : 'Saved. The invite code alone no longer lets anyone in: everyone signs in to join.'
          : 'Saved. The invite code alone lets people join.',
      );
    } else {
      setMessage(
        r.kind === 'offline' ? 'This needs a connection. Nothing was changed.' : r.message,
      );
    }
  }

  return (
    <section aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">How people join</h2>
      <p>
        {rule.signedIn.length} of {members} {members === 1 ? 'member' : 'members'} joined signed in
        with {rule.provider}.
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
          <label for="sign-in-required">Ask everyone to sign in with {rule.provider} to join</label>
          <span class="hint" id="sign-in-required-hint">
            The invite code alone then lets no one in. People already in stay in.
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
            <label for="sign-in-codes">
              Let bank and agency staff join with the invite code alone
            </label>
          </div>
        )}
        <button type="submit" class="button button--secondary">
          Save how people join
        </button>
      </form>
      <p class="secondary-text" role="status">
        {message}
      </p>
    </section>
  );
}
