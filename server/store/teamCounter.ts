/**
 * Taking the team's next sequence number outside a push (a facilitator's
 * erase), the way server/store/push.ts does: one UPDATE of the team's counter
 * row, the first statement of the transaction. On PostgreSQL it holds that
 * row's lock to commit, so the team's writers run one after another and
 * sequence numbers commit in order (a pull never skips a row committed late);
 * SQLite serialises all writers anyway.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** The team's next sequence number, taken (and locked) in `trx`; null if there is no such team. */
export async function takeNextSeq(
  trx: Transaction<Database>,
  teamId: string,
): Promise<number | null> {
  const row = await trx
    .updateTable('team_counters')
    .set({ seq: sql<number>`seq + 1` })
    .where('team_id', '=', teamId)
    .returning('seq')
    .executeTakeFirst();
  return row ? Number(row.seq) : null;
}
