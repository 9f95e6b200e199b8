/**
 * Reading and writing huddles and votes inside a push transaction, stored like
 * ideas (JSON fields and stamps), votes with their huddle and voter so a
 * huddle's votes are one indexed query.
 */
import type { Kysely } from 'kysely';
import type { Stamped } from '../../src/domain/merge.ts';
import { voterKey, type VoteLike } from '../../src/domain/huddle.ts';
import { newStateRow, toStamped, updateState } from './entities.ts';
import type { Actor, Existing } from './rules.ts';
import type { Database } from './schema.ts';

export type HuddleEntity = 'huddle' | 'vote';
const TABLE = { huddle: 'huddles', vote: 'votes' } as const;

export async function readHuddleEntity(
  db: Kysely<Database>,
  teamId: string,
  entity: HuddleEntity,
  id: string,
): Promise<Existing> {
  const row = await db
    .selectFrom(TABLE[entity])
    .select(['team_id', 'created_by', 'fields', 'stamps'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return { kind: 'none' };
  if (row.team_id !== teamId) return { kind: 'other-team' };
  return { kind: 'own', createdBy: row.created_by, state: toStamped(row.fields, row.stamps) };
}

/** A merged vote's fields as the rules read them; null if incomplete. */
export function asVote(fields: Stamped['fields']): VoteLike | null {
  const { huddleId, ideaId, memberId, dots, proxy, proxyName } = fields;
  if (typeof huddleId !== 'string' || typeof ideaId !== 'string') return null;
  if (typeof memberId !== 'string' || typeof dots !== 'number') return null;
  return {
    huddleId,
    ideaId,
    memberId,
    dots,
    proxy: proxy === true,
    proxyName: typeof proxyName === 'string' ? proxyName : null,
  };
}

/** Every vote of a huddle, as merged on the server. */
export async function votesOf(db: Kysely<Database>, huddleId: string): Promise<VoteLike[]> {
  const rows = await db
    .selectFrom('votes')
    .select('fields')
    .where('huddle_id', '=', huddleId)
    .execute();
  return rows.flatMap((r) => asVote(toStamped(r.fields, '{}').fields) ?? []);
}

/** Which of these ids are ideas of the team. */
export async function teamIdeas(
  db: Kysely<Database>,
  teamId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('ideas')
    .select('id')
    .where('team_id', '=', teamId)
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function writeHuddleEntity(
  db: Kysely<Database>,
  actor: Actor,
  entity: HuddleEntity,
  id: string,
  existed: boolean,
  state: Stamped,
  seq: number,
): Promise<void> {
  if (existed) return updateState(db, TABLE[entity], actor.teamId, id, state, seq);
  const row = newStateRow(actor, id, state, seq);
  if (entity === 'huddle') {
    await db.insertInto('huddles').values(row).execute();
    return;
  }
  const vote = asVote(state.fields);
  if (!vote) throw new Error(`vote ${id} written without its identity fields`);
  await db
    .insertInto('votes')
    .values({ ...row, huddle_id: vote.huddleId, voter: voterKey(vote) })
    .execute();
}
