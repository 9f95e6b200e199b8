/**
 * Migration 0006: a team's deletion, scheduled. `delete_after` is when the
 * server removes the team and everything in it (a facilitator asked, or the
 * team was inactive past TEAM_RETENTION_DAYS); until then it can be kept.
 * `deletion_reason` says which, `deletion_marked_at` when it was scheduled
 * (activity after it cancels an inactivity warning), `kept_at` when a
 * facilitator last kept it (which counts as activity).
 */
import type { Kysely, Migration } from 'kysely';

export const teamLifecycle: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('teams').addColumn('delete_after', 'bigint').execute();
    await db.schema.alterTable('teams').addColumn('deletion_reason', 'text').execute();
    await db.schema.alterTable('teams').addColumn('deletion_marked_at', 'bigint').execute();
    await db.schema.alterTable('teams').addColumn('kept_at', 'bigint').execute();
  },
  async down(db: Kysely<unknown>) {
    for (const c of ['delete_after', 'deletion_reason', 'deletion_marked_at', 'kept_at'])
      await db.schema.alterTable('teams').dropColumn(c).execute();
  },
};
