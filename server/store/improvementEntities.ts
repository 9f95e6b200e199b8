/**
 * Reading and writing PDSA cycles, measures, points and taps inside a push
 * transaction: one table, keyed by entity, stored like ideas (JSON fields and
 * stamps) with the parent idea or measure in a column.
 */
import type { Kysely } from 'kysely';
import { PARENT_FIELD, type ImprovementEntity } from '../../src/domain/improvement.ts';
import type { Stamped } from '../../src/domain/merge.ts';
import { newStateRow, toStamped, updateState } from './entities.ts';
import type { Actor, Existing } from './rules.ts';
import type { Database } from './schema.ts';

/** An id held under another entity counts as another team's: nothing leaks, nothing is confused. */
export async function readImprovement(
  db: Kysely<Database>,
  teamId: string,
  entity: ImprovementEntity,
  id: string,
): Promise<Existing> {
  const row = await db
    .selectFrom('improvement')
    .select(['team_id', 'entity', 'created_by', 'fields', 'stamps'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return { kind: 'none' };
  if (row.team_id !== teamId || row.entity !== entity) return { kind: 'other-team' };
  return { kind: 'own', createdBy: row.created_by, state: toStamped(row.fields, row.stamps) };
}

/** Is `id` a live (not deleted) measure of the team? */
export async function measureInTeam(
  db: Kysely<Database>,
  teamId: string,
  id: unknown,
): Promise<boolean> {
  if (typeof id !== 'string') return false;
  const found = await readImprovement(db, teamId, 'measure', id);
  return found.kind === 'own' && found.state.fields['deleted'] !== true;
}

export async function writeImprovement(
  db: Kysely<Database>,
  actor: Actor,
  entity: ImprovementEntity,
  id: string,
  existed: boolean,
  state: Stamped,
  seq: number,
): Promise<void> {
  if (existed) return updateState(db, 'improvement', actor.teamId, id, state, seq);
  const parentField = PARENT_FIELD[entity];
  const parent = parentField === null ? null : state.fields[parentField];
  await db
    .insertInto('improvement')
    .values({
      ...newStateRow(actor, id, state, seq),
      entity,
      parent_id: typeof parent === 'string' ? parent : null,
    })
    .execute();
}
