/**
 * Applying a push: the heart of sync. One database transaction per request,
 * one path for every kind of record. Each mutation, in order, is answered on
 * its own: `duplicate` if its id was applied before (a resent request, e.g.
 * Chromium replaying a POST on a reset keep-alive connection), `rejected` with
 * a code and words if it is malformed or breaks a rule of the team (it never
 * affects the others), else `applied` with the team sequence number it was
 * logged under.
 *
 * How: every record the batch touches or its rules name is loaded in a few
 * queries (the registry's `refs`), each mutation is judged by the pure rules
 * (src/domain/rules) against that view and merged into it in memory, so later
 * mutations see earlier ones exactly as one by one would; then everything is
 * written in a few multi-row statements.
 *
 * Refusals are remembered (migration 0012, docs/decisions/0024-no-echo.md).
 * A phone that pushes with `finalRefusals` sends "Try again" under a new
 * mutation id, so its refused mutations are final: every later copy (the
 * network resending the request) gets the same answer and can never be
 * applied after the phone undid it. A change applied exactly as its phone
 * sent it, never refused before, is logged `as_sent`: that phone holds it, so
 * its pull may leave it out (pull.ts).
 *
 * Ordering: the first statement updates the team's counter row, which on
 * PostgreSQL takes a row lock held to commit (SQLite serialises all writers
 * anyway). So the writers of one team run one after another: sequence numbers
 * commit in order (a pull can never skip a row committed late), and every read
 * below sees what earlier pushes committed (no lost merges, and a mutation
 * pushed twice at once is applied by one and `duplicate` for the other).
 */
import {
  CompiledQuery,
  sql,
  type Insertable,
  type Kysely,
  type RawBuilder,
  type Transaction,
} from 'kysely';
import { ENTITIES, entityDef, isOrgKind, type Ref } from '../../src/domain/entities.ts';
import { LIMITS } from '../../src/domain/records.ts';
import { SERVER_NODE, withNode } from '../../src/domain/hlc.ts';
import { applyFields } from '../../src/domain/idea.ts';
import { isUuidV7 } from '../../src/domain/ids.ts';
import type { Fields } from '../../src/domain/merge.ts';
import { describeIssues } from '../../src/domain/issues.ts';
import { parseMutation, type Mutation, type PushResult } from '../../src/domain/protocol.ts';
import { fieldsOf } from '../../src/domain/rules/common.ts';
import { checkClock } from '../../src/domain/rules/clock.ts';
import { judge, type Actor } from '../../src/domain/rules/index.ts';
import type { Existing, VerdictCode } from '../../src/domain/rules/verdict.ts';
import { serverFields } from '../../src/domain/serverFields.ts';
import { isRecordKeyTaken, isRetryable } from './errors.ts';
import {
  chunks,
  insertRows,
  isPostgres,
  jsonRows,
  oneOf,
  parseJsonRows,
  pgInsertText,
  pgTypes,
  quote,
  type BulkInsert,
} from './bulk.ts';
import {
  HELD_COLUMNS,
  RECORDS_INSERT,
  RECORDS_UPSERT,
  RecordCache,
  RecordClaimed,
  heldRow,
} from './records.ts';
import { advanceOrgSeq, lockOrgSeq, orgOfTeam } from './orgCounter.ts';
import type { Database } from './schema.ts';

const ATTEMPTS = 3;

const WAITING_BEHIND =
  'Waiting to be sent after an earlier change from this phone, which waits for its clock to be put right';

export type PushOptions = {
  /** The phone never sends a refused mutation's id again: its refusals are final. */
  readonly finalRefusals?: boolean;
  /**
   * Where the phone last saw this server: its epoch and the team's log position
   * the phone has pulled to. When the server no longer stands there (restored from
   * a backup: another epoch, or a log that ends before that position), nothing is
   * applied and `ServerMoved` is thrown, so the phone first sends again what the
   * backup lost (src/sync/restore.ts). Saves the phone a pull before each push.
   */
  readonly since?: { readonly epoch: string; readonly cursor: number };
};

