/**
 * The server epoch (migration 0004): a random id that names this database's
 * history. It changes only when a backup is restored, so a device that sees a
 * new one knows the server may have forgotten changes it had acknowledged.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

/** The database's epoch; '' on a database without one (never, once migrated). */
export async function readEpoch<D>(db: Kysely<D>): Promise<string> {
  const r = await sql<{ epoch: string }>`select epoch from server_epoch where id = 1`.execute(db);
  return r.rows[0]?.epoch ?? '';
}

/** The SQL that gives a restored database a new epoch (`now` in ms since the epoch). */
export function newEpochStatement(now: number): { text: string; epoch: string } {
  const epoch = randomUUID();
  return {
    epoch,
    text: `update server_epoch set epoch = '${epoch}', changed_at = ${Math.trunc(now)} where id = 1`,
  };
}
