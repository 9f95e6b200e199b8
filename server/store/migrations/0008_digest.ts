/**
 * Migration 0008: the weekly digest email. `member_emails` holds the address a
 * member chose to give (only the server sees it); `team_digest` whether the
 * team wants the digest and when it was last sent.
 */
import type { Kysely, Migration } from 'kysely';

export const digest: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('member_emails')
      .addColumn('member_id', 'text', (c) => c.primaryKey().references('members.id'))
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('team_digest')
      .addColumn('team_id', 'text', (c) => c.primaryKey().references('teams.id'))
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('last_sent_at', 'bigint')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('team_digest').execute();
    await db.schema.dropTable('member_emails').execute();
  },
};
