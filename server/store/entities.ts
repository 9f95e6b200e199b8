/**
 * Reading and writing the merged state of ideas, comments and the team, inside
 * a push transaction. Values and stamps are stored as JSON text so that one
 * set of queries serves SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';
import type { Fields, Stamped, Stamps } from '../../src/domain/merge.ts';
import type { Database } from './schema.ts';
import type { Actor, Existing } from './rules.ts';

export type Entity = 'idea' | 'comment';
const TABLE = { idea: 'ideas', comment: 'comments' } as const;

export function toStamped(fields: string, stamps: string): Stamped {
  return { fields: JSON.parse(fields) as Fields, stamps: JSON.parse(stamps) as Stamps };
}

export async function readEntity(
  db: Kysely<Database>,
  actor: Actor,
  entity: Entity,
  id: string,
): Promise<Existing> {
  const row = await db
    .selectFrom(TABLE[entity])
    .select(['team_id', 'created_by', 'fields', 'stamps'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return { kind: 'none' };
  if (row.team_id !== actor.teamId) return { kind: 'other-team' };
  return { kind: 'own', createdBy: row.created_by, state: toStamped(row.fields, row.stamps) };
}

export async function ideaInTeam(
  db: Kysely<Database>,
  teamId: string,
  ideaId: unknown,
): Promise<boolean> {
  if (typeof ideaId !== 'string') return false;
  const row = await db
    .selectFrom('ideas')
    .select('id')
    .where('id', '=', ideaId)
    .where('team_id', '=', teamId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Tables that hold an entity's merged state as JSON `fields` and `stamps`. */
type StateTable = 'ideas' | 'comments' | 'huddles' | 'votes' | 'improvement';

/** Stores the new merged state of an entity the team already has. */
export async function updateState(
  db: Kysely<Database>,
  table: StateTable,
  teamId: string,
  id: string,
  state: Stamped,
  seq: number,
): Promise<void> {
  await db
    .updateTable(table)
    .set({
      fields: JSON.stringify(state.fields),
      stamps: JSON.stringify(state.stamps),
      updated_seq: seq,
    })
    .where('id', '=', id)
    .where('team_id', '=', teamId)
    .execute();
}

/** The columns every new entity row starts with; its creator stays private to the server. */
export function newStateRow(actor: Actor, id: string, state: Stamped, seq: number) {
  return {
    id,
    team_id: actor.teamId,
    created_by: actor.memberId,
    fields: JSON.stringify(state.fields),
    stamps: JSON.stringify(state.stamps),
    updated_seq: seq,
  };
}

export async function writeEntity(
  db: Kysely<Database>,
  actor: Actor,
  entity: Entity,
  id: string,
  existed: boolean,
  state: Stamped,
  seq: number,
): Promise<void> {
  if (existed) return updateState(db, TABLE[entity], actor.teamId, id, state, seq);
  const row = newStateRow(actor, id, state, seq);
  if (entity === 'idea') {
    await db.insertInto('ideas').values(row).execute();
  } else {
    await db
      .insertInto('comments')
      .values({ ...row, idea_id: String(state.fields['ideaId']) })
      .execute();
  }
}

export async function readTeamState(db: Kysely<Database>, teamId: string): Promise<Stamped> {
  const row = await db
    .selectFrom('teams')
    .select(['name', 'categories', 'stamps'])
    .where('id', '=', teamId)
    .executeTakeFirstOrThrow();
  return {
    fields: { name: row.name, categories: row.categories },
    stamps: JSON.parse(row.stamps) as Stamps,
  };
}

export async function writeTeamState(
  db: Kysely<Database>,
  teamId: string,
  state: Stamped,
): Promise<void> {
  const { name, categories } = state.fields;
  await db
    .updateTable('teams')
    .set({
      name: String(name),
      categories: String(categories),
      stamps: JSON.stringify(state.stamps),
    })
    .where('id', '=', teamId)
    .execute();
}
