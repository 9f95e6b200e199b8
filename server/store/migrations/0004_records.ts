/**
 * Migration 0004: one table for every kind of record (the registry's kinds,
 * src/domain/entities.ts), keyed by (entity, id) so that an id is a name only
 * within its kind: no record of another kind can take a derived id (a cycle's,
 * a vote's). The rows of ideas, comments, huddles, votes and improvement move
 * here unchanged, and those tables go.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const records: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('records')
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('created_by', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('parent_id', 'text')
      .addColumn('group_key', 'text')
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('stamps', 'text', (c) => c.notNull())
      .addColumn('updated_seq', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('records_pk', ['entity', 'id'])
      .execute();
    await db.schema.createIndex('records_team').on('records').column('team_id').execute();
    await db.schema
      .createIndex('records_parent')
      .on('records')
      .columns(['parent_id', 'entity', 'group_key'])
      .execute();
    const cols = sql`entity, id, team_id, created_by, parent_id, group_key, fields, stamps, updated_seq`;
    await sql`insert into records (${cols})
      select 'idea', id, team_id, created_by, null, null, fields, stamps, updated_seq from ideas`.execute(
      db,
    );
    await sql`insert into records (${cols})
      select 'comment', id, team_id, created_by, idea_id, null, fields, stamps, updated_seq from comments`.execute(
      db,
    );
    await sql`insert into records (${cols})
      select 'huddle', id, team_id, created_by, null, null, fields, stamps, updated_seq from huddles`.execute(
      db,
    );
    await sql`insert into records (${cols})
      select 'vote', id, team_id, created_by, huddle_id, voter, fields, stamps, updated_seq from votes`.execute(
      db,
    );
    await sql`insert into records (${cols})
      select entity, id, team_id, created_by, parent_id, null, fields, stamps, updated_seq from improvement`.execute(
      db,
    );
    for (const t of ['votes', 'huddles', 'comments', 'ideas', 'improvement'])
      await db.schema.dropTable(t).execute();
  },
  async down() {
    throw new Error('0004_records cannot be undone: restore a backup taken before it');
  },
};
