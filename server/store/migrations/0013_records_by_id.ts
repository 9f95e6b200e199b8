/**
 * Migration 0013: the records' key is (id, entity), id first; it was
 * (entity, id). A push looks its records up by `entity = ? and id in (…)`.
 * With the kind first, PostgreSQL could read that as "every record of the
 * kind, then keep these ids" (a bitmap scan on `entity` alone) whenever its
 * statistics were older than the table's growth, as on a new deployment's
 * first busy hour: each push then read every idea of every team, and ingest
 * slowed as the table grew (bench/sections/ingest.ts: 5,200 down to 4,100
 * pushed changes a second in four rounds). With the id first, the ids are
 * always the index's condition. Every other query of `records` names its
 * team (records_team) or its id, so none loses an index. An id is still a
 * name only within its kind (the key holds both): migration 0004's promise.
 */
import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

const COLUMNS = sql`entity, id, team_id, created_by, parent_id, group_key, fields, stamps, updated_seq`;

export const recordsById: Migration = {
  up: (db: Kysely<unknown>) => rekey(db, ['id', 'entity']),
  down: (db: Kysely<unknown>) => rekey(db, ['entity', 'id']),
};

type Key = readonly ['id', 'entity'] | readonly ['entity', 'id'];

async function rekey(db: Kysely<unknown>, key: Key) {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table records drop constraint records_pk`.execute(db);
    await sql`alter table records add constraint records_pk primary key (${sql.join(key.map((c) => sql.ref(c)))})`.execute(
      db,
    );
    return;
  }
  // SQLite cannot change a table's key: the table is made again with the new one, in one
  // transaction (Kysely runs SQLite's migrations without one), so that a full disk or a
  // killed process leaves the old table as it was and the migration can simply run again.
  await db.transaction().execute((trx) => rebuild(trx, key));
}

async function rebuild(db: Kysely<unknown>, key: Key) {
  await db.schema
    .createTable('records_rekeyed')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('parent_id', 'text')
    .addColumn('group_key', 'text')
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('stamps', 'text', (c) => c.notNull())
    .addColumn('updated_seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('records_pk', [...key])
    .execute();
  await sql`insert into records_rekeyed (${COLUMNS}) select ${COLUMNS} from records`.execute(db);
  await db.schema.dropTable('records').execute();
  await sql`alter table records_rekeyed rename to records`.execute(db);
  await db.schema.createIndex('records_team').on('records').column('team_id').execute();
  await db.schema
    .createIndex('records_parent')
    .on('records')
    .columns(['parent_id', 'entity', 'group_key'])
    .execute();
}
