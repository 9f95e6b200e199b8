/**
 * The team's turn outside a push (an erasure, a join, unlinking, the purge),
 * taken the way server/store/push.ts takes it: one UPDATE of the team's
 * counter row, the first statement of the transaction. On PostgreSQL it holds that
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

/**
 * Locks the team's counter (its turn) in `trx` and returns its current number;
 * null if there is no such team (purged, maybe while this waited).
 */
export async function lockTeamSeq(
  trx: Transaction<Database>,
  teamId: string,
): Promise<number | null> {
  const row = await trx
    .updateTable('team_counters')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('team_id', '=', teamId)
    .returning('seq')
    .executeTakeFirst();
  return row ? Number(row.seq) : null;
}
