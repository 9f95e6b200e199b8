/**
 * Where an idea has been: each status move with who made it and when, kept
 * on the device from the changes it has seen (src/db/apply.ts, statusLog).
 */
import type { MemberRow, StatusLogRow } from '../../../db/schema.ts';
import { dateTime, STATUS_LABELS } from '../../format.ts';

export function StatusHistory({
  history,
  members,
  memberId,
}: {
  history: readonly StatusLogRow[];
  members: readonly MemberRow[];
  memberId: string | null;
}) {
  const moves = history.filter((h) => h.by !== null || h.status !== 'new');
  if (moves.length === 0) return null;
  const who = (id: string | null) =>
    id === null
      ? 'someone'
      : id === memberId
        ? 'you'
        : (members.find((m) => m.id === id)?.displayName ?? 'a team member');
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <ol class="status-history" data-testid="status-history">
        {moves.map((h) => (
          <li key={h.hlc}>
            {STATUS_LABELS[h.status]} by {who(h.by)}
            {h.at !== null ? ` on ${dateTime(h.at)}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
