/**
 * Applying a push: the heart of sync. One database transaction per request.
 * Each mutation, in order, is answered on its own: `duplicate` if its id was
 * applied before (a resent request, e.g. Chromium replaying a POST on a reset
 * keep-alive connection), `rejected` with a reason if it is malformed or not
 * allowed (it never affects the others), else `applied` with the team sequence
 * number it was logged under.
 *
 * Ordering: the first statement updates the team's counter row, which on
 * PostgreSQL takes a row lock held to commit (SQLite serialises all writers
 * anyway). So the writers of one team run one after another: sequence numbers
 * commit in order (a pull can never skip a row committed late), and every read
 * below sees what earlier pushes committed (no lost merges, and a mutation
 * pushed twice at once is applied by one and `duplicate` for the other).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import * as v from 'valibot';
import { applyFields } from '../../src/domain/idea.ts';
import { isUuidV7 } from '../../src/domain/ids.ts';
import type { Fields, Stamped } from '../../src/domain/merge.ts';
import {
  describeIssues,
  mutationSchema,
  type Mutation,
  type PushResult,
} from '../../src/domain/protocol.ts';
import {
  ideaInTeam,
  readEntity,
  readTeamState,
  toStamped,
  writeEntity,
  writeTeamState,
  type Entity,
} from './entities.ts';
import { writeHuddleEntity } from './huddleEntities.ts';
import { checkIdeaStatus, judgeHuddle } from './huddleRules.ts';
import { writeImprovement } from './improvementEntities.ts';
import { judgeImprovement } from './improvementRules.ts';
import { IMPROVEMENT_ENTITIES, type ImprovementEntity } from '../../src/domain/improvement.ts';
import { isRetryable } from './errors.ts';
import {
  checkComment,
  checkIdea,
  checkTeam,
  fieldsOf,
  type Actor,
  type Existing,
  type Verdict,
} from './rules.ts';
import type { Database } from './schema.ts';

const ATTEMPTS = 3;

export async function push(
  db: Kysely<Database>,
  actor: Actor,
  items: readonly unknown[],
  now: number,
): Promise<PushResult[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((trx) => pushInTransaction(trx, actor, items, now));
    } catch (err) {
      // A deadlock or serialisation failure (PostgreSQL) rolled everything back; run it again.
      if (attempt >= ATTEMPTS || !(isRetryable(err) || err instanceof ClaimLost)) throw err;
    }
  }
}

async function pushInTransaction(
  trx: Transaction<Database>,
  actor: Actor,
  items: readonly unknown[],
  now: number,
) {
  const lock = await trx
    .updateTable('team_counters')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('team_id', '=', actor.teamId)
    .returning('seq')
    .executeTakeFirstOrThrow();
  const batch = new Batch(trx, actor, Number(lock.seq), now);
  const ids = items.map(rawId);
  // One lookup for every id of the right shape (see pushOne on why only those).
  await batch.loadSeen(ids.filter(isUuidV7));
  const parsed = items.map((item) => v.safeParse(mutationSchema, item));
  await batch.loadEntities(parsed.flatMap((p) => (p.success ? [p.output] : [])));
  const results: PushResult[] = [];
  for (let i = 0; i < items.length; i++) {
    const p = parsed[i]!;
    if (p.success && !isBatched(p.output)) {
      // Huddles, votes, improvement and the team read across tables (vote budgets,
      // parents): flush so the database holds every earlier mutation, then go one by one.
      await batch.flush();
      const result = await pushOne(trx, actor, items[i], batch.seq + 1, now);
      if (result.kind === 'applied') batch.applied(ids[i]!, result.seq);
      results.push(result);
    } else results.push(batch.apply(ids[i]!, p));
  }
  await batch.flush();
  return results;
}

function isBatched(m: Mutation): m is Mutation & { entity: Entity } {
  return m.entity === 'idea' || m.entity === 'comment';
}

/** An idea or comment row as this batch sees it; `null` state: none exists. */
type Cached = {
  teamId: string;
  createdBy: string;
  state: Stamped;
  inDb: boolean;
  dirtySeq: number | null;
};

// Well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement.
const MAX_PARAMS = 30_000;

function chunks<T>(rows: readonly T[], perRow: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / perRow));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Thrown when another team claimed one of our mutation ids meanwhile: rerun the push. */
class ClaimLost extends Error {}

