/**
 * Migration 0012: what the server needs to leave a phone's own changes out of
 * its pull (issue 15, docs/decisions/0024-no-echo.md).
 *
 * - `change_log.as_sent`: 1 when the change was applied exactly as its phone
 *   sent it (no name or maker written in, no stamp replaced, never refused
 *   before), so that phone holds it already; 0 for everything else,
 *   including every row logged before this migration.
 * - `refused_mutations`: the mutation ids the server refused, with the words
 *   it gave. A `final` refusal (a phone that says it sends "Try again" under a
 *   new id) answers every later copy of that mutation the same way, so a copy
 *   the network resends can never be applied after the phone undid it. Any
 *   other remembered refusal only means: if that id is applied later, its
 *   phone must be sent it.
 */
import type { Kysely, Migration } from 'kysely';

export const noEcho: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('change_log')
      .addColumn('as_sent', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('refused_mutations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('final', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('code', 'text')
      .addColumn('field', 'text')
      .addColumn('refused_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('refused_mutations_team')
      .on('refused_mutations')
      .column('team_id')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('refused_mutations').execute();
    await db.schema.alterTable('change_log').dropColumn('as_sent').execute();
  },
};
