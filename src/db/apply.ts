/**
 * Applying a mutation (our own, or one pulled from the server) to the local
 * tables through the domain merge rule, and undoing a change the server
 * rejected. Called only inside a transaction that covers the tables touched.
 */
import type { Table } from 'dexie';
import { merge, stampAll, EMPTY, type FieldsIn, type Stamped } from '../domain/merge.ts';
import type { Hlc } from '../domain/hlc.ts';
import type { EntityState, Mutation } from '../domain/protocol.ts';
import type { GroundUpDb, IdeaRow, CommentRow, TeamRow, HuddleRow, VoteRow } from './schema.ts';
import type { IdeaStatus } from '../domain/records.ts';
import { IMPROVEMENT_ENTITIES, type ImprovementEntity } from '../domain/improvement.ts';
import { improvementRow } from './improvementRows.ts';
import { searchWords } from '../domain/search.ts';

const isImprovement = (e: Entity): e is ImprovementEntity =>
  (IMPROVEMENT_ENTITIES as readonly string[]).includes(e);

/** The Dexie table of a test-of-change or measure entity. */
function improvementTable(db: GroundUpDb, entity: ImprovementEntity) {
  const tables = {
    pdsa: db.pdsas,
    measure: db.measures,
    point: db.points,
    tap: db.taps,
    challenge: db.challenges,
    ask: db.asks,
  };
  return tables[entity] as unknown as Table<{ id: string; stamps: object }, string>;
}

type Entity = Mutation['entity'];
type Change = { entity: Entity; entityId: string; fields: FieldsIn; hlc: Hlc };
type Row = { stamps: object };

function stampedOf(row: Row | undefined): Stamped {
  if (!row) return EMPTY;
  const r = row as unknown as Record<string, Stamped['fields'][string] | undefined>;
  const fields: Record<string, Stamped['fields'][string]> = {};
  for (const k of Object.keys(row.stamps)) fields[k] = r[k] ?? null;
  return { fields, stamps: row.stamps as Stamped['stamps'] };
}

/**
 * Merge `incoming` into the entity's row. With `replace`, the row's synced
 * fields are first dropped (local-only ones such as `mine` are kept).
 */
async function put(
  db: GroundUpDb,
  entity: Entity,
  entityId: string,
  incoming: Stamped,
  teamId: string | null,
  opts: { mine?: boolean; replace?: boolean } = {},
): Promise<void> {
  if (entity === 'idea') {
    const row = await db.ideas.get(entityId);
    const merged = merge(opts.replace ? EMPTY : stampedOf(row), incoming);
    const createdAt = merged.fields['createdAt'];
    const next: IdeaRow = {
      ...(merged.fields as Partial<IdeaRow>),
      id: entityId,
      teamId: row?.teamId ?? teamId,
      stamps: merged.stamps,
      mine: row?.mine === 1 || opts.mine === true ? 1 : 0,
      sortKey: typeof createdAt === 'number' ? createdAt : 0,
      words: searchWords(
        `${String(merged.fields['title'] ?? '')} ${String(merged.fields['detail'] ?? '')}`,
      ),
    };
    await db.ideas.put(next);
  } else if (entity === 'comment') {
    const row = await db.comments.get(entityId);
    const merged = merge(opts.replace ? EMPTY : stampedOf(row), incoming);
    const next: CommentRow = {
      ...(merged.fields as Partial<CommentRow>),
      id: entityId,
      ideaId: String(merged.fields['ideaId'] ?? row?.ideaId ?? ''),
      teamId: row?.teamId ?? teamId,
      stamps: merged.stamps,
    };
    await db.comments.put(next);
  } else if (entity === 'huddle') {
    const row = await db.huddles.get(entityId);
    const merged = merge(opts.replace ? EMPTY : stampedOf(row), incoming);
    const next: HuddleRow = {
      ...(merged.fields as Partial<HuddleRow>),
      id: entityId,
      teamId: row?.teamId ?? teamId,
      stamps: merged.stamps,
    };
    await db.huddles.put(next);
  } else if (isImprovement(entity)) {
    const table = improvementTable(db, entity);
    const row = (await table.get(entityId)) as (Row & { teamId?: string | null }) | undefined;
    const merged = merge(opts.replace ? EMPTY : stampedOf(row), incoming);
    await table.put(improvementRow(entity, entityId, merged, row?.teamId ?? teamId));
  } else if (entity === 'vote') {
    const row = await db.votes.get(entityId);
    const merged = merge(opts.replace ? EMPTY : stampedOf(row), incoming);
    const next: VoteRow = {
      ...(merged.fields as Partial<VoteRow>),
      id: entityId,
      huddleId: String(merged.fields['huddleId'] ?? row?.huddleId ?? ''),
      teamId: row?.teamId ?? teamId,
      stamps: merged.stamps,
    };
    await db.votes.put(next);
  } else {
    const row = await db.teams.get(entityId);
    const merged = merge(opts.replace ? EMPTY : stampedOf(row), incoming);
    const next: TeamRow = {
      ...(merged.fields as Partial<TeamRow>),
      id: entityId,
      stamps: merged.stamps,
    };
    await db.teams.put(next);
  }
}

/** Merge one change into its table. `mine` marks an idea captured on this device. */
export async function applyChange(
  db: GroundUpDb,
  change: Change,
  teamId: string | null,
  mine = false,
) {
  await put(db, change.entity, change.entityId, stampAll(change.fields, change.hlc), teamId, {
    mine,
  });
  const status = change.fields['status'];
  if (change.entity === 'idea' && typeof status === 'string') {
    const by = change.fields['statusBy'];
    const at = change.fields['statusAt'];
    await db.statusLog.put({
      ideaId: change.entityId,
      hlc: change.hlc,
      status: status as IdeaStatus,
      by: typeof by === 'string' ? by : null,
      at: typeof at === 'number' ? at : null,
    });
  }
}

/** A rejected change never happened: drop the status move it recorded, if any. */
export async function forgetRejected(db: GroundUpDb, change: Change): Promise<void> {
  if (change.entity === 'idea' && 'status' in change.fields)
    await db.statusLog.delete([change.entityId, change.hlc]);
}

/**
 * The server rejected a change: put the entity back to the server's state
 * (`null`: the server has none), then re-apply this device's changes to it that
 * are still waiting in the outbox. Must run in a transaction covering the
 * entity tables and the outbox.
 */
export async function resetToServer(
  db: GroundUpDb,
  entity: Entity,
  entityId: string,
  current: EntityState | null,
  teamId: string | null,
): Promise<void> {
  const pending = await db.outbox.where('entityId').equals(entityId).sortBy('seq');
  if (current === null && pending.length === 0) {
    if (entity === 'idea') await db.ideas.delete(entityId);
    else if (entity === 'comment') await db.comments.delete(entityId);
    else if (entity === 'huddle') await db.huddles.delete(entityId);
    else if (entity === 'vote') await db.votes.delete(entityId);
    else if (isImprovement(entity)) await improvementTable(db, entity).delete(entityId);
    else await db.teams.delete(entityId);
    return;
  }
  await put(db, entity, entityId, current ?? EMPTY, teamId, { replace: true });
  for (const row of pending) await applyChange(db, row.mutation, teamId);
}
