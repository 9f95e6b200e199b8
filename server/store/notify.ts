/**
 * What notifications keep in the database (migration 0007): the VAPID key
 * pair, each phone's subscription with its person's choices, the team's
 * "idea text" setting, and how far each team's change log has been turned
 * into notifications. Reading the log after a push commits (never inside it)
 * keeps the push path untouched: a push is never slowed or failed by sending.
 */
import type { Kysely } from 'kysely';
import type { Fields } from '../../src/domain/merge.ts';
import type { EntityName } from '../../src/domain/entities.ts';
import type { NotifyPrefs, SubscriptionRequest, TeamNotify } from '../../src/domain/notify.ts';
import type { Role } from '../../src/domain/records.ts';
import type { Actor } from '../../src/domain/rules/verdict.ts';
import type { Database } from './schema.ts';

export type VapidKeys = { readonly publicKey: string; readonly privateKey: string };

export type StoredSubscription = {
  readonly endpoint: string;
  readonly teamId: string;
  readonly memberId: string;
  readonly keys: { readonly p256dh: string; readonly auth: string };
  readonly prefs: NotifyPrefs;
};

/** One applied change from the team's log, as notifications read it. */
export type LoggedChange = {
  readonly seq: number;
  readonly entity: EntityName;
  readonly entityId: string;
  readonly fields: Fields;
  readonly hlc: string;
  /** Who pushed it (private to the server). */
  readonly memberId: string;
};

export type TeamMember = { readonly id: string; readonly name: string; readonly role: Role };

export type NotifyStore = {
  /** The server's VAPID keys, made with `make` the first time (any process may race: one wins). */
  vapidKeys(make: () => VapidKeys, now: number): Promise<VapidKeys>;
  /** Keeps (or replaces) this phone's subscription for the member; notifications start from now. */
  saveSubscription(actor: Actor, req: SubscriptionRequest, now: number): Promise<void>;
  /** Stops sending to this phone; only the member's own. False if there was none. */
  deleteSubscription(actor: Actor, endpoint: string): Promise<boolean>;
  /** The push service said the subscription is gone (404/410). */
  dropSubscription(endpoint: string): Promise<void>;
  /** The subscriptions of the team's current members. */
  subscriptions(teamId: string): Promise<StoredSubscription[]>;
  teamSetting(teamId: string): Promise<TeamNotify>;
  setTeamSetting(teamId: string, setting: TeamNotify, now: number): Promise<void>;
  /**
   * The team's changes not yet turned into notifications, at most `limit`,
   * claimed (another process gets the next ones). Empty while nobody in the
   * team has subscribed.
   */
  claimChanges(teamId: string, limit: number): Promise<LoggedChange[]>;
  /** A record's merged fields and who created it; null if the team has none. */
  record(
    teamId: string,
    entity: EntityName,
    id: string,
  ): Promise<{ createdBy: string; fields: Fields } | null>;
  /** The team's current members. */
  members(teamId: string): Promise<TeamMember[]>;
};

/** Ideas are not sent in notifications unless the team says so (lock screens are seen). */
const DEFAULT_SETTING: TeamNotify = { ideaText: false };

