/**
 * The organisation's change log, numbered as a team's is (teamCounter.ts):
 * its counter row is updated first, which on PostgreSQL holds that row's lock
 * to commit, so the organisation's sequence numbers commit in order and a pull
 * never skips a row committed late. A writer that also takes a team's counter
 * always takes the team's first (push.ts, unlinking), so two never wait on
 * each other in a circle.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** Locks the organisation's counter and returns its current number; null if there is no such organisation. */
export async function lockOrgSeq(
  trx: Transaction<Database>,
  orgId: string,
): Promise<number | null> {
  const row = await trx
    .updateTable('org_counters')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('org_id', '=', orgId)
    .returning('seq')
    .executeTakeFirst();
  return row ? Number(row.seq) : null;
}

/** Moves the counter on by `n` (the caller holds its lock) and checks it lands on `expected`. */
export async function advanceOrgSeq(
  trx: Transaction<Database>,
  orgId: string,
  n: number,
  expected: number,
): Promise<void> {
  if (n === 0) return;
  const row = await trx
    .updateTable('org_counters')
    .set({ seq: sql<number>`seq + ${n}` })
    .where('org_id', '=', orgId)
    .returning('seq')
    .executeTakeFirstOrThrow();
  if (Number(row.seq) !== expected)
    throw new Error(`organisation counter moved under a held lock: ${row.seq} != ${expected}`);
}

/** The organisation a team is linked to, or null. */
export async function orgOfTeam(db: Kysely<Database>, teamId: string): Promise<string | null> {
  const row = await db
    .selectFrom('team_orgs')
    .select('org_id')
    .where('team_id', '=', teamId)
    .executeTakeFirst();
  return row?.org_id ?? null;
}
