/**
 * A PostgreSQL server of the test's own (issue 18), to restart and stop while
 * the Ground Up server uses it: the PostgreSQL on 5432 is shared by other
 * tests and is never restarted. `initdb` into a temporary directory, then
 * `pg_ctl start` on a free port with its socket in that directory. As root,
 * initdb refuses to run, so every command runs as the `postgres` user
 * (`runuser`), which then owns the directory.
 *
 * `ownPostgresProblem()` says in words why none can be made here (no
 * binaries, no `postgres` user), or null.
 */
import { execFile, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './freePort.ts';

export type OwnPostgres = {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  readonly url: string;
  /** `pg_ctl restart -m fast`: connections are cut, the server comes back at once. */
  restart(): Promise<void>;
  /** `pg_ctl stop -m fast`. */
  stop(): Promise<void>;
  /** `pg_ctl start`, waiting until it accepts connections. */
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  close(): Promise<void>;
  /** The end of PostgreSQL's own log, for a failing test's message. */
  logTail(): string;
};

/** The newest /usr/lib/postgresql/N/bin holding initdb and pg_ctl (or PG_BIN), or null. */
function binaries(): string | null {
  const given = process.env['PG_BIN'];
  if (given) return existsSync(join(given, 'pg_ctl')) ? given : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = join(root, v, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

const asRoot = userInfo().uid === 0;

function postgresUser(): { uid: number; gid: number } | null {
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) return null;
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** Why no PostgreSQL of the test's own can be made on this machine, or null. */
export function ownPostgresProblem(): string | null {
  if (binaries() === null)
    return 'no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin; install postgresql or set PG_BIN';
  if (asRoot && postgresUser() === null)
    return 'running as root, where initdb refuses to run, and there is no postgres user to run it as';
  if (asRoot && spawnSync('runuser', ['--help']).error)
    return 'running as root, where initdb refuses to run, and runuser is not installed';
  return null;
}

/** The command line, as the postgres user when this process is root. */
function command(bin: string, tool: string, args: string[]): [string, string[]] {
  const path = join(bin, tool);
  return asRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
}

function run(bin: string, tool: string, args: string[]): Promise<void> {
  const [file, argv] = command(bin, tool, args);
  return new Promise((ok, fail) => {
    execFile(file, argv, { timeout: 120_000 }, (err, stdout, stderr) =>
      err ? fail(new Error(`${tool} ${args.join(' ')}: ${err.message}\n${stdout}${stderr}`)) : ok(),
    );
  });
}

export async function ownPostgres(): Promise<OwnPostgres> {
  const bin = binaries();
  const problem = ownPostgresProblem();
  if (bin === null || problem !== null) throw new Error(`no PostgreSQL of our own: ${problem}`);
  const dir = mkdtempSync(join(tmpdir(), 'ground-up-pg-'));
  const owner = asRoot ? postgresUser() : null;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  const user = asRoot ? 'postgres' : userInfo().username;
  await run(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', user, '-E', 'UTF8', '--no-sync']);
  // Asked for after initdb's seconds, so another test's listen has no time to be given it.
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const ctl = (args: string[]) => run(bin, 'pg_ctl', ['-D', data, '-l', log, '-w', ...args]);
  // Never leave a PostgreSQL behind if the test process ends without closing it.
  const [file, argv] = command(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
  const onExit = () => {
    spawnSync(file, argv, { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  await ctl(['-o', options, 'start']);
  return {
    url: `postgres://${user}@127.0.0.1:${port}/postgres`,
    restart: () => ctl(['-m', 'fast', '-o', options, 'restart']),
    stop: () => ctl(['-m', 'fast', 'stop']),
    start: () => ctl(['-o', options, 'start']),
    async close() {
      process.removeListener('exit', onExit);
      await ctl(['-m', 'fast', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
    logTail: () => (existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : ''),
  };
}