/**
 * The team was removed (teamLifecycle.ts purgeTeam) while this push waited for
 * its turn; nothing was applied. The next request's token finds no member.
 */
export class TeamGone extends Error {
  constructor() {
    super('The team was deleted while this push waited');
    this.name = 'TeamGone';
  }
}

/** The server is not where the push's `since` says the phone last saw it; nothing was applied. */
export class ServerMoved extends Error {
  constructor() {
    super('The server is not where this phone last saw it: restored from a backup');
    this.name = 'ServerMoved';
  }
}

export function push(
  db: Kysely<Database>,
  actor: Actor,
  items: readonly unknown[],
  now: number,
  opts: PushOptions = {},
): Promise<PushResult[]> {
  // Checked before the team's turn: another push of the team can meanwhile wait on the database.
  const parsed = items.map(parseMutation);
  return new Promise((resolve, reject) =>
    inTeamTurn({ db, actor, items, parsed, now, opts, resolve, reject }),
  );
}

type Parsed = ReturnType<typeof parseMutation>;

/** A push waiting for its team's turn, and where its answer goes. */
type Job = {
  readonly db: Kysely<Database>;
  readonly actor: Actor;
  readonly items: readonly unknown[];
  readonly parsed: readonly Parsed[];
  readonly now: number;
  readonly opts: PushOptions;
  readonly resolve: (results: PushResult[]) => void;
  readonly reject: (err: unknown) => void;
};

/**
 * The most one group commit holds (see `runGroup`): pushes, and mutations in
 * all. Its first push waits for the last before it is answered: 4 full
 * batches of new ideas take about 150 ms on PostgreSQL on the bench's machine.
 */
export const GROUP_LIMIT = { pushes: 16, mutations: 4 * LIMITS.pushBatch } as const;

let committedTogether = 0;
let ranAgain = 0;

/** How many pushes this process has committed in a group of more than one (for tests and logs). */
export const pushesCommittedTogether = (): number => committedTogether;

/** How many pushes ran again alone after their group failed (for tests and logs). */
export const pushesRunAgainAlone = (): number => ranAgain;

/** What a push in a group may end with instead of results, the group going on. */
type NotApplied = ServerMoved | TeamGone;

/** The teams with a turn running in this process: the pushes waiting behind it. */
const queues = new Map<string, Job[]>();

/**
 * One push per team at a time in this process; the others wait here, in
 * memory. They would run one after another anyway (the team's counter row
 * lock, above), but waiting on that lock holds a pooled connection: a huddle's
 * burst of votes from one team then took every connection of the pool while
 * other teams' pulls waited for one until they timed out (503s in the bench's
 * several-servers section). Other processes still queue on the row lock, at
 * most one connection each.
 *
 * When a team's turn ends, the pushes that queued behind it meanwhile go
 * together (runGroup). A push arriving when the team has no turn running
 * starts at once, alone, so a lone phone waits for nobody.
 */
function inTeamTurn(job: Job): void {
  const teamId = job.actor.teamId;
  const waiting = queues.get(teamId);
  if (waiting !== undefined) {
    waiting.push(job);
    return;
  }
  const queue = [job];
  queues.set(teamId, queue);
  void (async () => {
    try {
      while (queue.length > 0) await runGroup(takeGroup(queue));
    } catch (err) {
      // runGroup answers every push it takes; this is for a fault of its own.
      for (const j of queue.splice(0)) j.reject(err);
    } finally {
      queues.delete(teamId);
    }
  })();
}

/**
 * The queue's first pushes, up to GROUP_LIMIT (always at least one), all to
 * one database handle (a test may open two stores on one database).
 */
function takeGroup(queue: Job[]): Job[] {
  let n = 1;
  let mutations = queue[0]?.items.length ?? 0;
  while (n < queue.length && n < GROUP_LIMIT.pushes && queue[n]!.db === queue[0]!.db) {
    mutations += queue[n]!.items.length;
    if (mutations > GROUP_LIMIT.mutations) break;
    n++;
  }
  return queue.splice(0, n);
}

