/** Who is in the team (from the server; online only). */
import type { Role } from '../../../domain/records.ts';
import type { TeamInfo } from './useTeamInfo.ts';
import { t } from './team.en.ts';
import { memberName } from '../../format.ts';

/** The roles' words, read in the chosen language each time (getters). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = Object.defineProperties(
  {},
  Object.fromEntries(
    (['member', 'facilitator', 'sponsor'] as const).map((r) => [
      r,
      { get: () => t(r), enumerable: true },
    ]),
  ),
) as Record<Role, string>;

export function Members({ state, memberId }: { state: TeamInfo; memberId: string }) {
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('members')}</h2>
      {state.kind === 'loading' && <p class="secondary-text">{t('loadingMembers')}</p>}
      {state.kind === 'unavailable' && <p class="secondary-text">{state.message}</p>}
      {state.kind === 'ok' && (
        <ul class="card-list">
          {state.info.members.map((m) => (
            <li class="card" key={m.id} data-testid="member">
              <strong>{memberName(m.displayName)}</strong>
              {m.id === memberId ? ` ${t('you')}` : ''}{' '}
              <span class="meta">— {ROLE_LABELS[m.role]}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
