/**
 * `npm run backup`: one file holding the whole database, taken while the
 * server runs. SQLite through its online backup API (better-sqlite3's
 * `db.backup()`: a consistent copy even while pushes commit), PostgreSQL
 * through `pg_dump` (one snapshot transaction). The copy is checked before it
 * is given its name, so a file called ground-up-….sqlite is always whole.
 *
 * Environment: as the server (DATABASE_URL, DATA_DIR), plus BACKUP_DIR
 * (./backups) or `--out DIR`.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { withPgUser } from '../store/index.ts';
import { describeTarget, targetFromEnv, type OpsTarget } from './target.ts';

const run = promisify(execFile);

export type BackupOutcome =
  | {
      readonly kind: 'written';
      readonly file: string;
      readonly bytes: number;
      /** What the copy holds; counted in the copy itself (SQLite only). */
      readonly teams?: number;
      readonly changes?: number;
    }
  | { readonly kind: 'failed'; readonly message: string };

/** e.g. ground-up-2026-11-30T10-51-43Z.sqlite: sorts by time, safe in any file system. */
export function backupName(kind: OpsTarget['kind'], at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
  return `ground-up-${stamp}.${kind === 'sqlite' ? 'sqlite' : 'pgdump'}`;
}

/** Integrity and contents of a SQLite backup; a message when it is not a whole Ground Up database. */
export function checkSqliteCopy(
  file: string,
): { ok: true; teams: number; changes: number } | { ok: false; message: string } {
  let copy: Database.Database | undefined;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      return { ok: false, message: `its integrity check says: ${String(integrity)}` };
    const teams = copy.prepare('select count(*) as n from teams').get() as { n: number };
    const changes = copy.prepare('select count(*) as n from change_log').get() as { n: number };
    return { ok: true, teams: teams.n, changes: changes.n };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  } finally {
    copy?.close();
  }
}

async function backupSqlite(path: string, file: string, partial: string): Promise<BackupOutcome> {
  if (!existsSync(path)) {
    return {
      kind: 'failed',
      message: `There is no database at ${path}. Set DATA_DIR to the folder the server uses.`,
    };
  }
  const source = new Database(path, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(partial);
  } finally {
    source.close();
  }
  // The copy inherits WAL mode; one self-contained file is what a backup should be.
  const copy = new Database(partial);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const check = checkSqliteCopy(partial);
  if (!check.ok) {
    rmSync(partial, { force: true });
    return { kind: 'failed', message: `The copy did not check out (${check.message}); try again.` };
  }
  renameSync(partial, file);
  return {
    kind: 'written',
    file,
    bytes: statSync(file).size,
    teams: check.teams,
    changes: check.changes,
  };
}

async function backupPostgres(
  target: Extract<OpsTarget, { kind: 'postgres' }>,
  file: string,
  partial: string,
): Promise<BackupOutcome> {
  const schema = target.schema ? ['--schema', target.schema] : [];
  try {
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      `--file=${partial}`,
      ...schema,
      `--dbname=${withPgUser(target.url).toString()}`,
    ]);
    await run('pg_restore', ['--list', partial]); // the archive reads back
  } catch (err) {
    rmSync(partial, { force: true });
    const words =
      err instanceof Error ? err.message.split('\n').slice(0, 3).join(' ') : String(err);
    return { kind: 'failed', message: `pg_dump did not finish: ${words}` };
  }
  renameSync(partial, file);
  return { kind: 'written', file, bytes: statSync(file).size };
}

/** Writes one backup file of `target` into `outDir` (created if missing). */
export async function backup(
  target: OpsTarget,
  outDir: string,
  at = new Date(),
): Promise<BackupOutcome> {
  mkdirSync(outDir, { recursive: true });
  const file = join(resolve(outDir), backupName(target.kind, at));
  if (existsSync(file))
    return { kind: 'failed', message: `${file} already exists; try again in a second.` };
  const partial = `${file}.partial`;
  try {
    return target.kind === 'sqlite'
      ? await backupSqlite(target.path, file, partial)
      : await backupPostgres(target, file, partial);
  } catch (err) {
    rmSync(partial, { force: true });
    return { kind: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
}

/** The words `npm run backup` prints. */
export function describeBackup(target: OpsTarget, outcome: BackupOutcome): string {
  if (outcome.kind === 'failed')
    return `Backup of ${describeTarget(target)} FAILED: ${outcome.message}`;
  const kb = Math.ceil(outcome.bytes / 1024);
  const holds =
    outcome.teams === undefined
      ? ''
      : ` It holds ${outcome.teams} teams and ${outcome.changes} changes; its integrity check passed.`;
  return (
    `Backed up ${describeTarget(target)} to ${outcome.file} (${kb} KB).${holds} ` +
    'Copy it off this machine; to put it back: npm run restore -- ' +
    outcome.file
  );
}

function outDirFrom(argv: readonly string[], env: NodeJS.ProcessEnv): string {
  const i = argv.indexOf('--out');
  return (i >= 0 ? argv[i + 1] : undefined) ?? env['BACKUP_DIR'] ?? './backups';
}

async function main(): Promise<void> {
  const target = targetFromEnv(process.env);
  const outcome = await backup(target, outDirFrom(process.argv.slice(2), process.env));
  console.log(describeBackup(target, outcome));
  process.exitCode = outcome.kind === 'written' ? 0 : 1;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