/**
 * Group commit (docs/decisions/0043): the team's queued pushes, each judged
 * and written in order exactly as it would be alone, in one transaction, so
 * they share one BEGIN, one COMMIT and its flush of the log to disk. No push
 * is answered before the commit, so an "applied" is as durable as before. If
 * anything throws (a restore found, the team deleted, an id claimed by
 * another team meanwhile, a deadlock), the whole group is rolled back and
 * each push runs again on its own, as it always did; nothing of the group
 * was kept.
 *
 * Groups form where pushes wait on the database: on PostgreSQL (a huddle's
 * burst of votes, the bench's ten pushers of one team). On SQLite a push's
 * statements run without giving way to other requests (better-sqlite3 is
 * synchronous), so the next push has rarely arrived when one ends.
 */
async function runGroup(group: readonly Job[]): Promise<void> {
  const db = group[0]!.db;
  if (group.length > 1) {
    let results: (PushResult[] | NotApplied)[] | null = null;
    try {
      results = await db.transaction().execute(async (trx) => {
        const out: (PushResult[] | NotApplied)[] = [];
        for (const j of group) {
          try {
            out.push(await pushInTransaction(trx, j.actor, j.items, j.parsed, j.now, j.opts));
          } catch (err) {
            // Thrown before the push wrote anything, with no statement failed: the others
            // go on (every phone's checked push meets ServerMoved once after a restore).
            if (err instanceof ServerMoved || err instanceof TeamGone) out.push(err);
            else throw err;
          }
        }
        return out;
      });
    } catch {
      results = null; // each alone, below
      ranAgain += group.length;
    }
    if (results !== null) {
      committedTogether += results.filter(Array.isArray).length;
      group.forEach((j, i) => {
        const r = results[i]!;
        if (Array.isArray(r)) j.resolve(r);
        else j.reject(r);
      });
      return;
    }
  }
  for (const j of group) {
    await pushWithRetries(j).then(j.resolve, j.reject);
  }
}

async function pushWithRetries(job: Job): Promise<PushResult[]> {
  const { db, actor, items, parsed, now, opts } = job;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db
        .transaction()
        .execute((trx) => pushInTransaction(trx, actor, items, parsed, now, opts));
    } catch (err) {
      // A deadlock or serialisation failure (PostgreSQL) rolled everything back, or another
      // team took one of our ids meanwhile: run it again (it then sees what they did).
      const again = isRetryable(err) || err instanceof ClaimLost || err instanceof RecordClaimed;
      if (attempt >= ATTEMPTS || !again) throw err;
    }
  }
}

/**
 * The database's epoch (epoch.ts readEpoch), as a column of the counter's lock.
 * On PostgreSQL it is read in the statement's snapshot, taken before any wait
 * for the lock, where a query of its own read it after: the same, since the
 * epoch changes only by a restore, which runs with every server stopped (as
 * pull.ts headAndEpoch relies on too).
 */
const EPOCH_NOW = sql<string | null>`(select epoch from server_epoch where id = 1)`.as('epoch');

/** Thrown when another team claimed one of our mutation ids meanwhile: rerun the push. */
class ClaimLost extends Error {}

