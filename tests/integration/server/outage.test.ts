/**
 * PostgreSQL away while the server serves (issue 18): through a TCP proxy the
 * test cuts and restores (the PostgreSQL server itself is shared, so it is not
 * restarted), a push and a pull get 503 with Retry-After and words, never a
 * 500 or a hang; /healthz says what is wrong and what to do; the pool
 * reconnects by itself; a phone keeps its outbox and delivers it afterwards.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../server/store/index.ts';
import { joinTeam } from '../../../src/sync/team.ts';
import { tcpProxy, type TcpProxy } from '../support/tcpProxy.ts';
import { device as phoneOn, now, serverIdeaTitles, serverOver } from '../client/harness.ts';
import { dropSchema, PG_AVAILABLE, PG_URL, uniqueSchema } from './backends.ts';
import { device, harness, type Harness, type Reply } from './harness.ts';

describe.runIf(PG_AVAILABLE)('PostgreSQL outage', () => {
  let proxy: TcpProxy;
  let store: Store;
  let h: Harness;
  const schema = uniqueSchema();

  beforeEach(async () => {
    const pgUrl = new URL(PG_URL);
    proxy = await tcpProxy({ host: pgUrl.hostname, port: Number(pgUrl.port || 5432) });
    pgUrl.port = String(proxy.port);
    store = await openStore({ databaseUrl: pgUrl.toString(), pgSchema: schema });
    h = harness(store);
  });
  afterEach(async () => {
    await proxy.restore().catch(() => undefined);
    await store.close();
    await proxy.close();
    await dropSchema(schema);
  });

  /** Asks until the answer has the status wanted; the pool reconnects by itself. */
  async function until(status: number, ask: () => Promise<Reply>, tries = 100): Promise<Reply> {
    let r = await ask();
    for (let i = 1; i < tries && r.status !== status; i++) r = await ask();
    return r;
  }

  it('answers 503 with Retry-After and words, says why in /healthz, and recovers by itself', async () => {
    const s = await h.createTeam();
    const phone = device(1);
    await h.push(s, [phone.idea(s, 'Before the outage')]);

    await proxy.cut();
    const started = performance.now();
    const push = await h.request('POST', '/api/v1/sync/push', {
      token: s.token,
      body: { teamId: s.team.id, mutations: [phone.idea(s, 'During the outage')] },
    });
    const pull = await h.request('GET', `/api/v1/sync/pull?team=${s.team.id}&cursor=0`, {
      token: s.token,
    });
    const health = await h.request('GET', '/healthz');
    console.log(
      `outage: push ${push.status}, pull ${pull.status}, healthz ${health.status} in ${(performance.now() - started).toFixed(0)} ms`,
    );
    for (const r of [push, pull]) {
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(r.text).toMatch(/still on your device/);
    }
    expect(health.status).toBe(503);
    expect((health.body as { problem: string }).problem).toMatch(
      /Check that PostgreSQL is running and reachable .* reconnects by itself/,
    );
    expect(h.logs.some((l) => l.startsWith('unavailable POST /api/v1/sync/push'))).toBe(true);

    await proxy.restore();
    expect((await until(200, () => h.request('GET', '/healthz'))).status).toBe(200);
    expect(h.logs).toContainEqual(
      expect.stringMatching(
        /^database back: it answers again after \d+ s away; [1-9]\d* request\(s\) were answered 503/,
      ),
    );
    const again = await until(200, () =>
      h.request('GET', `/api/v1/sync/pull?team=${s.team.id}&cursor=0`, { token: s.token }),
    );
    expect(again.status).toBe(200);
  });

  it('a phone keeps its outbox through the outage and delivers it after', async () => {
    const lead = await h.createTeam();
    const server = serverOver(store);
    const p = phoneOn(server, 'outage');
    const joined = await joinTeam(
      p.db,
      p.api,
      { inviteCode: lead.team.inviteCode, displayName: 'Dee' },
      now(),
    );
    if (joined.kind !== 'ok') throw new Error(joined.message);

    await proxy.cut();
    await p.capture('Typed while the database was down');
    const during = await p.sync();
    expect(during.kind).toBe('error');
    expect(await p.db.outbox.count()).toBe(1);

    await proxy.restore();
    let after = await p.sync();
    for (let i = 0; i < 50 && after.kind !== 'synced'; i++) after = await p.sync();
    expect(after.kind).toBe('synced');
    expect(await p.db.outbox.count()).toBe(0);
    expect(await serverIdeaTitles(server, lead.team.id)).toEqual([
      'Typed while the database was down',
    ]);
    p.close();
  });
});
