/**
 * What the weekly digest keeps and reads (migration 0007): members' addresses
 * (given by each member for themselves, seen only by the server), whether a
 * team wants the digest and when it last went, and the week's changes.
 */
import type { Kysely } from 'kysely';
import type { EntityName } from '../../src/domain/entities.ts';
import type { Fields } from '../../src/domain/merge.ts';
import type { Database } from './schema.ts';

export type DigestTeam = { readonly id: string; readonly name: string };

export type WeekChange = {
  readonly entity: EntityName;
  readonly entityId: string;
  readonly fields: Fields;
};

export type DigestStore = {
  /** Sets (or with null, forgets) the member's own address. */
  setEmail(teamId: string, memberId: string, email: string | null, now: number): Promise<void>;
  setEnabled(teamId: string, enabled: boolean): Promise<void>;
  /** The team's choice and this member's address, for the phone's form. */
  settings(teamId: string, memberId: string): Promise<{ enabled: boolean; email: string | null }>;
  /** Teams that want the digest and have not had one since `before`. */
  dueTeams(before: number): Promise<DigestTeam[]>;
  /** Addresses of the team's current members. */
  addresses(teamId: string): Promise<string[]>;
  /** The team's changes to records of one kind received since `since`, in order. */
  changesSince(teamId: string, since: number, entity: EntityName): Promise<WeekChange[]>;
  /** Merged fields of records by id (one kind). */
  records(teamId: string, entity: EntityName, ids: readonly string[]): Promise<Map<string, Fields>>;
  markSent(teamId: string, at: number): Promise<void>;
};

export function digestStore(db: Kysely<Database>): DigestStore {
  return {
    async setEmail(teamId, memberId, email, now) {
      if (email === null) {
        await db.deleteFrom('member_emails').where('member_id', '=', memberId).execute();
        return;
      }
      await db
        .insertInto('member_emails')
        .values({ member_id: memberId, team_id: teamId, email, updated_at: now })
        .onConflict((oc) => oc.column('member_id').doUpdateSet({ email, updated_at: now }))
        .execute();
    },
    async setEnabled(teamId, enabled) {
      await db
        .insertInto('team_digest')
        .values({ team_id: teamId, enabled: enabled ? 1 : 0, last_sent_at: null })
        .onConflict((oc) => oc.column('team_id').doUpdateSet({ enabled: enabled ? 1 : 0 }))
        .execute();
    },
    async settings(teamId, memberId) {
      const [team, mine] = await Promise.all([
        db
          .selectFrom('team_digest')
          .select('enabled')
          .where('team_id', '=', teamId)
          .executeTakeFirst(),
        db
          .selectFrom('member_emails')
          .select('email')
          .where('member_id', '=', memberId)
          .executeTakeFirst(),
      ]);
      return { enabled: Number(team?.enabled ?? 0) === 1, email: mine?.email ?? null };
    },
    async dueTeams(before) {
      const rows = await db
        .selectFrom('team_digest as d')
        .innerJoin('teams as t', 't.id', 'd.team_id')
        .select(['t.id', 't.name'])
        .where('d.enabled', '=', 1)
        .where((eb) => eb.or([eb('d.last_sent_at', 'is', null), eb('d.last_sent_at', '<', before)]))
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.name }));
    },
    async addresses(teamId) {
      const rows = await db
        .selectFrom('member_emails as e')
        .innerJoin('members as m', 'm.id', 'e.member_id')
        .select('e.email')
        .where('e.team_id', '=', teamId)
        .where('m.team_id', '=', teamId)
        .where('m.removed_at', 'is', null)
        .execute();
      return rows.map((r) => r.email);
    },
    async changesSince(teamId, since, entity) {
      const rows = await db
        .selectFrom('change_log')
        .select(['entity', 'entity_id', 'fields'])
        .where('team_id', '=', teamId)
        .where('entity', '=', entity)
        .where('received_at', '>=', since)
        .orderBy('seq')
        .execute();
      return rows.map((r) => ({
        entity: r.entity,
        entityId: r.entity_id,
        fields: JSON.parse(r.fields) as Fields,
      }));
    },
    async records(teamId, entity, ids) {
      const out = new Map<string, Fields>();
      if (ids.length === 0) return out;
      const rows = await db
        .selectFrom('records')
        .select(['id', 'fields'])
        .where('entity', '=', entity)
        .where('team_id', '=', teamId)
        .where('id', 'in', [...ids])
        .execute();
      for (const r of rows) out.set(r.id, JSON.parse(r.fields) as Fields);
      return out;
    },
    async markSent(teamId, at) {
      await db
        .updateTable('team_digest')
        .set({ last_sent_at: at })
        .where('team_id', '=', teamId)
        .execute();
    },
  };
}
