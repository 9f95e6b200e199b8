/**
 * Applying a mutation (our own, or one pulled from the server) to the local
 * tables through the domain merge rule, and undoing a change the server
 * rejected. Called only inside a transaction that covers the tables touched.
 */
import { merge, stampAll, EMPTY, type FieldsIn, type Stamped } from '../domain/merge.ts';
import type { Hlc } from '../domain/hlc.ts';
import type { EntityState, Mutation } from '../domain/protocol.ts';
import type { GroundUpDb, IdeaRow, CommentRow, TeamRow } from './schema.ts';

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
    else await db.teams.delete(entityId);
    return;
  }
  await put(db, entity, entityId, current ?? EMPTY, teamId, { replace: true });
  for (const row of pending) await applyChange(db, row.mutation, teamId);
}
