/**
 * Migration 0005: the server epoch, one random id per database. A new
 * database gets one here; `npm run restore` gives the restored database a new
 * one (server/ops/restore.ts). Devices compare it at each sync and, when it
 * changed, send again what the restored server lacks (src/sync/restore.ts,
 * docs/decisions/0010-restore-epoch.md).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Migration } from 'kysely';

export const serverEpoch: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('server_epoch')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('epoch', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'bigint', (c) => c.notNull())
      .execute();
    await sql`insert into server_epoch (id, epoch, changed_at) values (1, ${randomUUID()}, ${Date.now()})`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('server_epoch').execute();
  },
};
