/**
 * The databases the server suites run against: SQLite in memory always, and
 * PostgreSQL when it answers (postgres://127.0.0.1:5432/test, or
 * TEST_DATABASE_URL). Each PostgreSQL store gets a fresh, uniquely named schema
 * that is dropped when the test is done.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  openStore,
  withPgUser,
  type Store,
  type StoreOptions,
} from '../../../server/store/index.ts';

export type Backend = { readonly name: 'sqlite' | 'postgres'; open(): Promise<Store> };

export const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://127.0.0.1:5432/test';

async function pgReachable(): Promise<string | null> {
  const client = new pg.Client({
    connectionString: withPgUser(PG_URL).toString(),
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: withPgUser(PG_URL).toString() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

const sqlite: Backend = { name: 'sqlite', open: () => openStore({ sqlitePath: ':memory:' }) };

const postgres: Backend = {
  name: 'postgres',
  async open() {
    const schema = uniqueSchema();
    const store = await openStore({ databaseUrl: PG_URL, pgSchema: schema });
    return {
      ...store,
      async close() {
        await store.close();
        await dropSchema(schema);
      },
    };
  },
};

const pgProblem = await pgReachable();
if (pgProblem !== null) {
  console.warn(
    `PostgreSQL suites SKIPPED: cannot reach ${PG_URL} (${pgProblem}). Set TEST_DATABASE_URL to run them.`,
  );
}

export const PG_AVAILABLE = pgProblem === null;

/** A fresh schema name for one PostgreSQL store. */
export function uniqueSchema(): string {
  return `test_${process.pid}_${randomBytes(6).toString('hex')}`;
}

/** The backends to run a suite against. */
export const BACKENDS: readonly Backend[] = pgProblem === null ? [sqlite, postgres] : [sqlite];

/**
 * Where a suite that opens the database itself (a migration's, a plan's) keeps
 * it: a SQLite file in a directory of its own, or a fresh PostgreSQL schema;
 * `done` removes it.
 */
export type DatabaseTarget = {
  readonly name: 'sqlite' | 'postgres';
  make(): { opts: StoreOptions; done: () => Promise<void> };
};

export function sqliteFileTarget(prefix: string): DatabaseTarget {
  return {
    name: 'sqlite',
    make() {
      const dir = mkdtempSync(join(tmpdir(), `ground-up-${prefix}-`));
      return {
        opts: { sqlitePath: join(dir, `${prefix}.sqlite`) },
        done: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  };
}

export function pgSchemaTarget(prefix: string): DatabaseTarget {
  return {
    name: 'postgres',
    make() {
      const pgSchema = `${prefix}_${randomBytes(6).toString('hex')}`;
      return { opts: { databaseUrl: PG_URL, pgSchema }, done: () => dropSchema(pgSchema) };
    },
  };
}

/** SQLite always, and PostgreSQL when it answers. */
export function databaseTargets(prefix: string): DatabaseTarget[] {
  return PG_AVAILABLE
    ? [sqliteFileTarget(prefix), pgSchemaTarget(prefix)]
    : [sqliteFileTarget(prefix)];
}
