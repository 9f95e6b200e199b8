/**
 * Where an idea has been: each status move with who made it and when, kept
 * on the device from the changes it has seen (src/db/apply.ts, statusLog).
 */
import type { MemberRow, StatusLogRow } from '../../../db/schema.ts';
import { dateTime, STATUS_LABELS } from '../../format.ts';
import { t } from './idea.en.ts';

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
      ? t('someone')
      : id === memberId
        ? t('you')
        : (members.find((m) => m.id === id)?.displayName ?? t('aMember'));
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history')}</h2>
      <ol class="status-history" data-testid="status-history">
        {moves.map((h) => (
          <li key={h.hlc}>
            {h.at !== null
              ? t('movedByOn', {
                  status: STATUS_LABELS[h.status],
                  who: who(h.by),
                  when: dateTime(h.at),
                })
              : t('movedBy', { status: STATUS_LABELS[h.status], who: who(h.by) })}
          </li>
        ))}
      </ol>
    </section>
  );
}
