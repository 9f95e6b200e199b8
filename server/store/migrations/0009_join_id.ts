/**
 * Migration 0009: the id a device gave its join (`joinId`), so that a join
 * whose answer was lost and is sent again gives back the same member rather
 * than a second one — which, with names a team will not repeat, would refuse
 * the person their own name.
 */
import type { Kysely, Migration } from 'kysely';

export const joinId: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('members').addColumn('join_id', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('members').dropColumn('join_id').execute();
  },
};
