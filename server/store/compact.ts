/**
 * Compacting the change logs (issue 15, docs/decisions/0025-compacted-log-is-the-snapshot.md):
 * history older than the window the person running the server chose
 * (CHANGE_LOG_COMPACT_DAYS, server/ops/retention.ts) loses every field value
 * that a later write of the same record's field overrides. A row left with no
 * field is deleted; a row left with fewer is rewritten with fewer, keeping its
 * sequence number and stamp (as an erasure does, erase.ts).
 *
 * Why no device can be hurt by it, whatever its cursor: merge keeps, field by
 * field, the value with the latest stamp (src/domain/merge.ts). A value is
 * removed only when a row of the same record carries that field with a later
 * stamp, and the row with the latest stamp of a field is never touched. A
 * device at cursor c holds every row up to c; of each field's latest row it
 * either holds it (at or below c) or pulls it (above c, still there). So every
 * device, new (cursor 0: the compacted log is its snapshot, in the change
 * format every app version reads) or behind, ends with the same records as a
 * full replay, and its outbox is never looked at.
 *
 * Rows kept whatever their age, for the server's other readers: the team's
 * newest (its last activity, teamLifecycle.ts), each member's newest (a name
 * someone has sent changes under stays taken, teams.ts), and everything the
 * notifier has not yet read (notify.ts). The window itself keeps the digest's
 * week (digest.ts) whole.
 *
 * Each page is rewritten in a transaction that first takes the team's (or
 * organisation's) counter row, as a push and an erasure do, so a name being
 * erased from a row (teamData.ts) can never be written back from a stale copy.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** What one compaction did, for the log line. */
export type CompactResult = {
  readonly logs: number;
  readonly removed: number;
  readonly trimmed: number;
};

/** One change log: a team's (`change_log`) or an organisation's (`org_change_log`). */
type Scope =
  | { readonly table: 'change_log'; readonly key: 'team_id'; readonly id: string }
  | { readonly table: 'org_change_log'; readonly key: 'org_id'; readonly id: string };

type Row = {
  seq: number | string;
  mutation_id: string;
  entity: string;
  entity_id: string;
  fields: string;
  hlc: string;
};

const PAGE = 2_000;
const WRITE_PAGE = 500;
/** Rows deleted by one statement (SQLite allows 999 bound values). */
const DELETE_PAGE = 100;

/**
 * Both logs have the columns read here; Kysely is told they are `change_log`'s
 * (the SQL names the scope's own table and key).
 */
function rows(db: Kysely<Database> | Transaction<Database>, s: Scope) {
  return db
    .selectFrom(s.table as 'change_log')
    .select(['seq', 'mutation_id', 'entity', 'entity_id', 'fields', 'hlc'])
    .where(s.key as 'team_id', '=', s.id);
}

const recordKey = (r: Row) => `${r.entity}\u0000${r.entity_id}`;

/** The latest stamp of every field of every record in the log. */
async function latestStamps(
  db: Kysely<Database>,
  s: Scope,
): Promise<Map<string, Map<string, string>>> {
  const latest = new Map<string, Map<string, string>>();
  for (let after = -1; ;) {
    const page = (await rows(db, s)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute()) as Row[];
    for (const r of page) {
      const key = recordKey(r);
      let fields = latest.get(key);
      if (!fields) latest.set(key, (fields = new Map()));
      for (const f of Object.keys(JSON.parse(r.fields) as object)) {
        const held = fields.get(f);
        if (held === undefined || r.hlc > held) fields.set(f, r.hlc);
      }
    }
    const last = page.at(-1);
    if (!last || page.length < PAGE) return latest;
    after = Number(last.seq);
  }
}

