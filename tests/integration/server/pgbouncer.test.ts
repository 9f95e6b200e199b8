/**
 * Several servers through PgBouncer in transaction mode (README "Several
 * servers"): the servers' pools go through the pooler, and the connections
 * that need a session of their own (LISTEN for live updates, the shared
 * limits' prepared statements) go straight to PostgreSQL (DATABASE_SESSION_URL).
 * PgBouncer passes no `options`, so PG_SCHEMA cannot be used through it: the
 * test makes a database of its own and drops it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { withPgUser } from '../../../server/store/index.ts';
import { runTrustDay } from '../../load/trustDay.ts';
import { expectACleanDay } from './trustDayChecks.ts';
import { pgBouncer, pgBouncerProblem } from '../support/pgBouncer.ts';
import { PG_AVAILABLE, PG_URL } from './backends.ts';

const problem = PG_AVAILABLE ? pgBouncerProblem() : 'PostgreSQL is not reachable';
if (problem !== null) console.warn(`PgBouncer test SKIPPED: ${problem}`);

async function admin(statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: withPgUser(PG_URL).toString() });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

describe.runIf(problem === null)('three servers through PgBouncer in transaction mode', () => {
  it(
    'serve a ward’s day with nothing lost or twice and live updates across processes',
    { timeout: 240_000 },
    async () => {
      const database = `gu_bouncer_${randomBytes(4).toString('hex')}`;
      await admin(`CREATE DATABASE ${database}`);
      // What the pooler cannot carry per connection, the database carries.
      await admin(`ALTER DATABASE ${database} SET statement_timeout = '15s'`);
      const direct = withPgUser(PG_URL);
      direct.pathname = `/${database}`;
      const bouncer = await pgBouncer(direct);
      try {
        const report = await runTrustDay({
          pgUrl: direct.toString(),
          pgSchema: 'public',
          servers: 3,
          devices: 30,
          teamSize: 15,
          dayMs: 6_000,
          pullEveryMs: 2_000,
          liveSamples: 3,
          seed: 16,
          serverEnv: {
            DATABASE_URL: bouncer.url,
            PG_SCHEMA: '',
            DATABASE_SESSION_URL: direct.toString(),
          },
        });
        console.log(
          `pgbouncer: requests per process ${report.perServer.join('/')}; live ${report.live.p50} ms median`,
        );
        expectACleanDay(report, { devices: 30, liveSamples: 3, context: bouncer.logTail() });
      } finally {
        await bouncer.close();
        await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      }
    },
  );
});
