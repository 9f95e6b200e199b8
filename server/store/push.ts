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
import type { Stamped } from '../../src/domain/merge.ts';
import {
  describeIssues,
  mutationSchema,
  type Mutation,
  type PushResult,
} from '../../src/domain/protocol.ts';
import { ideaInTeam, readEntity, readTeamState, writeEntity, writeTeamState } from './entities.ts';
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
      if (attempt >= ATTEMPTS || !isRetryable(err)) throw err;
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
  let seq = Number(lock.seq);
  const results: PushResult[] = [];
  for (const item of items) {
    const result = await pushOne(trx, actor, item, seq + 1, now);
    if (result.kind === 'applied') seq = result.seq;
    results.push(result);
  }
  return results;
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
    .values({
      team_id: actor.teamId,
      seq,
      mutation_id: id,
      entity: m.entity,
      entity_id: m.entityId,
      fields: JSON.stringify(fields),
      hlc: m.hlc,
      member_id: actor.memberId,
      received_at: now,
    })
    .execute();
  const after = applyFields(before.state, fields, m.hlc);
  if (m.entity === 'team') await writeTeamState(trx, actor.teamId, after);
  else if (m.entity === 'huddle' || m.entity === 'vote')
    await writeHuddleEntity(trx, actor, m.entity, m.entityId, before.state !== undefined, after, seq);
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