async function pushInTransaction(
  trx: Transaction<Database>,
  actor: Actor,
  items: readonly unknown[],
  parsed: readonly Parsed[],
  now: number,
  opts: PushOptions,
): Promise<PushResult[]> {
  const finalRefusals = opts.finalRefusals === true;
  const since = opts.since;
  // The epoch comes in the same statement (a checked push compares it): every statement
  // here is a round trip that each later push of the team waits for.
  const lock = await trx
    .updateTable('team_counters')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('team_id', '=', actor.teamId)
    .returning(['seq', EPOCH_NOW])
    .executeTakeFirst();
  if (lock === undefined) throw new TeamGone();
  let seq = Number(lock.seq);
  // Under the counter's lock, so no push of the team can move the log meanwhile.
  if (since !== undefined && (seq < since.cursor || (lock.epoch ?? '') !== since.epoch))
    throw new ServerMoved();
  const ids = items.map(rawId);
  // Only ids of the right shape are looked up: anything else is rejected by the schema,
  // and PostgreSQL refuses text holding NUL (the fuzz sent "\u0000", which made the
  // whole batch a 500 and so blocked the valid mutations with it).
  const valid = parsed.flatMap((p) => (p.success ? [p.output] : []));
  const records = new RecordCache(trx, actor.teamId);
  // Organisation records go to the organisation's log: its counter is locked after the team's,
  // and before any record is read.
  const org = valid.some((m) => isOrgKind(m.entity)) ? await lockOrg(trx, actor.teamId) : null;
  let orgSeq = org?.seq ?? 0;
  records.setOrganisation(org?.orgId ?? null);
  const { seen, refusedBefore, nameOf } = await firstLook(
    trx,
    actor,
    ids.filter(isUuidV7),
    valid,
    records,
  );
  await loadFacts(records, valid);

  const applied: { id: string; seq: number }[] = [];
  const log: Insertable<Database['change_log']>[] = [];
  const orgLog: Database['org_change_log'][] = [];
  const results: PushResult[] = [];
  const refusals: Database['refused_mutations'][] = [];
  const remember = (id: string, r: Refusal, final: boolean) =>
    refusals.push({
      id,
      team_id: actor.teamId,
      final: final ? 1 : 0,
      reason: r.reason,
      code: r.code ?? null,
      field: r.field ?? null,
      refused_at: now,
    });
  let heldBack = false;
  for (let i = 0; i < items.length; i++) {
    const id = ids[i]!;
    const p = parsed[i]!;
    const seenBy = isUuidV7(id) ? seen.get(id) : undefined;
    if (seenBy !== undefined) {
      results.push(seenBy === actor.teamId ? { id, kind: 'duplicate' } : notAccepted(id));
      continue;
    }
    if (!p.success) {
      const { field, message } = describeIssues(p.issues);
      results.push({ id, kind: 'rejected', reason: message, field });
      continue;
    }
    const existing = records.record(p.output.entity, p.output.entityId);
    const before = refusedBefore.get(id);
    if (before?.final) {
      // A copy of a mutation refused for good: the same answer, with the state now.
      if (before.teamId !== actor.teamId) results.push(notAccepted(id));
      else results.push(refusedAgain(id, before, existing));
      continue;
    }
    const clock = checkClock(p.output.hlc, now);
    // Ahead of the server's clock: refused, and no state sent, so the phone keeps it waiting;
    // and so does every later change of the batch, which may need it (a test of change of an
    // idea held back), so that the phone sends them again in order once its clock is right.
    if (!clock.ok || heldBack) {
      heldBack = true;
      const reason = clock.ok ? WAITING_BEHIND : clock.reason;
      const refused = { reason, code: 'clock-ahead', field: 'hlc' } as const;
      results.push({ id, kind: 'rejected', ...refused });
      // Never final: the phone sends it again, maybe stamped anew (restamp.ts). So
      // if a copy of it is applied later, its phone must be sent that change.
      if (before === undefined) remember(id, refused, false);
      continue;
    }
    const held = existing.kind === 'own' ? existing : null;
    const m = withServerFields(p.output, held, actor, nameOf);
    const verdict = judge(actor, m, existing, records);
    if (!verdict.ok) {
      // The team's own record (or none): send its state so the device can undo locally.
      const current =
        existing.kind === 'other-team'
          ? undefined
          : existing.kind === 'own'
            ? existing.state
            : null;
      const refused = {
        reason: verdict.reason,
        code: verdict.code,
        ...(verdict.field === undefined ? {} : { field: verdict.field }),
      };
      results.push({
        id,
        kind: 'rejected',
        ...refused,
        ...(current === undefined ? {} : { current }),
      });
      remember(id, refused, finalRefusals);
      continue;
    }
    const fields = fieldsOf(m);
    // An org record is numbered in its organisation's log (the rule checked there is one).
    const toOrg = isOrgKind(m.entity) && org !== null;
    const at = toOrg ? ++orgSeq : ++seq;
    seen.set(id, actor.teamId);
    applied.push({ id, seq: at });
    // Its phone holds exactly this unless the server wrote into it or refused it before.
    const asSent = m === p.output && before === undefined ? 1 : 0;
    const text = JSON.stringify(fields);
    const row = changeLogRow(actor, m, at, text, now);
    if (toOrg) orgLog.push({ ...row, org_id: org.orgId });
    else log.push(Object.assign(row, { member_id: actor.memberId, as_sent: asSent }));
    records.put(
      m.entity,
      m.entityId,
      held?.createdBy ?? actor.memberId,
      applyFields(held?.state, fields, m.hlc),
      at,
      // A new record holds exactly the fields logged (merge keeps their order): written once.
      held === null ? text : undefined,
    );
    results.push({ id, kind: 'applied', seq: at });
  }
  await rememberRefusals(trx, refusals);
  if (org !== null && orgLog.length > 0) {
    await advanceOrgSeq(trx, org.orgId, orgLog.length, orgSeq);
    for (const part of chunks(orgLog, 9))
      await trx.insertInto('org_change_log').values(part).execute();
  }
  await write(trx, actor, applied, log, seq, now, records);
  return results;
}

