/**
 * A PgBouncer of the test's own, in transaction mode, in front of the shared
 * PostgreSQL (Debian's package `pgbouncer`; .ci/run installs it). PgBouncer
 * refuses to run as root, so as root it runs as the `postgres` user
 * (`runuser`), which then owns its directory.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { sleep } from '../../kill/random.ts';
import { freePort } from './freePort.ts';

const BIN = '/usr/sbin/pgbouncer';
const asRoot = userInfo().uid === 0;

export type PgBouncer = {
  /** postgres://…: the same database, through the pooler. */
  readonly url: string;
  close(): Promise<void>;
  logTail(): string;
};

export function pgBouncerProblem(): string | null {
  if (!existsSync(BIN)) return `${BIN} is not installed (apt-get install pgbouncer)`;
  if (asRoot && spawnSync('id', ['-u', 'postgres']).status !== 0)
    return 'no postgres user to run it as';
  return null;
}

/** PgBouncer in transaction mode in front of `target` (host, port, database, user). */
export async function pgBouncer(target: URL): Promise<PgBouncer> {
  const dir = mkdtempSync(join(tmpdir(), 'ground-up-pgbouncer-'));
  const port = await freePort();
  const user = decodeURIComponent(target.username);
  const database = target.pathname.slice(1);
  writeFileSync(join(dir, 'users.txt'), `"${user}" ""\n`);
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `${database} = host=${target.hostname} port=${target.port || 5432} dbname=${database}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 1000',
      'default_pool_size = 20',
      // node-pg sends the server's statement_timeout at connect; PgBouncer keeps no
      // session settings, so the database carries it instead (README "Several servers").
      'ignore_startup_parameters = statement_timeout',
      `logfile = ${join(dir, 'pgbouncer.log')}`,
      '',
    ].join('\n'),
  );
  if (asRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    for (const f of ['', 'users.txt', 'pgbouncer.ini']) chownSync(join(dir, f), uid, gid);
  }
  const argv = [BIN, join(dir, 'pgbouncer.ini')];
  const child = asRoot
    ? spawn('runuser', ['-u', 'postgres', '--', ...argv], { stdio: 'ignore' })
    : spawn(argv[0]!, argv.slice(1), { stdio: 'ignore' });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const logTail = () => {
    const log = join(dir, 'pgbouncer.log');
    return existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
  };
  for (let i = 0; ; i++) {
    const open = await new Promise<boolean>((ok) => {
      const s = net.connect(port, '127.0.0.1', () => (s.end(), ok(true)));
      s.on('error', () => ok(false));
    });
    if (open) break;
    if (child.exitCode !== null || i > 100) {
      child.kill('SIGKILL');
      throw new Error(`PgBouncer did not start: ${logTail()}`);
    }
    await sleep(50);
  }
  const url = new URL(target);
  url.port = String(port);
  return {
    url: url.toString(),
    logTail,
    async close() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
