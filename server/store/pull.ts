/**
 * Reading a team's change log after a cursor, a page at a time. Only what the
 * wire Change carries leaves the server: never who pushed a change.
 *
 * Two additive answers tell a device the server was restored from a backup
 * (docs/decisions/0010-restore-epoch.md): `epoch`, the database's epoch
 * (old clients ignore it), and a cursor that is never past the team's last
 * change, so a device whose cursor is ahead of a restored log is told so (an
 * old client then simply follows the log from where it now ends).
 */
import type { Kysely } from 'kysely';
import type { Fields } from '../../src/domain/merge.ts';
import type { Change, PullResponse } from '../../src/domain/protocol.ts';
import type { Hlc } from '../../src/domain/hlc.ts';
import type { Database } from './schema.ts';
import { readEpoch } from './epoch.ts';

/** A pull answer with the server's epoch (PullResponse plus an optional field old clients ignore). */
export type PullPage = PullResponse & { readonly epoch?: string };

/** The team's last sequence number, 0 before its first change. */
async function head(db: Kysely<Database>, teamId: string): Promise<number> {
  const row = await db
    .selectFrom('team_counters')
    .select('seq')
    .where('team_id', '=', teamId)
    .executeTakeFirst();
  return row ? Number(row.seq) : 0;
}

type LogRow = Pick<
  Database['change_log'],
  'seq' | 'mutation_id' | 'entity' | 'entity_id' | 'fields' | 'hlc'
>;

/** A change-log row (a team's or an organisation's) as the wire carries it. */
export function toChange(r: LogRow): Change {
  return {
    seq: Number(r.seq),
    mutationId: r.mutation_id,
    entity: r.entity,
    entityId: r.entity_id,
    fields: JSON.parse(r.fields) as Fields as Change['fields'],
    hlc: r.hlc as Hlc,
  };
}

export async function pull(
  db: Kysely<Database>,
  teamId: string,
  cursor: number,
  limit: number,
): Promise<PullPage> {
  const rows = await db
    .selectFrom('change_log')
    .select(['seq', 'mutation_id', 'entity', 'entity_id', 'fields', 'hlc'])
    .where('team_id', '=', teamId)
    .where('seq', '>', cursor)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const changes: Change[] = rows.slice(0, limit).map(toChange);
  const last = changes.at(-1);
  const next = last ? last.seq : Math.min(cursor, await head(db, teamId));
  return { changes, cursor: next, more, epoch: await readEpoch(db) };
}
