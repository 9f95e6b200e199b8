/**
 * Migration 0003: tests of change (PDSA cycles), measures, data points and
 * tally taps, in one table keyed by entity (they are merged like ideas; the
 * parent idea or measure is a column for the look-ups the rules make).
 */
import type { Kysely, Migration } from 'kysely';

export const improvement: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('improvement')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('parent_id', 'text')
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('stamps', 'text', (c) => c.notNull())
      .addColumn('updated_seq', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('improvement_team').on('improvement').column('team_id').execute();
    await db.schema
      .createIndex('improvement_parent')
      .on('improvement')
      .column('parent_id')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('improvement').execute();
  },
};