/**
 * Ideas and comments of one push, judged in memory in order exactly as one by
 * one would, then written in a few multi-row statements. Later mutations of the
 * batch see earlier ones through the maps.
 */
class Batch {
  /** Mutation id → team that applied it (before or earlier in this batch). */
  private readonly seen = new Map<string, string>();
  private readonly rows: Record<Entity, Map<string, Cached | null>> = {
    idea: new Map(),
    comment: new Map(),
  };
  private pendingApplied: { id: string; seq: number }[] = [];
  private pendingLog: Database['change_log'][] = [];
  private dirty: { entity: Entity; id: string }[] = [];
  seq: number;

  constructor(
    private readonly trx: Transaction<Database>,
    private readonly actor: Actor,
    seq: number,
    private readonly now: number,
  ) {
    this.seq = seq;
  }

  async loadSeen(ids: readonly string[]): Promise<void> {
    for (const part of chunks([...new Set(ids)], 1)) {
      const rows = await this.trx
        .selectFrom('applied_mutations')
        .select(['id', 'team_id'])
        .where('id', 'in', part)
        .execute();
      for (const r of rows) this.seen.set(r.id, r.team_id);
    }
  }

  async loadEntities(ms: readonly Mutation[]): Promise<void> {
    const want: Record<Entity, Set<string>> = { idea: new Set(), comment: new Set() };
    for (const m of ms) {
      if (!isBatched(m)) continue;
      want[m.entity].add(m.entityId);
      // A comment's idea is checked on create.
      const ideaId: unknown = m.entity === 'comment' ? m.fields.ideaId : undefined;
      if (typeof ideaId === 'string') want.idea.add(ideaId);
    }
    for (const entity of ['idea', 'comment'] as const) {
      const map = this.rows[entity];
      for (const id of want[entity]) map.set(id, null);
      for (const part of chunks([...want[entity]], 1)) {
        const rows = await this.trx
          .selectFrom(entity === 'idea' ? 'ideas' : 'comments')
          .select(['id', 'team_id', 'created_by', 'fields', 'stamps'])
          .where('id', 'in', part)
          .execute();
        for (const r of rows)
          map.set(r.id, {
            teamId: r.team_id,
            createdBy: r.created_by,
            state: toStamped(r.fields, r.stamps),
            inDb: true,
            dirtySeq: null,
          });
      }
    }
  }

  /** Record a mutation applied outside the batch (the one-by-one path). */
  applied(id: string, seq: number): void {
    this.seen.set(id, this.actor.teamId);
    this.seq = seq;
  }

  private existing(entity: Entity, id: string): Existing {
    const row = this.rows[entity].get(id);
    if (!row) return { kind: 'none' };
    if (row.teamId !== this.actor.teamId) return { kind: 'other-team' };
    return { kind: 'own', createdBy: row.createdBy, state: row.state };
  }

  /** pushOne for an idea or comment (or anything malformed), in memory. */
  apply(id: string, parsed: v.SafeParseResult<typeof mutationSchema>): PushResult {
    const { actor } = this;
    const seenBy = isUuidV7(id) ? this.seen.get(id) : undefined;
    if (seenBy !== undefined)
      return seenBy === actor.teamId ? { id, kind: 'duplicate' } : notAccepted(id);
    if (!parsed.success) {
      const { field, message } = describeIssues(parsed.issues);
      return { id, kind: 'rejected', reason: message, field };
    }
    const m = parsed.output;
    if (!isBatched(m)) throw new Error(`batched push given a ${m.entity}`);
    const existing = this.existing(m.entity, m.entityId);
    const state = existing.kind === 'own' ? existing.state : undefined;
    const visible = existing.kind !== 'other-team';
    let verdict: Verdict;
    if (m.entity === 'idea') {
      const checked = checkIdea(actor, m, existing);
      verdict = checked.ok ? checkIdeaStatus(actor, m, existing) : checked;
    } else {
      const creating = existing.kind === 'none';
      const ideaId: unknown = m.fields.ideaId;
      const inTeam =
        creating &&
        typeof ideaId === 'string' &&
        this.rows.idea.get(ideaId)?.teamId === actor.teamId;
      verdict = checkComment(actor, m as Mutation & { entity: 'comment' }, existing, inTeam);
    }
    if (!verdict.ok) {
      const current = visible ? (state ?? null) : undefined;
      return {
        id,
        kind: 'rejected',
        reason: verdict.reason,
        ...(verdict.field === undefined ? {} : { field: verdict.field }),
        ...(current === undefined ? {} : { current }),
      };
    }
    const seq = this.seq + 1;
    this.seq = seq;
    this.seen.set(id, actor.teamId);
    this.pendingApplied.push({ id, seq });
    const fields = fieldsOf(m);
    this.pendingLog.push(changeLogRow(actor, m, seq, fields, this.now));
    const after = applyFields(state, fields, m.hlc);
    const row = this.rows[m.entity].get(m.entityId);
    if (row) {
      if (row.dirtySeq === null) this.dirty.push({ entity: m.entity, id: m.entityId });
      row.state = after;
      row.dirtySeq = seq;
    } else {
      this.rows[m.entity].set(m.entityId, {
        teamId: actor.teamId,
        createdBy: actor.memberId,
        state: after,
        inDb: false,
        dirtySeq: seq,
      });
      this.dirty.push({ entity: m.entity, id: m.entityId });
    }
    return { id, kind: 'applied', seq };
  }

