/**
 * Migration 0011: board links for a TV (issue 17). A display token shows the
 * team's current huddle board and nothing else; it is not a member, so no
 * member route accepts it. The server keeps only the token's SHA-256; a
 * withdrawn link keeps its row (revoked_at) so the TV can be told why it
 * stopped.
 */
import type { Kysely, Migration } from 'kysely';

export const displays: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('displays')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_by', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema.createIndex('displays_team').on('displays').column('team_id').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('displays').execute();
  },
};