/** Sequence numbers never removed: the newest row, each member's newest, what the notifier has yet to read. */
async function keptRows(
  db: Kysely<Database>,
  s: Scope,
): Promise<{ kept: Set<number>; above: number }> {
  const kept = new Set<number>();
  let above = Number.MAX_SAFE_INTEGER;
  if (s.key === 'team_id') {
    const newest = await db
      .selectFrom('change_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('team_id', '=', s.id)
      .groupBy('member_id')
      .execute();
    for (const r of newest) kept.add(Number(r.seq));
    const notify = await db
      .selectFrom('notify_cursors')
      .select('seq')
      .where('team_id', '=', s.id)
      .executeTakeFirst();
    if (notify) above = Number(notify.seq);
  }
  const head = await db
    .selectFrom(s.table as 'change_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where(s.key as 'team_id', '=', s.id)
    .executeTakeFirst();
  if (head?.seq !== null && head?.seq !== undefined) kept.add(Number(head.seq));
  return { kept, above };
}

/** Takes the log's counter row for the transaction (PostgreSQL holds its lock to commit). */
async function lockCounter(trx: Transaction<Database>, s: Scope): Promise<void> {
  if (s.key === 'team_id') {
    await sql`update team_counters set seq = seq where team_id = ${s.id}`.execute(trx);
  } else {
    await sql`update org_counters set seq = seq where org_id = ${s.id}`.execute(trx);
  }
}

/** Compacts one log's rows received before `before`. */
export async function compactLog(
  db: Kysely<Database>,
  s: Scope,
  before: number,
  onRemoved?: RemovedMutations,
): Promise<{ removed: number; trimmed: number }> {
  const latest = await latestStamps(db, s);
  const { kept, above } = await keptRows(db, s);
  let removed = 0;
  let trimmed = 0;
  for (let after = -1; ;) {
    const page = await db
      .transaction()
      .execute(async (trx) => {
        await lockCounter(trx, s);
        const old = (await rows(trx, s)
          .where('seq', '>', after)
          .where('seq', '<=', above)
          .where('received_at', '<', before)
          .orderBy('seq')
          .limit(WRITE_PAGE)
          .execute()) as Row[];
        const gone: number[] = [];
        const goneIds: string[] = [];
        for (const r of old) {
          const seq = Number(r.seq);
          if (kept.has(seq)) continue;
          const stamps = latest.get(recordKey(r));
          const fields = JSON.parse(r.fields) as Record<string, unknown>;
          // A field stays unless a later stamp of it is known (a row written since the
          // first pass has a later stamp still, so it only keeps more).
          const left = Object.entries(fields).filter(([f]) => {
            const newest = stamps?.get(f);
            return newest === undefined || !(newest > r.hlc);
          });
          if (left.length === Object.keys(fields).length) continue;
          if (left.length === 0) {
            gone.push(seq);
            goneIds.push(r.mutation_id);
          } else {
            await trx
              .updateTable(s.table as 'change_log')
              .set({ fields: JSON.stringify(Object.fromEntries(left)) })
              .where(s.key as 'team_id', '=', s.id)
              .where('seq', '=', seq)
              .execute();
            trimmed++;
          }
        }
        for (let i = 0; i < gone.length; i += DELETE_PAGE) {
          await trx
            .deleteFrom(s.table as 'change_log')
            .where(s.key as 'team_id', '=', s.id)
            .where('seq', 'in', gone.slice(i, i + DELETE_PAGE))
            .execute();
        }
        removed += gone.length;
        return { old, goneIds };
      })
      .then(({ old, goneIds }) => {
        // Told only once the page's transaction has committed.
        if (goneIds.length > 0) onRemoved?.(goneIds, s.id);
        return old;
      });
    const last = page.at(-1);
    if (!last || page.length < WRITE_PAGE) return { removed, trimmed };
    after = Number(last.seq);
  }
}

/**
 * Told the mutation ids of the rows a compaction deleted from the log of a
 * team or organisation (`logOf`, its id), page by page, once each page has
 * committed (the fault suite's check counts them as applied).
 */
export type RemovedMutations = (mutationIds: readonly string[], logOf: string) => void;

/**
 * Compacts every team's and organisation's history received before `before`
 * (ms since the epoch); with `only`, just the logs of those teams and
 * organisations (the fault suite's runs share a PostgreSQL schema: each
 * compacts its own logs, so a run costs the same however many came before).
 */
export async function compactLogs(
  db: Kysely<Database>,
  before: number,
  onRemoved?: RemovedMutations,
  only?: ReadonlySet<string>,
): Promise<CompactResult> {
  const teams = await db
    .selectFrom('change_log')
    .select('team_id')
    .distinct()
    .where('received_at', '<', before)
    .execute();
  const orgs = await db
    .selectFrom('org_change_log')
    .select('org_id')
    .distinct()
    .where('received_at', '<', before)
    .execute();
  const scopes: Scope[] = [
    ...teams.map((t) => ({ table: 'change_log', key: 'team_id', id: t.team_id }) as const),
    ...orgs.map((o) => ({ table: 'org_change_log', key: 'org_id', id: o.org_id }) as const),
  ].filter((s) => !only || only.has(s.id));
  let removed = 0;
  let trimmed = 0;
  for (const s of scopes) {
    const r = await compactLog(db, s, before, onRemoved);
    removed += r.removed;
    trimmed += r.trimmed;
  }
  return { logs: scopes.length, removed, trimmed };
}
