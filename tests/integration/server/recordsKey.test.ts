// Migration 0013 keys the records by (id, entity), id first, on a database
// that already holds records, and back again: every row is kept, and an id
// is still a name only within its kind (a measure and a test of change share
// one here). On SQLite the table is made again in one transaction: a full
// disk midway leaves the old one whole.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../server/store/index.ts';
import { migrationProvider } from '../../../server/store/migrations.ts';
import { openDatabase } from '../../../server/store/open.ts';
import type { Database as Tables } from '../../../server/store/schema.ts';
import { cycleId } from '../../../src/domain/pdsa.ts';
import { databaseTargets, type DatabaseTarget } from './backends.ts';
import { device, harness, T0 } from './harness.ts';

const targets = databaseTargets('key');

async function keyColumns(db: Kysely<Tables>, name: DatabaseTarget['name']): Promise<string[]> {
  if (name === 'sqlite') {
    const list = await sql<{ name: string; origin: string }>`pragma index_list(records)`.execute(
      db,
    );
    const pk = list.rows.find((r) => r.origin === 'pk');
    const info = await sql<{
      seqno: number;
      name: string;
    }>`pragma index_info(${sql.raw(`'${pk!.name}'`)})`.execute(db);
    return [...info.rows].sort((a, b) => a.seqno - b.seqno).map((r) => r.name);
  }
  const rows = await sql<{ attname: string }>`
    select a.attname from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = 'records'::regclass and i.indisprimary
    order by array_position(i.indkey::int2[], a.attnum)`.execute(db);
  return rows.rows.map((r) => r.attname);
}

const allRows = (db: Kysely<Tables>) =>
  db.selectFrom('records').selectAll().orderBy('entity').orderBy('id').execute();

describe.each(targets)('records keyed by id on $name', (target) => {
  let done: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await done?.();
    done = undefined;
  });

  it('keeps every record through migration 0013, down and up again', async () => {
    const made = target.make();
    done = made.done;
    const store = await openStore(made.opts);
    const h = harness(store);
    const lead = await h.createTeam();
    const phone = device(3);
    const idea = phone.idea(lead, 'Discharge letters by 10am');
    const shared = cycleId(idea.entityId, 1);
    const measure = phone.raw({
      entity: 'measure',
      entityId: shared,
      fields: {
        name: 'Letters by 10am',
        direction: 'higher',
        type: 'outcome',
        createdAt: T0,
        deleted: false,
      },
    });
    const cycle = phone.raw({
      entity: 'pdsa',
      entityId: shared,
      fields: { ideaId: idea.entityId, cycle: 1, createdAt: T0, deleted: false },
    });
    const answers = await h.push(lead, [idea, measure, cycle]);
    expect(answers.map((a) => a.kind)).toEqual(['applied', 'applied', 'applied']);
    await store.close();

    const { db } = await openDatabase(made.opts);
    try {
      expect(await keyColumns(db, target.name)).toEqual(['id', 'entity']);
      const before = await allRows(db);
      expect(before.filter((r) => r.id === shared).map((r) => r.entity)).toEqual([
        'measure',
        'pdsa',
      ]);

      const migrator = new Migrator({
        db,
        provider: migrationProvider,
        ...(made.opts.pgSchema === undefined ? {} : { migrationTableSchema: made.opts.pgSchema }),
      });
      expect((await migrator.migrateTo('0012_no_echo')).error).toBeUndefined();
      expect(await keyColumns(db, target.name)).toEqual(['entity', 'id']);
      expect(await allRows(db)).toEqual(before);

      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(await keyColumns(db, target.name)).toEqual(['id', 'entity']);
      expect(await allRows(db)).toEqual(before);
    } finally {
      await db.destroy();
    }
  });
});

describe('records keyed by id on sqlite, stopped by a full disk', () => {
  it('leaves the old table whole, and runs again once there is room', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ground-up-key-full-'));
    const path = join(dir, 'key.sqlite');
    try {
      const store = await openStore({ sqlitePath: path });
      const h = harness(store);
      const lead = await h.createTeam();
      const phone = device(5);
      const ideas = Array.from({ length: 150 }, (_, i) =>
        phone.idea(lead, `Idea ${i}: ${'a longer title to fill pages '.repeat(3)}`),
      );
      expect((await h.push(lead, ideas)).every((a) => a.kind === 'applied')).toBe(true);
      await store.close();

      const open = (room?: number) => {
        const database = new Database(path);
        database.pragma('foreign_keys = ON');
        if (room !== undefined) {
          database.exec('vacuum');
          const pages = database.pragma('page_count', { simple: true }) as number;
          // Room for a few pages more: the copy of the records does not fit.
          database.pragma(`max_page_count = ${pages + room}`);
        }
        return new Kysely<Tables>({ dialect: new SqliteDialect({ database }) });
      };
      const migrate = (db: Kysely<Tables>) => new Migrator({ db, provider: migrationProvider });

      let db = open();
      expect((await migrate(db).migrateTo('0012_no_echo')).error).toBeUndefined();
      const before = await allRows(db);
      await db.destroy();

      db = open(4);
      expect(String((await migrate(db).migrateToLatest()).error)).toMatch(/full/);
      expect(await keyColumns(db, 'sqlite')).toEqual(['entity', 'id']);
      expect(await allRows(db)).toEqual(before);
      const tables = await sql<{ name: string }>`
        select name from sqlite_master where type = 'table' and name like 'records%'`.execute(db);
      expect(tables.rows.map((r) => r.name)).toEqual(['records']);
      await db.destroy();

      db = open();
      expect((await migrate(db).migrateToLatest()).error).toBeUndefined();
      expect(await keyColumns(db, 'sqlite')).toEqual(['id', 'entity']);
      expect(await allRows(db)).toEqual(before);
      await db.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
