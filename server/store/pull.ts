/**
 * Reading a team's change log after a cursor, a page at a time. Only what the
 * wire Change carries leaves the server: never who pushed a change.
 *
 * Two additive answers tell a device the server was restored from a backup
 * (docs/decisions/0010-restore-epoch.md): `epoch`, the database's epoch
 * (old clients ignore it), and a cursor that is never past the team's last
 * change, so a device whose cursor is ahead of a restored log is told so (an
 * old client then simply follows the log from where it now ends).
 *
 * No echo (issue 15, docs/decisions/0024-no-echo.md): a phone that names
 * itself (`own=<device id>`) is not sent the changes it pushed that were
 * applied exactly as it sent them (`change_log.as_sent`, push.ts): it saved
 * each before sending. Both its member and its device must match (the stamp's
 * node is the device's), so the same member's other phone still gets them. It
 * still gets every change the server wrote into (a name, a maker, a replaced
 * stamp) and anything refused before and applied later. The cursor moves past
 * what is left out, so a pass that pushed 10,000 ideas downloads none of them.
 */
import { sql, type Kysely } from 'kysely';
import type { Fields } from '../../src/domain/merge.ts';
import type { Change, PullResponse } from '../../src/domain/protocol.ts';
import type { Hlc } from '../../src/domain/hlc.ts';
import type { DeviceId } from '../../src/domain/ids.ts';
import type { Database } from './schema.ts';
import { readEpoch } from './epoch.ts';

/** Whose changes applied as sent a pull leaves out: a member's, from one of its devices. */
export type Own = { readonly memberId: string; readonly device: DeviceId };

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

/**
 * The team's last sequence number and the database's epoch, in one round trip.
 * The epoch changes only by a restore, which runs with the server stopped, so
 * reading it before the page rather than after gives the same answer.
 */
async function headAndEpoch(
  db: Kysely<Database>,
  teamId: string,
): Promise<{ last: number; epoch: string }> {
  // Two scalar subqueries, so the answer is always one row, with null for a missing row:
  // 0 and '', as head() and readEpoch() answer (a deleted team's counter row is gone).
  const r = await sql<{ epoch: string | null; seq: string | number | null }>`
    select (select epoch from server_epoch where id = 1) as epoch,
      (select seq from team_counters where team_id = ${teamId}) as seq`.execute(db);
  const row = r.rows[0];
  return { last: Number(row?.seq ?? 0), epoch: row?.epoch ?? '' };
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
  own?: Own,
): Promise<PullPage> {
  if (own !== undefined) return pullOthers(db, teamId, cursor, limit, own);
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

/** The page without `own`'s changes applied as sent; the cursor past all that was read. */
async function pullOthers(
  db: Kysely<Database>,
  teamId: string,
  cursor: number,
  limit: number,
  own: Own,
): Promise<PullPage> {
  // Read first: every row up to it has committed (the counter moves in the same transaction).
  const { last, epoch } = await headAndEpoch(db, teamId);
  const rows = await db
    .selectFrom('change_log')
    .select(['seq', 'mutation_id', 'entity', 'entity_id', 'fields', 'hlc'])
    .where('team_id', '=', teamId)
    .where('seq', '>', cursor)
    .where('seq', '<=', last)
    .where((eb) =>
      eb.not(
        eb.and([
          eb('as_sent', '=', 1),
          eb('member_id', '=', own.memberId),
          // The stamp ends with its device's node (hlc.ts formatHlc); a device id is hex only.
          eb('hlc', 'like', `%-${own.device}`),
        ]),
      ),
    )
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const changes: Change[] = rows.slice(0, limit).map(toChange);
  // Not more: everything up to `last` was read, left-out rows after the page's last too (and
  // a cursor ahead of a restored log comes back behind, as above).
  const next = more ? (changes.at(-1)?.seq ?? cursor) : last;
  return { changes, cursor: next, more, epoch };
}
