/**
 * Opening the store: SQLite through better-sqlite3 by default, PostgreSQL
 * through pg when a postgres:// URL is given. Both get the same migrations and,
 * through Kysely, the same queries.
 */
import { userInfo } from 'node:os';
import Database from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type Driver,
} from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations.ts';
import type { Database as Tables } from './schema.ts';

export type StoreOptions = {
  /** postgres:// or postgresql:// selects PostgreSQL; anything else is ignored. */
  readonly databaseUrl?: string;
  /** SQLite file path; ':memory:' allowed. Default ':memory:'. */
  readonly sqlitePath?: string;
  /** PostgreSQL schema to create and use (e.g. one per test run). Default: the server's search_path. */
  readonly pgSchema?: string;
};

export type Opened = { readonly db: Kysely<Tables>; readonly dialect: 'sqlite' | 'postgres' };

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** Times and sequence numbers are bigint columns; as ms and counters they fit a JS number exactly. */
function pgTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID || oid === NUMERIC_OID
        ? (v: string) => Number(v)
        : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
  };
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new Error(`unsafe PostgreSQL schema name: ${name}`);
  return `"${name}"`;
}

/** The URL with a user name: libpq (psql) falls back to the OS user, pg needs it said when USER is unset. */
export function withPgUser(databaseUrl: string): URL {
  const url = new URL(databaseUrl);
  if (!url.username)
    url.username = process.env['PGUSER'] ?? process.env['USER'] ?? userInfo().username;
  return url;
}

/**
 * The application_name of the server's connections to PostgreSQL, one per
 * schema, so that `npm run restore` can see that a server is still using it.
 */
export function pgApplicationName(schema: string | undefined): string {
  return `ground-up${schema === undefined ? '' : `:${schema}`}`.slice(0, 63);
}

async function openPostgres(databaseUrl: string, schema: string | undefined): Promise<Opened> {
  const url = withPgUser(databaseUrl);
  if (schema !== undefined) {
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url.toString(),
    types: pgTypes(),
    max: 10,
    application_name: pgApplicationName(schema),
    // An unreachable database is an answer within seconds (503), never a hang.
    connectionTimeoutMillis: 5000,
    statement_timeout: 15_000,
    query_timeout: 20_000,
    keepAlive: true,
    ...(schema === undefined ? {} : { options: `-c search_path=${quoteIdent(schema)}` }),
  });
  // An idle connection that PostgreSQL drops (restart, outage) is discarded by
  // the pool, which opens a new one on the next query; unhandled, it would end the process.
  pool.on('error', () => undefined);
  // A connection lost while checked out (between queries) emits on the client itself.
  pool.on('connect', (client) => client.on('error', () => undefined));
  // Once more through the pool the store will use: under several test suites at
  // once a schema made on the first connection was sometimes missing on the
  // pool's (`schema … does not exist` while migrating; cause not found yet).
  if (schema !== undefined) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  return {
    db: new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }),
    dialect: 'postgres',
  };
}

/**
 * On SQLITE_FULL (and some I/O errors) SQLite has already rolled the
 * transaction back; Kysely's own ROLLBACK then fails with "no transaction is
 * active" and that error hides the real one. Rolling back only an open
 * transaction lets SQLITE_FULL reach the HTTP layer, which answers 507.
 */
class RollbackIfOpenDriver extends SqliteDriver {
  readonly #database: Database.Database;
  constructor(database: Database.Database) {
    super({ database: keepingStatements(database) });
    this.#database = database;
  }
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.#database.inTransaction) await super.rollbackTransaction(connection);
  }
}

/** Prepared statements kept, by SQL text; the least recently used goes first. */
const STATEMENTS_KEPT = 256;

/**
 * The database as Kysely's driver sees it, with its prepared statements kept:
 * the driver prepares every query afresh, and preparing a push's multi-row
 * insert (200 rows, up to 1,800 parameters, when it was measured; 500 rows
 * since decision 0038) cost SQLite about as much as
 * running it. The same batch size gives the same SQL text, so the statement is
 * compiled once. Nothing here streams (a statement busy iterating could not be
 * run again); SQLite re-prepares a kept statement itself after a schema change.
 */
function keepingStatements(database: Database.Database) {
  const kept = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string): Database.Statement {
      let statement = kept.get(text);
      if (statement) kept.delete(text);
      else statement = database.prepare(text);
      kept.set(text, statement);
      if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
      return statement;
    },
  };
}

class GroundUpSqliteDialect extends SqliteDialect {
  readonly #database: Database.Database;
  constructor(database: Database.Database) {
    super({ database });
    this.#database = database;
  }
  override createDriver(): Driver {
    return new RollbackIfOpenDriver(this.#database);
  }
}

function openSqlite(path: string): Opened {
  const database = new Database(path);
  if (path !== ':memory:') database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  // Freed bytes are overwritten with zeros, so an erased text (store/erase.ts) leaves the file.
  database.pragma('secure_delete = ON');
  return {
    db: new Kysely<Tables>({ dialect: new GroundUpSqliteDialect(database) }),
    dialect: 'sqlite',
  };
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(opts: StoreOptions): Promise<Opened> {
  const opened = isPostgresUrl(opts.databaseUrl)
    ? await openPostgres(opts.databaseUrl, opts.pgSchema)
    : openSqlite(opts.sqlitePath ?? ':memory:');
  const migrator = new Migrator({
    db: opened.db,
    provider: migrationProvider,
    ...(opened.dialect === 'postgres' && opts.pgSchema !== undefined
      ? { migrationTableSchema: opts.pgSchema }
      : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await opened.db.destroy();
    throw error instanceof Error ? error : new Error(`migration failed: ${String(error)}`);
  }
  await sql`select 1`.execute(opened.db);
  return opened;
}
