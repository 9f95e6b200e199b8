/** Who is in the team (from the server; online only). */
import type { Role } from '../../../domain/records.ts';
import type { TeamInfo } from './useTeamInfo.ts';

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  member: 'Member',
  facilitator: 'Facilitator',
  sponsor: 'Sponsor',
};

export function Members({ state, memberId }: { state: TeamInfo; memberId: string }) {
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      {state.kind === 'loading' && <p class="secondary-text">Loading the member list…</p>}
      {state.kind === 'unavailable' && <p class="secondary-text">{state.message}</p>}
      {state.kind === 'ok' && (
        <ul class="card-list">
          {state.info.members.map((m) => (
            <li class="card" key={m.id} data-testid="member">
              <strong>{m.displayName}</strong>
              {m.id === memberId ? ' (you)' : ''} <span class="meta">— {ROLE_LABELS[m.role]}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