/**
 * The mutation with the fields the server writes itself (serverFields.ts). A
 * field only added (an old phone sends no `startedBy`) keeps the phone's stamp:
 * the phone holds no value for it, so its pull takes the server's. A value the
 * phone sent and the server replaced is re-stamped under the server's node, so
 * the phone's own copy, stamped the same, loses to it on the next pull.
 */
function withServerFields(
  m: Mutation,
  held: { createdBy: string; state: { fields: Fields } } | null,
  actor: Actor,
  nameOf: (id: string) => string | undefined,
): Mutation {
  const sent = fieldsOf(m);
  const fields = serverFields(m.entity, sent, held?.state.fields, {
    creator: held?.createdBy ?? actor.memberId,
    nameOf,
  });
  if (fields === sent) return m;
  const replaced = Object.keys(sent).some((k) => fields[k] !== sent[k]);
  return { ...m, fields, hlc: replaced ? withNode(m.hlc, SERVER_NODE) : m.hlc } as Mutation;
}

/**
 * What a push must know before judging, read in one query inside the team's
 * turn, where every statement is a round trip each later push of the team
 * waits for (four of them, until December 2026): the mutation ids applied
 * before, with the team that applied them, and the refusals remembered for
 * them (migration 0012); each mutation's own record; and the team's member
 * names if the batch holds a kind that shows one (plus the acting person's
 * own when an organisation's leader acts in the team: orgAnswer.ts).
 *
 * One SELECT of scalar subqueries, each a JSON array of its rows (bulk.ts
 * `jsonRows`), each planned on its own as the separate queries were. Not a
 * UNION: PostgreSQL sums the costs of a UNION's parts, and past a few
 * thousand rows in the tables it ran the four parts in parallel workers,
 * whose start took 5 ms of a 2 ms query.
 */