export function notifyStore(db: Kysely<Database>): NotifyStore {
  return {
    async vapidKeys(make, now) {
      const read = async () => {
        const rows = await db
          .selectFrom('server_keys')
          .select(['name', 'value'])
          .where('name', 'in', ['vapid_public', 'vapid_private'])
          .execute();
        const get = (n: string) => rows.find((r) => r.name === n)?.value;
        const publicKey = get('vapid_public');
        const privateKey = get('vapid_private');
        return publicKey && privateKey ? { publicKey, privateKey } : null;
      };
      const found = await read();
      if (found) return found;
      const made = make();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('server_keys')
          .values([
            { name: 'vapid_public', value: made.publicKey, created_at: now },
            { name: 'vapid_private', value: made.privateKey, created_at: now },
          ])
          .onConflict((oc) => oc.column('name').doNothing())
          .execute();
      });
      const kept = await read();
      if (!kept) throw new Error('the VAPID keys could not be stored');
      return kept;
    },

    async saveSubscription(actor, req, now) {
      await db.transaction().execute(async (trx) => {
        const row = {
          endpoint: req.endpoint,
          team_id: actor.teamId,
          member_id: actor.memberId,
          p256dh: req.keys.p256dh,
          auth: req.keys.auth,
          prefs: JSON.stringify(req.prefs),
          created_at: now,
          updated_at: now,
        };
        await trx
          .insertInto('push_subscriptions')
          .values(row)
          .onConflict((oc) =>
            oc.column('endpoint').doUpdateSet({
              team_id: row.team_id,
              member_id: row.member_id,
              p256dh: row.p256dh,
              auth: row.auth,
              prefs: row.prefs,
              updated_at: now,
            }),
          )
          .execute();
        // Notifications start at the log's end: nothing from before anyone subscribed.
        const counter = await trx
          .selectFrom('team_counters')
          .select('seq')
          .where('team_id', '=', actor.teamId)
          .executeTakeFirst();
        await trx
          .insertInto('notify_cursors')
          .values({ team_id: actor.teamId, seq: counter?.seq ?? 0 })
          .onConflict((oc) => oc.column('team_id').doNothing())
          .execute();
      });
    },

    async deleteSubscription(actor, endpoint) {
      const r = await db
        .deleteFrom('push_subscriptions')
        .where('endpoint', '=', endpoint)
        .where('member_id', '=', actor.memberId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    async dropSubscription(endpoint) {
      await db.deleteFrom('push_subscriptions').where('endpoint', '=', endpoint).execute();
    },

    async subscriptions(teamId) {
      const rows = await db
        .selectFrom('push_subscriptions as s')
        .innerJoin('members as m', 'm.id', 's.member_id')
        .select(['s.endpoint', 's.team_id', 's.member_id', 's.p256dh', 's.auth', 's.prefs'])
        .where('s.team_id', '=', teamId)
        .where('m.team_id', '=', teamId)
        .where('m.removed_at', 'is', null)
        .execute();
      return rows.map((r) => ({
        endpoint: r.endpoint,
        teamId: r.team_id,
        memberId: r.member_id,
        keys: { p256dh: r.p256dh, auth: r.auth },
        prefs: JSON.parse(r.prefs) as NotifyPrefs,
      }));
    },

    async teamSetting(teamId) {
      const row = await db
        .selectFrom('team_notify')
        .select('idea_text')
        .where('team_id', '=', teamId)
        .executeTakeFirst();
      return row ? { ideaText: Number(row.idea_text) === 1 } : DEFAULT_SETTING;
    },

    async setTeamSetting(teamId, setting, now) {
      const idea_text = setting.ideaText ? 1 : 0;
      await db
        .insertInto('team_notify')
        .values({ team_id: teamId, idea_text, updated_at: now })
        .onConflict((oc) => oc.column('team_id').doUpdateSet({ idea_text, updated_at: now }))
        .execute();
    },

    async claimChanges(teamId, limit) {
      const cursor = await db
        .selectFrom('notify_cursors')
        .select('seq')
        .where('team_id', '=', teamId)
        .executeTakeFirst();
      if (!cursor) return [];
      const from = Number(cursor.seq);
      const rows = await db
        .selectFrom('change_log')
        .select(['seq', 'entity', 'entity_id', 'fields', 'hlc', 'member_id'])
        .where('team_id', '=', teamId)
        .where('seq', '>', from)
        .orderBy('seq')
        .limit(limit)
        .execute();
      const last = rows.at(-1);
      if (!last) return [];
      // Claimed only if no other process moved the cursor meanwhile.
      const moved = await db
        .updateTable('notify_cursors')
        .set({ seq: Number(last.seq) })
        .where('team_id', '=', teamId)
        .where('seq', '=', from)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0) return [];
      return rows.map((r) => ({
        seq: Number(r.seq),
        entity: r.entity,
        entityId: r.entity_id,
        fields: JSON.parse(r.fields) as Fields,
        hlc: r.hlc,
        memberId: r.member_id,
      }));
    },

    async record(teamId, entity, id) {
      const row = await db
        .selectFrom('records')
        .select(['created_by', 'fields'])
        .where('entity', '=', entity)
        .where('id', '=', id)
        .where('team_id', '=', teamId)
        .executeTakeFirst();
      return row ? { createdBy: row.created_by, fields: JSON.parse(row.fields) as Fields } : null;
    },

    async members(teamId) {
      const rows = await db
        .selectFrom('members')
        .select(['id', 'display_name', 'role'])
        .where('team_id', '=', teamId)
        .where('removed_at', 'is', null)
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.display_name, role: r.role }));
    },
  };
}
