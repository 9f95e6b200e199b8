/** Migration 0002: huddles and their votes (dot voting), merged like ideas. */
import type { Kysely, Migration } from 'kysely';

export const huddles: Migration = {
  async up(db: Kysely<unknown>) {
    for (const table of ['huddles', 'votes'] as const) {
      let t = db.schema
        .createTable(table)
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
        .addColumn('created_by', 'text', (c) => c.notNull().references('members.id'))
        .addColumn('fields', 'text', (c) => c.notNull())
        .addColumn('stamps', 'text', (c) => c.notNull())
        .addColumn('updated_seq', 'bigint', (c) => c.notNull());
      if (table === 'votes') {
        t = t
          .addColumn('huddle_id', 'text', (c) => c.notNull().references('huddles.id'))
          .addColumn('voter', 'text', (c) => c.notNull());
      }
      await t.execute();
      await db.schema.createIndex(`${table}_team`).on(table).column('team_id').execute();
    }
    await db.schema.createIndex('votes_huddle').on('votes').column('huddle_id').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('votes').execute();
    await db.schema.dropTable('huddles').execute();
  },
};