async function firstLook(
  trx: Transaction<Database>,
  actor: Actor,
  ids: readonly string[],
  ms: readonly Mutation[],
  records: RecordCache,
): Promise<{
  seen: Map<string, string>;
  refusedBefore: Map<string, Remembered>;
  nameOf: (id: string) => string | undefined;
}> {
  const parts: RawBuilder<unknown>[] = [];
  if (ids.length > 0)
    parts.push(
      sql`(select ${jsonRows(trx, ['id', 'team_id'])} from applied_mutations
           where ${oneOf(trx, 'id', ids)}) as applied`,
      sql`(select ${jsonRows(trx, ['id', 'team_id', 'final', 'reason', 'code', 'field'])}
           from refused_mutations where ${oneOf(trx, 'id', ids)}) as refused`,
    );
  const own = [...(await records.toLoad(ms.map((m) => ({ kind: m.entity, id: m.entityId }))))];
  own.forEach(([kind, kindIds], i) =>
    parts.push(
      sql`(select ${jsonRows(trx, HELD_COLUMNS)}
           from records where entity = ${kind} and ${oneOf(trx, 'id', kindIds)}) as ${sql.ref(`r${i}`)}`,
    ),
  );
  const named = ms.some((m) => entityDef(m.entity).names);
  if (named)
    parts.push(
      sql`(select ${jsonRows(trx, ['id', 'display_name'])} from members
           where team_id = ${actor.teamId}) as names`,
    );
  const found =
    parts.length === 0
      ? {}
      : ((await sql<Record<string, unknown>>`select ${sql.join(parts)}`.execute(trx)).rows[0] ??
        {});
  const rows = (name: string) => parseJsonRows(found[name]);

  const seen = new Map<string, string>();
  for (const [id, team] of rows('applied')) seen.set(String(id), String(team));
  const refusedBefore = new Map<string, Remembered>();
  for (const [id, team, final, reason, code, field] of rows('refused'))
    refusedBefore.set(String(id), {
      teamId: String(team),
      final: Number(final) === 1,
      reason: String(reason),
      ...(code === null ? {} : { code: code as VerdictCode }),
      ...(field === null ? {} : { field: String(field) }),
    });
  own.forEach(([kind], i) => {
    for (const row of rows(`r${i}`)) records.hold(kind, heldRow(row));
  });
  const names = new Map<string, string>();
  for (const [id, name] of rows('names')) names.set(String(id), String(name));
  if (named && !names.has(actor.memberId)) {
    const leader = await trx
      .selectFrom('org_members')
      .select('display_name')
      .where('id', '=', actor.memberId)
      .executeTakeFirst();
    if (leader) names.set(actor.memberId, leader.display_name);
  }
  return { seen, refusedBefore, nameOf: (id) => names.get(id) };
}

/**
 * Load the rest of what the batch's rules may read, once firstLook has read
 * each mutation's own record: what its merged fields name (the registry's
 * `refs`), and for votes the voter's other votes in that huddle.
 */
async function loadFacts(records: RecordCache, ms: readonly Mutation[]) {
  const refs: Ref[] = [];
  const voters: { huddleId: string; voter: string }[] = [];
  for (const m of ms) {
    const def = ENTITIES[m.entity] as {
      refs?: (f: Fields) => readonly Ref[];
      group?: (f: Fields) => string | null;
    };
    // Only a kind with references or a group needs the record as it will be (most need neither).
    if (!def.refs && !def.group) continue;
    const held = records.record(m.entity, m.entityId);
    const after = applyFields(held.kind === 'own' ? held.state : undefined, fieldsOf(m), m.hlc);
    if (def.refs) refs.push(...def.refs(after.fields));
    const voter = def.group?.(after.fields);
    const huddleId = after.fields['huddleId'];
    if (voter && typeof huddleId === 'string') voters.push({ huddleId, voter });
  }
  await records.load(refs);
  await records.loadVoters(voters);
  await records.loadOrgTeams();
}

/**
 * Claim the mutation ids, move the counter, append the change log and write
 * the records. On PostgreSQL in one statement (a WITH of inserts), not four:
 * every statement inside the team's turn is a round trip that each later push
 * of the team waits for (the bench's ingest went from about 10,900 to 12,200
 * changes a second; decision 0032). On SQLite, where a statement is a call
 * within this process, one after another.
 * Another team taking one of our ids meanwhile (a mutation's, or a new
 * record's key, or an upsert leaving its row alone) throws ClaimLost or
 * RecordClaimed: the push runs again and then sees what they did.
 */
