/**
 * A store whose tables a test can read directly, to check what the server
 * actually wrote (no raw token, no malformed row) rather than what its API
 * chooses to show. SQLite goes to a temporary file read through a second
 * connection; PostgreSQL to a fresh schema read through its own client.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, withPgUser, type Store } from '../../../server/store/index.ts';
import { dropSchema, PG_URL, uniqueSchema, type Backend } from './backends.ts';

export const TABLES = [
  'teams',
  'members',
  'team_counters',
  'change_log',
  'applied_mutations',
  'records',
] as const;
export type TableName = (typeof TABLES)[number];
export type Row = Record<string, unknown>;

export type InspectableStore = {
  readonly store: Store;
  rows(table: string): Promise<Row[]>;
  /** Every table the database holds, from its catalogue (so one added later is included). */
  tableNames(): Promise<string[]>;
  close(): Promise<void>;
};

export async function openInspectable(backend: Backend['name']): Promise<InspectableStore> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ground-up-tables-'));
    const path = join(dir, 'store.sqlite');
    const store = await openStore({ sqlitePath: path });
    const reader = new Database(path, { readonly: true });
    return {
      store,
      rows: (table) => Promise.resolve(reader.prepare(`select * from "${table}"`).all() as Row[]),
      tableNames: () =>
        Promise.resolve(
          (
            reader
              .prepare(
                `select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`,
              )
              .all() as { name: string }[]
          ).map((r) => r.name),
        ),
      async close() {
        reader.close();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = uniqueSchema();
  const store = await openStore({ databaseUrl: PG_URL, pgSchema: schema });
  const client = new pg.Client({ connectionString: withPgUser(PG_URL).toString() });
  await client.connect();
  return {
    store,
    async rows(table) {
      const result = await client.query<Row>(`select * from "${schema}"."${table}"`);
      return result.rows;
    },
    async tableNames() {
      const result = await client.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = $1`,
        [schema],
      );
      return result.rows.map((r) => r.table_name);
    },
    async close() {
      await client.end();
      await store.close();
      await dropSchema(schema);
    },
  };
}

/** Every value in every table, as text: what a copy of the database would reveal. */
export async function everyValue(db: InspectableStore): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLES) {
    for (const row of await db.rows(table)) parts.push(JSON.stringify(row));
  }
  return parts.join('\n');
}
