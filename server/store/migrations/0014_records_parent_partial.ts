/**
 * Migration 0014: `records_parent` holds only records that have a parent
 * (docs/decisions/0039-index-what-is-looked-up.md). It was made over every
 * record, and many have none: every idea, huddle, measure, challenge and shared
 * change. So each of those wrote an index entry under a null parent that no
 * query reads: on PostgreSQL a fifth of a push's insert of 500 new ideas
 * (measured with EXPLAIN ANALYZE on the bench's pushes). Every query that
 * uses the index names a parent (`parent_id = ?`, `parent_id in (…)`), which
 * both databases read as "not null", so each still finds it.
 *
 * Both steps are safe to run again: SQLite runs migrations outside a
 * transaction, so a process killed between them leaves no index, and the
 * next start makes it.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const recordsParentPartial: Migration = {
  up: (db: Kysely<unknown>) => remake(db, sql`where parent_id is not null`),
  down: (db: Kysely<unknown>) => remake(db, sql``),
};

async function remake(db: Kysely<unknown>, where: ReturnType<typeof sql>) {
  await sql`drop index if exists records_parent`.execute(db);
  await sql`create index records_parent on records (parent_id, entity, group_key) ${where}`.execute(
    db,
  );
}