export async function write(
  trx: Kysely<Database>,
  actor: Pick<Actor, 'teamId'>,
  applied: readonly { id: string; seq: number }[],
  log: readonly Insertable<Database['change_log']>[],
  seq: number,
  now: number,
  records: RecordCache,
): Promise<void> {
  const teamId = actor.teamId;
  const { fresh, changed } = await records.takeRows();
  if (applied.length === 0 && fresh.length === 0 && changed.length === 0) return;
  const claims = applied.map((a) => ({ id: a.id, team_id: teamId, seq: a.seq, received_at: now }));
  let written: { claimed: number; seq: number; changed: number };
  if (isPostgres(trx)) {
    let row: { claimed: string | number; seq: string | number | null; changed: string | number };
    try {
      const r = await trx.executeQuery<typeof row>(
        CompiledQuery.raw(writeAllPgText(), [
          JSON.stringify(claims),
          log.length,
          teamId,
          JSON.stringify(log),
          JSON.stringify(fieldsOnce(log, fresh)),
          JSON.stringify(changed),
        ]),
      );
      row = r.rows[0]!;
    } catch (err) {
      if (isRecordKeyTaken(err)) throw new RecordClaimed();
      throw err;
    }
    written = { claimed: Number(row.claimed), seq: Number(row.seq), changed: Number(row.changed) };
  } else {
    const claimed = (await insertRows(trx, CLAIM_IDS, claims)).length;
    const counter = await trx
      .updateTable('team_counters')
      .set({ seq: sql<number>`seq + ${log.length}` })
      .where('team_id', '=', teamId)
      .returning('seq')
      .executeTakeFirstOrThrow();
    await insertRows(trx, CHANGE_LOG, log);
    try {
      await insertRows(trx, RECORDS_INSERT, fresh);
    } catch (err) {
      if (isRecordKeyTaken(err)) throw new RecordClaimed();
      throw err;
    }
    const upserted = (await insertRows(trx, RECORDS_UPSERT, changed, teamId)).length;
    written = { claimed, seq: Number(counter.seq), changed: upserted };
  }
  // Our team is locked, so only another team's push can have taken an id meanwhile;
  // rerun the push, which then answers those as not accepted (or sees their record).
  if (written.claimed !== applied.length)
    throw new ClaimLost('a mutation id was claimed meanwhile');
  if (written.changed !== changed.length) throw new RecordClaimed();
  if (written.seq !== seq)
    throw new Error(`team counter moved under a held lock: ${written.seq} != ${seq}`);
}

/**
 * The new records as sent to PostgreSQL: a record made by one change of this
 * push holds exactly the fields that change logged (records.ts put), so its
 * `fields` is left out (null) and the statement takes the log row's. The
 * JSON of fields is most of both parameters, and PostgreSQL parsing it took
 * about 7 ms of a push of 500 new ideas (50 ms): now parsed once.
 */
function fieldsOnce(
  log: readonly Insertable<Database['change_log']>[],
  fresh: readonly Database['records'][],
): (Omit<Database['records'], 'fields'> & { fields: string | null })[] {
  const logged = new Map(log.map((l) => [Number(l.seq), l]));
  return fresh.map((r) => {
    const l = logged.get(Number(r.updated_seq));
    const same = l !== undefined && l.entity === r.entity && l.entity_id === r.id;
    return same && l.fields === r.fields ? { ...r, fields: null } : r;
  });
}

let writeAllPg: string | undefined;

/**
 * write()'s one statement on PostgreSQL: $1 claims, $2 changes logged, $3 the
 * team, $4 log, $5 new records (fields null where the log row at their
 * `updated_seq` holds them: fieldsOnce), $6 changed.
 */
function writeAllPgText(): string {
  if (writeAllPg !== undefined) return writeAllPg;
  const freshColumns = RECORDS_INSERT.columns.map((c) =>
    c.name === 'fields' ? `coalesce(r."fields", l."fields")` : `r.${quote(c.name)}`,
  );
  const logColumns = CHANGE_LOG.columns.map((c) => quote(c.name)).join(', ');
  writeAllPg =
    `with "claims" as (${pgInsertText(CLAIM_IDS, 1, 3)}), ` +
    `"counter" as (update "team_counters" set "seq" = "seq" + $2 where "team_id" = $3 returning "seq"), ` +
    `"logged" as materialized (select * from json_to_recordset($4::json) as r(${pgTypes(CHANGE_LOG)})), ` +
    `"log" as (insert into "change_log" (${logColumns}) select ${logColumns} from "logged"), ` +
    `"fresh" as (insert into "records" (${RECORDS_INSERT.columns.map((c) => quote(c.name)).join(', ')}) ` +
    `select ${freshColumns.join(', ')} from json_to_recordset($5::json) as r(${pgTypes(RECORDS_INSERT)}) ` +
    `left join "logged" l on r."fields" is null and l."seq" = r."updated_seq" and l."entity" = r."entity" and l."entity_id" = r."id"), ` +
    `"changed" as (${pgInsertText(RECORDS_UPSERT, 6, 3)}) ` +
    `select (select count(*) from "claims") as "claimed", ` +
    `(select "seq" from "counter") as "seq", (select count(*) from "changed") as "changed"`;
  return writeAllPg;
}

