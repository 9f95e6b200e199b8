/**
 * Board links for a TV (migration 0011): made and withdrawn by a facilitator,
 * authenticated by their own tokens (never a member's), and the one read they
 * are good for: the team's current huddle board.
 */
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { asVote } from '../../src/domain/rules/huddleRules.ts';
import {
  MAX_DISPLAYS,
  boardOf,
  currentHuddle,
  type Board,
  type DisplayCreated,
  type DisplayList,
} from '../../src/domain/display.ts';
import type { Fields } from '../../src/domain/merge.ts';
import { parseIds, type VoteLike } from '../../src/domain/huddle.ts';
import type { Database } from './schema.ts';
import { hashToken, newToken } from './secrets.ts';

/** Who a display token is: a live link of a team, a withdrawn one, or nobody. */
export type DisplayAuth =
  | { readonly kind: 'display'; readonly id: string; readonly teamId: string }
  | { readonly kind: 'withdrawn' }
  | null;

export type DisplayStore = {
  /** A new link for the team; null when it already holds MAX_DISPLAYS. */
  create(teamId: string, memberId: string, now: number): Promise<DisplayCreated | null>;
  list(teamId: string): Promise<DisplayList>;
  /** False when the team has no such live link. */
  revoke(teamId: string, id: string, now: number): Promise<boolean>;
  authenticate(token: string): Promise<DisplayAuth>;
  board(teamId: string): Promise<Board | null>;
};

const parse = (json: string) => JSON.parse(json) as Fields;

export function displayStore(db: Kysely<Database>): DisplayStore {
  const live = (teamId: string) =>
    db
      .selectFrom('displays')
      .select(['id', 'created_at'])
      .where('team_id', '=', teamId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at')
      .execute();
  return {
    async create(teamId, memberId, now) {
      if ((await live(teamId)).length >= MAX_DISPLAYS) return null;
      const id = uuidv7();
      const token = newToken();
      await db
        .insertInto('displays')
        .values({
          id,
          team_id: teamId,
          token_hash: hashToken(token),
          created_by: memberId,
          created_at: now,
          revoked_at: null,
        })
        .execute();
      return { id, token, createdAt: now };
    },
    async list(teamId) {
      const rows = await live(teamId);
      return { displays: rows.map((r) => ({ id: r.id, createdAt: Number(r.created_at) })) };
    },
    async revoke(teamId, id, now) {
      const r = await db
        .updateTable('displays')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('team_id', '=', teamId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async authenticate(token) {
      const row = await db
        .selectFrom('displays')
        .select(['id', 'team_id', 'revoked_at'])
        .where('token_hash', '=', hashToken(token))
        .executeTakeFirst();
      if (!row) return null;
      if (row.revoked_at !== null) return { kind: 'withdrawn' };
      return { kind: 'display', id: row.id, teamId: row.team_id };
    },
    async board(teamId) {
      const team = await db
        .selectFrom('teams')
        .select('name')
        .where('id', '=', teamId)
        .executeTakeFirst();
      if (!team) return null;
      const huddles = (
        await db
          .selectFrom('records')
          .select(['id', 'fields'])
          .where('team_id', '=', teamId)
          .where('entity', '=', 'huddle')
          .execute()
      ).map((r) => ({ id: r.id, fields: parse(r.fields) }));
      const current = currentHuddle(huddles);
      if (!current) return { team: { name: team.name }, huddle: null };
      const list = current.fields['shortlist'];
      const ideaIds = parseIds(typeof list === 'string' ? list : null);
      const ideas =
        ideaIds.length === 0
          ? []
          : await db
              .selectFrom('records')
              .select(['id', 'fields'])
              .where('team_id', '=', teamId)
              .where('entity', '=', 'idea')
              .where('id', 'in', ideaIds)
              .execute();
      const votes = (
        await db
          .selectFrom('records')
          .select('fields')
          .where('team_id', '=', teamId)
          .where('entity', '=', 'vote')
          .where('parent_id', '=', current.id)
          .execute()
      ).flatMap((r): VoteLike[] => {
        const vote = asVote(parse(r.fields));
        return vote ? [vote] : [];
      });
      return {
        team: { name: team.name },
        huddle: boardOf(
          current.id,
          current.fields,
          new Map(ideas.map((i) => [i.id, parse(i.fields)])),
          votes,
        ),
      };
    },
  };
}
