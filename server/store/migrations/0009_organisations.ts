/**
 * Migration 0009: organisations (docs/decisions/0021-organisations.md).
 * `organisations` with the code a facilitator links a team with and the code
 * a leader joins with; `org_members`, its leaders and admins (a token each,
 * stored as its hash, as for team members); `team_orgs`, which organisation a
 * team is linked to (one at most); and the organisation's own change log with
 * its counter, as the team's (`org_change_log`, `org_counters`). The records
 * it carries (shares, take-ups) live in `records` under the team that made them.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const organisations: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('organisations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('invite_code', 'text', (c) => c.notNull().unique())
      .addColumn('leader_code', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('org_members')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('leader', 'admin')`))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('removed_at', 'bigint')
      .execute();
    await db.schema.createIndex('org_members_org').on('org_members').column('org_id').execute();
    await db.schema
      .createTable('team_orgs')
      .addColumn('team_id', 'text', (c) => c.primaryKey().references('teams.id'))
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
      .addColumn('linked_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('team_orgs_org').on('team_orgs').column('org_id').execute();
    await db.schema
      .createTable('org_counters')
      .addColumn('org_id', 'text', (c) => c.primaryKey().references('organisations.id'))
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('org_change_log')
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('mutation_id', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('hlc', 'text', (c) => c.notNull())
      /** The team whose member (or whose unlinking) wrote it. Private. */
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('org_change_log_pk', ['org_id', 'seq'])
      .execute();
    await db.schema
      .createIndex('org_change_log_team')
      .on('org_change_log')
      .column('team_id')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const t of ['org_change_log', 'org_counters', 'team_orgs', 'org_members', 'organisations'])
      await db.schema.dropTable(t).execute();
  },
};