/** Mutation ids claimed by the push that applied them; an id taken already is left alone. */
const CLAIM_IDS: BulkInsert<Database['applied_mutations']> = {
  table: 'applied_mutations',
  columns: [
    { name: 'id', pg: 'text' },
    { name: 'team_id', pg: 'text' },
    { name: 'seq', pg: 'bigint' },
    { name: 'received_at', pg: 'bigint' },
  ],
  tail: 'on conflict ("id") do nothing returning "id"',
};

/** The team's change log. */
const CHANGE_LOG: BulkInsert<Insertable<Database['change_log']>> = {
  table: 'change_log',
  columns: [
    { name: 'team_id', pg: 'text' },
    { name: 'seq', pg: 'bigint' },
    { name: 'mutation_id', pg: 'text' },
    { name: 'entity', pg: 'text' },
    { name: 'entity_id', pg: 'text' },
    { name: 'fields', pg: 'text' },
    { name: 'hlc', pg: 'text' },
    { name: 'received_at', pg: 'bigint' },
    { name: 'member_id', pg: 'text' },
    { name: 'as_sent', pg: 'integer' },
  ],
};

type Refusal = { readonly reason: string; readonly code?: VerdictCode; readonly field?: string };
type Remembered = Refusal & { readonly teamId: string; readonly final: boolean };

/** The answer to a copy of a mutation refused for good: the first answer's words, today's state. */
function refusedAgain(id: string, before: Remembered, existing: Existing): PushResult {
  const current =
    existing.kind === 'own' ? existing.state : existing.kind === 'none' ? null : undefined;
  return {
    id,
    kind: 'rejected',
    reason: before.reason,
    ...(before.code === undefined ? {} : { code: before.code }),
    ...(before.field === undefined ? {} : { field: before.field }),
    ...(current === undefined ? {} : { current }),
  };
}

/**
 * Keeps this push's refusals. A refusal made final later (the same id refused
 * again, from a phone that asks for final refusals) becomes final; a row of
 * another team is left alone.
 */
async function rememberRefusals(
  trx: Transaction<Database>,
  rows: readonly Database['refused_mutations'][],
): Promise<void> {
  for (const part of chunks(rows, 7)) {
    await trx
      .insertInto('refused_mutations')
      .values(part)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({
            final: eb.ref('excluded.final'),
            reason: eb.ref('excluded.reason'),
            code: eb.ref('excluded.code'),
            field: eb.ref('excluded.field'),
          }))
          .where('refused_mutations.team_id', '=', (eb) => eb.ref('excluded.team_id'))
          .where('refused_mutations.final', '=', 0),
      )
      .execute();
  }
}

/** The change-log row for an applied mutation (what every device pulls), team's or organisation's; `fields` in JSON. */
function changeLogRow(actor: Actor, m: Mutation, seq: number, fields: string, now: number) {
  return {
    team_id: actor.teamId,
    seq,
    mutation_id: m.id,
    entity: m.entity,
    entity_id: m.entityId,
    fields,
    hlc: m.hlc,
    received_at: now,
  };
}

/** The organisation the team is linked to, its counter locked; null when not linked. */
async function lockOrg(
  trx: Transaction<Database>,
  teamId: string,
): Promise<{ orgId: string; seq: number } | null> {
  const orgId = await orgOfTeam(trx, teamId);
  if (orgId === null) return null;
  const seq = await lockOrgSeq(trx, orgId);
  return seq === null ? null : { orgId, seq };
}

function rawId(item: unknown): string {
  if (typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string')
    return item.id;
  return '';
}

/** Same words whatever the reason, so nothing about another team leaks. */
function notAccepted(id: string): PushResult {
  return { id, kind: 'rejected', reason: 'This change cannot be accepted', field: 'id' };
}
