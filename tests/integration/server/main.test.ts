// The real server over real HTTP, as e2e tests and benchmarks start it: a
// free port, a SQLite file under the data directory, and a session that
// survives a restart.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { parseTrustProxy } from '../../../server/http/clientAddress.ts';
import { startServer } from '../../../server/main.ts';
import { startupProblem } from '../../../server/http/unavailable.ts';
import { withPgUser } from '../../../server/store/index.ts';
import type { SessionResponse } from '../../../src/domain/protocol.ts';
import { freePort } from '../support/freePort.ts';
import { dropSchema, PG_AVAILABLE, PG_URL, uniqueSchema } from './backends.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('startServer', () => {
  it('cannot start without its PostgreSQL, and says so in words with what to do', async () => {
    // A port nothing listens on: PostgreSQL "not running".
    const closed = await freePort();
    const failed = await startServer({
      port: 0,
      databaseUrl: `postgres://127.0.0.1:${closed}/ground_up`,
      log: () => undefined,
    }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(startupProblem(failed)).toBe(
      'Ground Up could not start: the database did not answer (ECONNREFUSED). Check that PostgreSQL is running and reachable from this server (DATABASE_URL), then start the server again.',
    );
    expect(startupProblem(new Error('a bug'))).toBeNull();
  });

  it('listens on a free port, stores in DATA_DIR, and keeps a device signed in across a restart', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ground-up-data-')), 'nested');
    dirs.push(dataDir);
    const logs: string[] = [];
    const opts = {
      port: 0,
      dataDir,
      staticDir: join(dataDir, 'no-dist'),
      log: (l: string) => logs.push(l),
    };

    const first = await startServer(opts);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.port).toBeGreaterThan(0);
    expect(await (await fetch(`${first.url}/healthz`)).json()).toEqual({ ok: true });
    const created = await fetch(`${first.url}/api/v1/teams`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ teamName: 'Ward 7', displayName: 'Priya' }),
    });
    expect(created.status).toBe(201);
    const session = (await created.json()) as SessionResponse;
    await first.close();
    expect(existsSync(join(dataDir, 'ground-up.sqlite'))).toBe(true);
    await expect(fetch(`${first.url}/healthz`)).rejects.toThrow();

    const second = await startServer(opts);
    const team = await fetch(`${second.url}/api/v1/team`, {
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(team.status).toBe(200);
    expect(await team.json()).toMatchObject({
      team: { name: 'Ward 7', inviteCode: session.team.inviteCode },
    });
    await second.close();
    expect(logs.some((l) => l.includes('serving the API only'))).toBe(true);
  });

  it.runIf(PG_AVAILABLE)('runs on PostgreSQL when given a postgres:// URL', async () => {
    const pgSchema = uniqueSchema();
    const running = await startServer({
      port: 0,
      databaseUrl: PG_URL,
      pgSchema,
      staticDir: '/nonexistent',
      log: () => {},
    });
    try {
      expect(running.store.dialect).toBe('postgres');
      const created = await fetch(`${running.url}/api/v1/teams`, {
        method: 'POST',
        body: JSON.stringify({ teamName: 'Ward 9', displayName: 'Jo' }),
      });
      const session = (await created.json()) as SessionResponse;
      const team = await fetch(`${running.url}/api/v1/team`, {
        headers: { authorization: `Bearer ${session.token}` },
      });
      expect(await team.json()).toMatchObject({
        team: { name: 'Ward 9' },
        members: [{ displayName: 'Jo' }],
      });
    } finally {
      await running.close();
      await dropSchema(pgSchema);
    }
  });

  it.runIf(PG_AVAILABLE)(
    'counts its limits in PostgreSQL, by the address a trusted proxy names',
    async () => {
      const pgSchema = uniqueSchema();
      const running = await startServer({
        port: 0,
        databaseUrl: PG_URL,
        pgSchema,
        staticDir: '/nonexistent',
        log: () => {},
        trustProxy: parseTrustProxy('1'),
      });
      const client = new pg.Client({ connectionString: withPgUser(PG_URL).toString() });
      try {
        const created = await fetch(`${running.url}/api/v1/teams`, {
          method: 'POST',
          headers: { 'x-forwarded-for': '203.0.113.7' },
          body: JSON.stringify({ teamName: 'Ward 9', displayName: 'Jo' }),
        });
        expect(created.status).toBe(201);
        await client.connect();
        const rows = await client.query<{ key: string }>(
          `select key from "${pgSchema}".rate_limits`,
        );
        expect(rows.rows.map((r) => r.key)).toEqual(['teamCreations:203.0.113.7']);
      } finally {
        await client.end();
        await running.close();
        await dropSchema(pgSchema);
      }
    },
  );
});
