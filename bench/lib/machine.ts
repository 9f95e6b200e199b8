/** What the figures were measured on: the machine and the versions. */
import { cpus, totalmem, release, platform } from 'node:os';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import pg from 'pg';
import { withPgUser } from '../../server/store/index.ts';

const PACKAGES = [
  'dexie',
  'preact',
  'workbox-precaching',
  'hono',
  '@hono/node-server',
  'kysely',
  'better-sqlite3',
  'pg',
  'vite',
  'playwright-core',
  'pouchdb',
  'pouchdb-adapter-memory',
  'express-pouchdb',
  'express',
  'lighthouse',
  'esbuild',
];

/** The bench's own tools are in bench/node_modules (bench/package.json); the app's in node_modules. */
function version(pkg: string): string {
  for (const dir of ['bench/node_modules', 'node_modules']) {
    try {
      const json = JSON.parse(readFileSync(`${dir}/${pkg}/package.json`, 'utf8')) as {
        version?: string;
      };
      return json.version ?? '?';
    } catch {
      // not in this folder: try the next
    }
  }
  return 'missing';
}

/**
 * The code measured: the commit, and whether the working tree differed from it
 * (bar the bench's own results) when the run began.
 */
function codeMeasured(): string {
  const git = (args: string[]) => {
    const r = spawnSync('git', args, { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : null;
  };
  const commit = git(['rev-parse', '--short', 'HEAD']);
  if (commit === null) return 'unknown (not a git checkout)';
  const changed = (git(['status', '--porcelain']) ?? '')
    .split('\n')
    .filter((l) => l.trim() !== '' && !/bench\/(RESULTS\.md|results\.json)$/.test(l));
  return changed.length === 0
    ? `commit ${commit}`
    : `commit ${commit} with ${changed.length} uncommitted change(s)`;
}

export async function machineInfo(chromium: string, pgUrl: string) {
  const c = cpus();
  const sqlite = new Database(':memory:');
  const sqliteVersion = (sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v;
  sqlite.close();
  let postgres = 'unreachable';
  const client = new pg.Client({
    connectionString: withPgUser(pgUrl).toString(),
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    const r = await client.query<{ server_version: string }>('show server_version');
    postgres = r.rows[0]?.server_version ?? '?';
  } catch {
    /* reported as unreachable */
  } finally {
    await client.end().catch(() => undefined);
  }
  return {
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium,
    sqlite: sqliteVersion,
    postgres,
    packages: Object.fromEntries(PACKAGES.map((p) => [p, version(p)])),
    code: codeMeasured(),
  };
}
