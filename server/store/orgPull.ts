/**
 * Reading an organisation's change log after a cursor, with the same rules as
 * a team's (pull.ts): a page at a time, never who wrote a change, the server's
 * epoch, and a cursor never past the log's end.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { readEpoch } from './epoch.ts';
import { toChange, type PullPage } from './pull.ts';

export async function orgPull(
  db: Kysely<Database>,
  orgId: string,
  cursor: number,
  limit: number,
): Promise<PullPage> {
  const rows = await db
    .selectFrom('org_change_log')
    .select(['seq', 'mutation_id', 'entity', 'entity_id', 'fields', 'hlc'])
    .where('org_id', '=', orgId)
    .where('seq', '>', cursor)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const changes = rows.slice(0, limit).map(toChange);
  const last = changes.at(-1);
  let next = last?.seq;
  if (next === undefined) {
    const head = await db
      .selectFrom('org_counters')
      .select('seq')
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    next = Math.min(cursor, head ? Number(head.seq) : 0);
  }
  return { changes, cursor: next, more: rows.length > limit, epoch: await readEpoch(db) };
}
