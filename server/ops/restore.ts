/**
 * `npm run restore FILE`: puts a backup written by `npm run backup` back. It
 * refuses while unsure — a file that is not a whole backup, a server still
 * running on the database — and keeps what it replaces (a copy beside the
 * SQLite file, or a dump for PostgreSQL), so a restore can itself be undone.
 * Then it says in words what it did.
 *
 * Environment: as the server (DATABASE_URL, DATA_DIR).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { withPgUser } from '../store/index.ts';
import { pgApplicationName } from '../store/open.ts';
import { newEpochStatement } from '../store/epoch.ts';
import { backup, checkSqliteCopy } from './backup.ts';
import { describeTarget, pidFileFor, targetFromEnv, type OpsTarget } from './target.ts';

const run = promisify(execFile);

export type RestoreOutcome =
  | {
      readonly kind: 'restored';
      readonly file: string;
      /** The database as it was before, or null when there was none. */
      readonly keptAt: string | null;
      readonly teams?: number;
      readonly changes?: number;
    }
  | { readonly kind: 'refused'; readonly message: string };

export type RestoreOptions = {
  /** Where the database as it was is kept. Default: before-restore/ beside the SQLite file, or ./backups. */
  readonly keepDir?: string;
};

/** The id of a live process in the server's pid file, or null. */
function runningServer(sqlitePath: string): number | null {
  const pidFile = pidFileFor(sqlitePath);
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    // EPERM: alive but someone else's; ESRCH: gone (killed, left its file behind).
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

async function restoreSqlite(
  path: string,
  file: string,
  opts: RestoreOptions,
): Promise<RestoreOutcome> {
  const check = checkSqliteCopy(file);
  if (!check.ok) {
    return {
      kind: 'refused',
      message: `${file} is not a whole Ground Up backup (${check.message}). Nothing was changed; pick another backup file.`,
    };
  }
  const pid = runningServer(path);
  if (pid !== null) {
    return {
      kind: 'refused',
      message: `The server is still running on ${path} (process ${pid}). Nothing was changed; stop the server, then run the restore again.`,
    };
  }
  let keptAt: string | null = null;
  if (existsSync(path)) {
    const kept = await backup(
      { kind: 'sqlite', path },
      opts.keepDir ?? resolve(path, '..', 'before-restore'),
    );
    if (kept.kind === 'failed') {
      return {
        kind: 'refused',
        message: `Could not keep a copy of the database as it is (${kept.message}). Nothing was changed; copy ${path} somewhere safe by hand, move it away, then run the restore again.`,
      };
    }
    keptAt = kept.file;
  }
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // Through SQLite itself, not a file copy: a -wal file left by a killed server is dealt with too.
    await source.backup(path);
  } finally {
    source.close();
  }
  const target = new Database(path);
  try {
    target.pragma('journal_mode = WAL');
    // A new epoch tells every phone the server was restored (decision 0008). A
    // backup from before migration 0004 gets one when the server starts.
    const hasEpoch = target
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'server_epoch'")
      .get();
    if (hasEpoch !== undefined) target.exec(newEpochStatement(Date.now()).text);
    target.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    target.close();
  }
  const after = checkSqliteCopy(path);
  if (!after.ok) throw new Error(`the restored database does not check out: ${after.message}`);
  return { kind: 'restored', file, keptAt, teams: after.teams, changes: after.changes };
}

async function otherServers(url: string, schema: string | undefined): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const r = await client.query<{ n: string }>(
      'select count(*) as n from pg_stat_activity where application_name = $1 and datname = current_database()',
      [pgApplicationName(schema)],
    );
    return Number(r.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function restorePostgres(
  target: Extract<OpsTarget, { kind: 'postgres' }>,
  file: string,
  opts: RestoreOptions,
): Promise<RestoreOutcome> {
  const url = withPgUser(target.url).toString();
  try {
    await run('pg_restore', ['--list', file]);
  } catch {
    return {
      kind: 'refused',
      message: `${file} is not a backup pg_restore can read. Nothing was changed; pick another backup file.`,
    };
  }
  const servers = await otherServers(url, target.schema);
  if (servers > 0) {
    return {
      kind: 'refused',
      message: `${servers} connection(s) of a running Ground Up server use this database. Nothing was changed; stop every server process, then run the restore again.`,
    };
  }
  const kept = await backup(target, opts.keepDir ?? './backups');
  if (kept.kind === 'failed') {
    return {
      kind: 'refused',
      message: `Could not keep a dump of the database as it is (${kept.message}). Nothing was changed.`,
    };
  }
  const sqlFile = join(tmpdir(), `ground-up-restore-${process.pid}-${Date.now()}.sql`);
  try {
    // One transaction: the old data is dropped only if all of the backup goes in.
    const clean = target.schema ? ['-c', `DROP SCHEMA IF EXISTS "${target.schema}" CASCADE`] : [];
    // A new epoch tells every phone the server was restored (decision 0008).
    const table = target.schema ? `"${target.schema}".server_epoch` : 'server_epoch';
    const epoch = newEpochStatement(Date.now()).text.replace('server_epoch', table);
    const renew = [
      '-c',
      `DO $$ BEGIN IF to_regclass('${table}') IS NOT NULL THEN ${epoch}; END IF; END $$`,
    ];
    await run('pg_restore', [
      '--no-owner',
      ...(target.schema ? [] : ['--clean', '--if-exists']),
      `--file=${sqlFile}`,
      file,
    ]);
    await run('psql', [
      '--single-transaction',
      '--quiet',
      '-v',
      'ON_ERROR_STOP=1',
      ...clean,
      '-f',
      sqlFile,
      ...renew,
      url,
    ]);
  } finally {
    rmSync(sqlFile, { force: true });
  }
  return { kind: 'restored', file, keptAt: kept.file };
}

/** Puts the backup `file` back into `target`. */
export async function restore(
  target: OpsTarget,
  file: string,
  opts: RestoreOptions = {},
): Promise<RestoreOutcome> {
  if (!existsSync(file)) {
    return { kind: 'refused', message: `There is no file ${file}. Nothing was changed.` };
  }
  const whole = resolve(file);
  return target.kind === 'sqlite'
    ? restoreSqlite(target.path, whole, opts)
    : restorePostgres(target, whole, opts);
}

/** The words `npm run restore` prints. */
export function describeRestore(target: OpsTarget, outcome: RestoreOutcome): string {
  if (outcome.kind === 'refused') return `Restore REFUSED: ${outcome.message}`;
  const holds =
    outcome.teams === undefined
      ? ''
      : ` It now holds ${outcome.teams} teams and ${outcome.changes} changes.`;
  const kept =
    outcome.keptAt === null ? '' : ` The database as it was is kept in ${outcome.keptAt}.`;
  return `Restored ${describeTarget(target)} from ${outcome.file}.${holds}${kept} Start the server again: at their next sync, phones see the server was restored and send again what they hold that the backup lacks.`;
}

async function main(): Promise<void> {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (file === undefined) {
    console.log('Usage: npm run restore -- FILE (a file written by npm run backup)');
    process.exitCode = 1;
    return;
  }
  const target = targetFromEnv(process.env);
  const outcome = await restore(target, file);
  console.log(describeRestore(target, outcome));
  process.exitCode = outcome.kind === 'restored' ? 0 : 1;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
