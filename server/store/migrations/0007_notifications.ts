/**
 * Migration 0007: notifications (Web Push). `server_keys` keeps the VAPID key
 * pair made on first start with the data, so a backup restores it and the
 * phones' subscriptions keep working; `push_subscriptions` holds each phone's
 * subscription with its person's choices (docs/decisions/0016-notifications.md);
 * `notify_cursors` how far in each team's change log notifications have been
 * derived; `team_notify` the team's "idea text in notifications" setting.
 */
import type { Kysely, Migration } from 'kysely';

export const notifications: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('server_keys')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('push_subscriptions')
      .addColumn('endpoint', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('p256dh', 'text', (c) => c.notNull())
      .addColumn('auth', 'text', (c) => c.notNull())
      .addColumn('prefs', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('push_subscriptions_team')
      .on('push_subscriptions')
      .column('team_id')
      .execute();
    await db.schema
      .createTable('notify_cursors')
      .addColumn('team_id', 'text', (c) => c.primaryKey().references('teams.id'))
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('team_notify')
      .addColumn('team_id', 'text', (c) => c.primaryKey().references('teams.id'))
      .addColumn('idea_text', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const t of ['team_notify', 'notify_cursors', 'push_subscriptions', 'server_keys']) {
      await db.schema.dropTable(t).execute();
    }
  },
};
