/**
 * Applying a mutation (our own, or one pulled from the server) to the local
 * tables through the domain merge rule. Called only inside a transaction that
 * covers the tables it touches.
 */
import { applyFields } from '../domain/idea.ts';
import type { Fields, FieldsIn, Stamped } from '../domain/merge.ts';
import type { Hlc } from '../domain/hlc.ts';
import type { Mutation } from '../domain/protocol.ts';
import type { GroundUpDb, IdeaRow, CommentRow, TeamRow } from './schema.ts';

type Change = { entity: Mutation['entity']; entityId: string; fields: FieldsIn; hlc: Hlc };

function stampedOf(row: { stamps: object } | undefined, keys: readonly string[]): Stamped | undefined {
  if (!row) return undefined;
  const fields: Record<string, Fields[string]> = {};
  const r = row as unknown as Record<string, Fields[string]>;
  for (const k of keys) if (k in row.stamps) fields[k] = r[k] ?? null;
  return { fields, stamps: row.stamps as Stamped['stamps'] };
}

/** Merge one change into its table. `mine` marks an idea captured on this device. */
export async function applyChange(
  db: GroundUpDb,
  change: Change,
  teamId: string | null,
  mine = false,
): Promise<void> {
  const { entity, entityId, fields, hlc } = change;
  if (entity === 'idea') {
    const row = await db.ideas.get(entityId);
    const merged = applyFields(stampedOf(row, Object.keys(row?.stamps ?? {})), fields, hlc);
    const next: IdeaRow = {
      ...(merged.fields as Partial<IdeaRow>),
      id: entityId,
      teamId: row?.teamId ?? teamId,
      stamps: merged.stamps,
      mine: row?.mine === 1 || mine ? 1 : 0,
      sortKey: typeof merged.fields['createdAt'] === 'number' ? merged.fields['createdAt'] : 0,
    };
    await db.ideas.put(next);
  } else if (entity === 'comment') {
    const row = await db.comments.get(entityId);
    const merged = applyFields(stampedOf(row, Object.keys(row?.stamps ?? {})), fields, hlc);
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
    const merged = applyFields(stampedOf(row, Object.keys(row?.stamps ?? {})), fields, hlc);
    const next: TeamRow = { ...(merged.fields as Partial<TeamRow>), id: entityId, stamps: merged.stamps };
    await db.teams.put(next);
  }
}
