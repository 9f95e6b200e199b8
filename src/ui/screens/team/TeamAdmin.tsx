/**
 * A facilitator's controls over who can be in the team: a new invite code (the
 * old one stops working at once) and removing a member (their phone is signed
 * out; what it holds stays on it), and each member's role (name the team's
 * sponsor here), each asked first, saying what the role lets them do. All need
 * a connection.
 */
import { useState } from 'preact/hooks';
import type { TeamResponse } from '../../../domain/protocol.ts';
import { createApi } from '../../../sync/api.ts';
import type { Role } from '../../../domain/records.ts';
import { rememberInviteCode } from '../../actions/index.ts';
import { ROLE_LABELS } from './Members.tsx';

const ROLES: readonly Role[] = ['member', 'facilitator', 'sponsor'];

type Props = {
  token: string;
  memberId: string;
  members: TeamResponse['members'];
  /** Called after a change; `inviteCode` is the new code when one was made. */
  onChange: (inviteCode?: string) => void;
};
type Ask =
  | { kind: 'rotate' }
  | { kind: 'remove'; id: string; name: string }
  | { kind: 'role'; member: TeamResponse['members'][number]; role: Role }
  | null;

/** What a role lets someone do, said before it is given. */
const ROLE_POWERS: Readonly<Record<Role, string>> = {
  member: 'They will capture ideas, vote and test changes, and no longer lead the team.',
  facilitator:
    'They will be able to run huddles, change the invite code, remove people and change roles.',
  sponsor: 'They will answer the team’s asks and be able to move ideas on.',
};

export function TeamAdmin({ token, memberId, members, onChange }: Props) {
  const [ask, setAsk] = useState<Ask>(null);
  const [message, setMessage] = useState('');
  // Bumped when a role change is cancelled, so each role list shows the role held again.
  const [shown, setShown] = useState(0);
  const others = members.filter((m) => m.id !== memberId);

  async function changeRole(m: TeamResponse['members'][number], role: Role) {
    const r = await createApi().setRole(token, m.id, role);
    if (r.kind === 'ok') {
      setMessage(`${m.displayName} is now ${ROLE_LABELS[role].toLowerCase()}.`);
      onChange();
    } else {
      setMessage(
        r.kind === 'offline' ? 'This needs a connection. Nothing was changed.' : r.message,
      );
    }
  }

  async function confirm() {
    if (!ask) return;
    if (ask.kind === 'role') {
      await changeRole(ask.member, ask.role);
      setAsk(null);
      return;
    }
    const api = createApi();
    const r =
      ask.kind === 'rotate' ? await api.rotateInvite(token) : await api.removeMember(token, ask.id);
    if (r.kind !== 'ok') {
      setMessage(
        r.kind === 'offline' ? 'This needs a connection. Nothing was changed.' : r.message,
      );
    } else if ('inviteCode' in r.body) {
      await rememberInviteCode(r.body.inviteCode);
      // The new code and the message show in the same render: never the message beside the old code.
      onChange(r.body.inviteCode);
      setMessage('New invite code made. The old code no longer works.');
    } else {
      setMessage(`${ask.kind === 'remove' ? ask.name : 'The member'} was removed from the team.`);
      onChange();
    }
    setAsk(null);
  }

  return (
    <section aria-labelledby="admin-heading">
      <h2 id="admin-heading">Who can join</h2>
      {ask ? (
        <div class="callout" role="alertdialog" aria-labelledby="admin-ask">
          <p id="admin-ask">
            {ask.kind === 'rotate'
              ? 'Make a new invite code? The current code and QR code will stop working.'
              : ask.kind === 'role'
                ? `Make ${ask.member.displayName} ${ROLE_LABELS[ask.role].toLowerCase()}? ${ROLE_POWERS[ask.role]} You can change it back at any time.`
                : `Remove ${ask.name} from the team? Their phone will be signed out. Nothing they already shared is deleted.`}
          </p>
          <div class="button-group">
            <button type="button" class="button button--warning" onClick={() => void confirm()}>
              {ask.kind === 'rotate'
                ? 'Make a new code'
                : ask.kind === 'role'
                  ? `Make ${ask.member.displayName} ${ROLE_LABELS[ask.role].toLowerCase()}`
                  : `Remove ${ask.name}`}
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => {
                setAsk(null);
                setShown((n) => n + 1);
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          <p>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => setAsk({ kind: 'rotate' })}
            >
              Make a new invite code
            </button>
          </p>
          {others.length > 0 && (
            <ul class="card-list" key={shown}>
              {others.map((m) => (
                <li class="card" key={m.id}>
                  <label class="label" for={`role-${m.id}`}>
                    Role of {m.displayName}
                  </label>
                  <select
                    id={`role-${m.id}`}
                    class="select"
                    value={m.role}
                    onChange={(e) =>
                      setAsk({
                        kind: 'role',
                        member: m,
                        role: (e.currentTarget as HTMLSelectElement).value as Role,
                      })
                    }
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>{' '}
                  <button
                    type="button"
                    class="link-button"
                    onClick={() => setAsk({ kind: 'remove', id: m.id, name: m.displayName })}
                  >
                    Remove<span class="visually-hidden"> {m.displayName}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p class="success-text" role="status">
        {message}
      </p>
    </section>
  );
}
