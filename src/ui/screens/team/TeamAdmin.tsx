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
import { serverWords } from '../../serverWords.ts';
import { t } from './team.en.ts';

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
const ROLE_POWERS = {
  member: 'powersMember',
  facilitator: 'powersFacilitator',
  sponsor: 'powersSponsor',
} as const satisfies Record<Role, string>;

export function TeamAdmin({ token, memberId, members, onChange }: Props) {
  const [ask, setAsk] = useState<Ask>(null);
  const [message, setMessage] = useState('');
  // Bumped when a role change is cancelled, so each role list shows the role held again.
  const [shown, setShown] = useState(0);
  const others = members.filter((m) => m.id !== memberId);

  async function changeRole(m: TeamResponse['members'][number], role: Role) {
    const r = await createApi().setRole(token, m.id, role);
    if (r.kind === 'ok') {
      setMessage(t('nowRole', { name: m.displayName, role }));
      onChange();
    } else {
      setMessage(r.kind === 'offline' ? t('needsConnection') : serverWords(r.message));
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
      setMessage(r.kind === 'offline' ? t('needsConnection') : serverWords(r.message));
    } else if ('inviteCode' in r.body) {
      await rememberInviteCode(r.body.inviteCode);
      // The new code and the message show in the same render: never the message beside the old code.
      onChange(r.body.inviteCode);
      setMessage(t('newCodeMade'));
    } else {
      setMessage(t('removed', { name: ask.kind === 'remove' ? ask.name : t('theMember') }));
      onChange();
    }
    setAsk(null);
  }

  return (
    <section aria-labelledby="admin-heading">
      <h2 id="admin-heading">{t('whoCanJoin')}</h2>
      {ask ? (
        <div class="callout" role="alertdialog" aria-labelledby="admin-ask">
          <p id="admin-ask">
            {ask.kind === 'rotate'
              ? t('askRotate')
              : ask.kind === 'role'
                ? t('askRole', {
                    name: ask.member.displayName,
                    role: ask.role,
                    powers: t(ROLE_POWERS[ask.role]),
                  })
                : t('askRemove', { name: ask.name })}
          </p>
          <div class="button-group">
            <button type="button" class="button button--warning" onClick={() => void confirm()}>
              {ask.kind === 'rotate'
                ? t('makeNewCode')
                : ask.kind === 'role'
                  ? t('makeRole', { name: ask.member.displayName, role: ask.role })
                  : t('removeName', { name: ask.name })}
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => {
                setAsk(null);
                setShown((n) => n + 1);
              }}
            >
              {t('cancel')}
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
              {t('makeNewInvite')}
            </button>
          </p>
          {others.length > 0 && (
            <ul class="card-list" key={shown}>
              {others.map((m) => (
                <li class="card" key={m.id}>
                  <label class="label" for={`role-${m.id}`}>
                    {t('roleOf', { name: m.displayName })}
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
                    {t('remove')}
                    <span class="visually-hidden"> {m.displayName}</span>
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