  /** Write everything applied in memory since the last flush. */
  async flush(): Promise<void> {
    const { trx, actor } = this;
    const applied = this.pendingApplied;
    if (applied.length === 0) return;
    const teamId = actor.teamId;
    let claimed = 0;
    for (const part of chunks(applied, 4)) {
      const rows = await trx
        .insertInto('applied_mutations')
        .values(part.map((a) => ({ id: a.id, team_id: teamId, seq: a.seq, received_at: this.now })))
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .execute();
      claimed += rows.length;
    }
    // Our team is locked, so only another team's push can have taken an id meanwhile;
    // rerun the push, which then answers those as not accepted.
    if (claimed !== applied.length) throw new ClaimLost('a mutation id was claimed meanwhile');
    const counter = await trx
      .updateTable('team_counters')
      .set({ seq: sql<number>`seq + ${applied.length}` })
      .where('team_id', '=', teamId)
      .returning('seq')
      .executeTakeFirstOrThrow();
    if (Number(counter.seq) !== this.seq)
      throw new Error(`team counter moved under a held lock: ${counter.seq} != ${this.seq}`);
    for (const part of chunks(this.pendingLog, 9))
      await trx.insertInto('change_log').values(part).execute();

    const inserts: Record<Entity, Database['comments'][]> = { idea: [], comment: [] };
    for (const { entity, id } of this.dirty) {
      const row = this.rows[entity].get(id)!;
      const seq = row.dirtySeq!;
      row.dirtySeq = null;
      const fields = JSON.stringify(row.state.fields);
      const stamps = JSON.stringify(row.state.stamps);
      if (row.inDb) {
        await trx
          .updateTable(entity === 'idea' ? 'ideas' : 'comments')
          .set({ fields, stamps, updated_seq: seq })
          .where('id', '=', id)
          .where('team_id', '=', teamId)
          .execute();
        continue;
      }
      row.inDb = true;
      inserts[entity].push({
        id,
        team_id: teamId,
        created_by: row.createdBy,
        fields,
        stamps,
        updated_seq: seq,
        idea_id: String(row.state.fields['ideaId']),
      });
    }
    for (const part of chunks(inserts.idea, 6))
      await trx
        .insertInto('ideas')
        .values(part.map(({ idea_id: _, ...r }) => r))
        .execute();
    for (const part of chunks(inserts.comment, 7))
      await trx.insertInto('comments').values(part).execute();
    this.pendingApplied = [];
    this.pendingLog = [];
    this.dirty = [];
  }
}

/** The team's change-log row for an applied mutation (what every device pulls). */
function changeLogRow(actor: Actor, m: Mutation, seq: number, fields: Fields, now: number) {
  return {
    team_id: actor.teamId,
    seq,
    mutation_id: m.id,
    entity: m.entity,
    entity_id: m.entityId,
    fields: JSON.stringify(fields),
    hlc: m.hlc,
    member_id: actor.memberId,
    received_at: now,
  };
}

