/**
 * Remembers this device's acknowledged mutations (decision 0008): when push.ts
 * settles a push, the mutations the server acknowledged are journalled as one
 * row in the same transaction that deletes them from the outbox, so a crash
 * leaves each in one or the other, never in neither. The journal keeps at
 * least the newest ACKED_LIMIT mutations, trimmed a whole push at a time.
 *
 * A row per push, not per mutation: a put per push and one range delete to
 * trim. Rows per mutation (until December 2026), written in a transaction of
 * their own, cost a put and a delete per mutation and made a sync of 10,000
 * ideas three times slower (bench/AGAINST.md).
 */
import type { OutboxRow } from '../db/schema.ts';
import { ACKED_LIMIT, restoreTables } from '../db/restoreTables.ts';
import type { GroundUpDb } from '../db/schema.ts';

/**
 * Journals `rows`, acknowledged for `teamId` at `at`, in the order sent. Call
 * inside a transaction covering the journal. `sent`: the push's JSON as it was
 * sent, when it held exactly `rows` (journalRows.ts), kept as it is.
 */
export async function journalAcked(
  db: GroundUpDb,
  rows: readonly OutboxRow[],
  teamId: string,
  at: number,
  sent?: string,
): Promise<void> {
  if (rows.length === 0) return;
  const { journal } = restoreTables(db);
  const last = await journal.orderBy(':id').last();
  const upTo = (last?.upTo ?? 0) + rows.length;
  await journal.put({
    upTo,
    teamId,
    ...(sent === undefined ? { mutations: rows.map((r) => r.mutation) } : { sent }),
    ackedAt: at,
  });
  // A row whose mutations are all older than the newest ACKED_LIMIT goes (one range delete).
  const oldest = await journal.orderBy(':id').first();
  if (oldest !== undefined && oldest.upTo <= upTo - ACKED_LIMIT)
    await journal
      .where(':id')
      .belowOrEqual(upTo - ACKED_LIMIT)
      .delete();
}