function rawId(item: unknown): string {
  if (typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string')
    return item.id;
  return '';
}

async function pushOne(
  trx: Transaction<Database>,
  actor: Actor,
  item: unknown,
  nextSeq: number,
  now: number,
): Promise<PushResult> {
  const id = rawId(item);
  // Only an id of the right shape is looked up: anything else is rejected by the
  // schema below, and PostgreSQL refuses text holding NUL (the fuzz sent "\u0000",
  // which made the whole batch a 500 and so blocked the valid mutations with it).
  if (isUuidV7(id)) {
    const seen = await trx
      .selectFrom('applied_mutations')
      .select('team_id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (seen) return seen.team_id === actor.teamId ? { id, kind: 'duplicate' } : notAccepted(id);
  }
  const parsed = v.safeParse(mutationSchema, item);
  if (!parsed.success) {
    const { field, message } = describeIssues(parsed.issues);
    return { id, kind: 'rejected', reason: message, field };
  }
  const m = parsed.output;
  const { verdict, before } = await judge(trx, actor, m);
  if (!verdict.ok) {
    // The team's own entity (or none): send its state so the device can undo locally.
    const current = before.visible ? (before.state ?? null) : undefined;
    return {
      id,
      kind: 'rejected',
      reason: verdict.reason,
      ...(verdict.field === undefined ? {} : { field: verdict.field }),
      ...(current === undefined ? {} : { current }),
    };
  }

  const claimed = await trx
    .insertInto('applied_mutations')
    .values({ id, team_id: actor.teamId, seq: nextSeq, received_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  // Our team is locked, so only another team's push can have taken this id meanwhile.
  if (!claimed) return notAccepted(id);
  const counter = await trx
    .updateTable('team_counters')
    .set({ seq: sql<number>`seq + 1` })
    .where('team_id', '=', actor.teamId)
    .returning('seq')
    .executeTakeFirstOrThrow();
  const seq = Number(counter.seq);
  if (seq !== nextSeq)
    throw new Error(`team counter moved under a held lock: ${seq} != ${nextSeq}`);

  const fields = fieldsOf(m);
  await trx
    .insertInto('change_log')
    .values(changeLogRow(actor, m, seq, fields, now))
    .execute();
  const after = applyFields(before.state, fields, m.hlc);
  if (m.entity === 'team') await writeTeamState(trx, actor.teamId, after);
  else if (m.entity === 'huddle' || m.entity === 'vote')
    await writeHuddleEntity(
      trx,
      actor,
      m.entity,
      m.entityId,
      before.state !== undefined,
      after,
      seq,
    );
  else if (isImprovement(m))
    await writeImprovement(
      trx,
      actor,
      m.entity,
      m.entityId,
      before.state !== undefined,
      after,
      seq,
    );
  else await writeEntity(trx, actor, m.entity, m.entityId, before.state !== undefined, after, seq);
  return { id, kind: 'applied', seq };
}

/** Same words whatever the reason, so nothing about another team leaks. */
function notAccepted(id: string): PushResult {
  return { id, kind: 'rejected', reason: 'This change cannot be accepted', field: 'id' };
}

async function judge(
  trx: Transaction<Database>,
  actor: Actor,
  m: Mutation,
): Promise<{
  verdict: Verdict;
  /** `visible`: the entity is this team's or does not exist, so its state may be shown. */
  before: { state: Stamped | undefined; visible: boolean };
}> {
  if (m.entity === 'team') {
    const verdict = checkTeam(actor, m);
    const own = m.entityId === actor.teamId;
    return {
      verdict,
      before: { state: own ? await readTeamState(trx, actor.teamId) : undefined, visible: own },
    };
  }
  if (m.entity === 'huddle' || m.entity === 'vote') return judgeHuddle(trx, actor, m);
  if (isImprovement(m)) return judgeImprovement(trx, actor, m);
  const existing: Existing = await readEntity(trx, actor, m.entity, m.entityId);
  const state = existing.kind === 'own' ? existing.state : undefined;
  const visible = existing.kind !== 'other-team';
  if (m.entity === 'idea') {
    const verdict = checkIdea(actor, m, existing);
    return {
      verdict: verdict.ok ? checkIdeaStatus(actor, m, existing) : verdict,
      before: { state, visible },
    };
  }
  const creating = existing.kind === 'none';
  const inTeam = creating && (await ideaInTeam(trx, actor.teamId, m.fields.ideaId));
  return { verdict: checkComment(actor, m, existing, inTeam), before: { state, visible } };
}

function isImprovement(m: Mutation): m is Mutation & { entity: ImprovementEntity } {
  return (IMPROVEMENT_ENTITIES as readonly string[]).includes(m.entity);
}
