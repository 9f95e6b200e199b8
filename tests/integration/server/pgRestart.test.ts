/**
 * A real PostgreSQL restarted, and stopped, while the server serves and three
 * phones capture, edit and sync (issue 18). The PostgreSQL on 5432 is shared,
 * so the test starts one of its own (support/ownPostgres.ts) and the server's
 * pool uses it. While PostgreSQL is away every answer a phone gets is 200 or a
 * 503 with Retry-After and words (never a 500, never a hang), /healthz says in
 * words what to do, the log says it too; the pool comes back by itself (the
 * store is never reopened); afterwards every phone equals the server, nothing
 * lost, nothing created twice.
 *
 * `npm test`: one `pg_ctl restart -m fast` and one stop of PG_STOP_SECONDS
 * (default 3). The soak (`npm run test:kill`, `npm run test:soak`) stops it
 * for 30 s and writes the figures to SOAK_OUT.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { openStore, type Store } from '../../../server/store/index.ts';
import {
  compareWard,
  random,
  settleWard,
  sleep,
  startWard,
  wardTraffic,
  type Ward,
} from '../../kill/ward.ts';
import type { Server } from '../client/harness.ts';
import { ownPostgres, ownPostgresProblem, type OwnPostgres } from '../support/ownPostgres.ts';

const problem = ownPostgresProblem();
if (problem !== null) console.warn(`PostgreSQL restart tests SKIPPED: ${problem}`);

const STOP_SECONDS = Number(process.env['PG_STOP_SECONDS'] ?? 3);
const SEED = Number(process.env['SEED'] ?? 18);

/** One answer a phone got. */
type Answer = { path: string; status: number; retryAfter: string | null; text: string };

const UNREACHABLE_WORDS =
  /cannot reach its database just now\. Everything you saved is still on your device/;
const ADVICE_WORDS =
  /Check that PostgreSQL is running and reachable from this server \(DATABASE_URL\); the server reconnects by itself once it is\./;

describe.runIf(problem === null)('a real PostgreSQL restarted and stopped while serving', () => {
  let pg: OwnPostgres;
  let store: Store;
  let server: Server;
  let ward: Ward;
  const logs: string[] = [];
  const answers: Answer[] = [];
  const figures: Record<string, unknown> = {};

  beforeAll(async () => {
    pg = await ownPostgres();
    store = await openStore({ databaseUrl: pg.url });
    const app = createApp({ store, log: (l) => logs.push(l), clientKey: () => 'test' });
    server = {
      store,
      pushes: 0,
      handle: async (request) => {
        const response = await app.request(request);
        answers.push({
          path: new URL(request.url).pathname,
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          text: response.status >= 400 ? await response.clone().text() : '',
        });
        return response;
      },
      close: () => store.close(),
    };
    ward = await startWard(server, 'pg-restart', 3);
  }, 120_000);

  afterAll(async () => {
    for (const d of ward?.phones ?? []) d.close();
    await store?.close();
    await pg?.close();
    const out = process.env['SOAK_OUT'];
    if (!out) return;
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'postgres-outage.json'), JSON.stringify(figures, null, 2));
  });

  /** Every API answer since `from` was a 200, or a 503 a phone can act on; counts them by status. */
  function checkAnswers(from: number): Record<number, number> {
    const byStatus: Record<number, number> = {};
    for (const a of answers.slice(from).filter((x) => x.path.startsWith('/api/'))) {
      byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
      if (a.status === 200) continue;
      expect(a, `${a.path} answered ${a.status}: ${a.text}`).toMatchObject({ status: 503 });
      expect(a.retryAfter).toMatch(/^\d+$/);
      expect(a.text).toMatch(UNREACHABLE_WORDS);
    }
    return byStatus;
  }

  /** The log has no 500 in it, every line about the database away says what to do, and one says it is back. */
  function checkLogs(from: number): number {
    const lines = logs.slice(from);
    expect(lines.filter((l) => l.startsWith('error '))).toEqual([]);
    const away = lines.filter((l) => l.startsWith('unavailable ') || l.startsWith('healthz: '));
    for (const l of away) expect(l).toMatch(ADVICE_WORDS);
    // Once it answers again, one line says so.
    if (away.length > 0)
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^database back: it answers again after \d+ s away; [1-9]\d* request\(s\) were answered 503 meanwhile\. Phones send what they kept by themselves/,
        ),
      );
    return away.length;
  }

  async function healthz(): Promise<{
    status: number;
    body: { ok: boolean; problem?: string };
    retryAfter: string | null;
  }> {
    const r = await server.handle(new Request('http://server.test/healthz'));
    return {
      status: r.status,
      body: (await r.json()) as never,
      retryAfter: r.headers.get('retry-after'),
    };
  }

  /** Asks /healthz until it says ok: the pool reconnects without anyone reopening it. */
  async function untilHealthy(): Promise<number> {
    for (let asked = 1; ; asked++) {
      if ((await healthz()).status === 200) return asked;
      await sleep(100);
    }
  }

  /** Lets the phones go on until they have synced once more each (in number). */
  async function untilEveryPhoneSynced(traffic: ReturnType<typeof wardTraffic>): Promise<void> {
    const before = traffic.outcomes.get('synced') ?? 0;
    while ((traffic.outcomes.get('synced') ?? 0) < before + ward.phones.length) await sleep(50);
  }

  async function outboxes(): Promise<number> {
    let n = 0;
    for (const d of ward.phones) n += await d.db.outbox.count();
    return n;
  }

  async function checkWard(): Promise<void> {
    await settleWard(ward);
    const check = await compareWard(store, ward);
    expect(check.lost).toEqual([]);
    expect(check.duplicated).toEqual([]);
    expect(check.diverged).toEqual([]);
    expect(check.ideas).toBeGreaterThan(0);
    expect(await outboxes()).toBe(0);
  }

  it(
    'pg_ctl restart -m fast while three phones push: 200 or 503 with words, then everything once',
    { timeout: 120_000 },
    async () => {
      const [fromAnswers, fromLogs] = [answers.length, logs.length];
      const traffic = wardTraffic(ward, random(SEED));
      await untilEveryPhoneSynced(traffic);
      const started = performance.now();
      await pg.restart();
      const restartMs = performance.now() - started;
      const asked = await untilHealthy();
      await untilEveryPhoneSynced(traffic);
      await traffic.stop();
      const byStatus = checkAnswers(fromAnswers);
      const awayLines = checkLogs(fromLogs);
      await checkWard();
      figures['restart'] = {
        restartMs: Math.round(restartMs),
        operations: traffic.operations,
        answers: byStatus,
        syncs: Object.fromEntries(traffic.outcomes),
        logLinesAboutTheDatabase: awayLines,
        healthzAskedUntilOk: asked,
      };
      console.log(`PostgreSQL restart: ${JSON.stringify(figures['restart'])}`);
    },
  );

  it(
    `pg_ctl stop for ${STOP_SECONDS} s while three phones push: 503 with Retry-After and words, /healthz says what to do, then everything once`,
    { timeout: 120_000 + STOP_SECONDS * 1000 },
    async () => {
      const [fromAnswers, fromLogs] = [answers.length, logs.length];
      const traffic = wardTraffic(ward, random(SEED + 1));
      await untilEveryPhoneSynced(traffic);
      const ideasBefore = [...ward.mine.values()].reduce((n, ids) => n + ids.length, 0);
      await pg.stop();
      const stoppedAt = performance.now();

      // What a phone and a person running the server get while it is down.
      const session = await ward.phones[0]!.db.meta.get('session');
      if (session?.key !== 'session') throw new Error('no session');
      const token = session.session.token;
      const teamId = ward.teamId;
      const asked = performance.now();
      const push = await server.handle(
        new Request('http://server.test/api/v1/sync/push', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ teamId, mutations: [] }),
        }),
      );
      const pull = await server.handle(
        new Request(`http://server.test/api/v1/sync/pull?team=${teamId}&cursor=0`, {
          headers: { authorization: `Bearer ${token}` },
        }),
      );
      const health = await healthz();
      const answeredInMs = performance.now() - asked;
      for (const r of [push, pull]) {
        expect(r.status).toBe(503);
        expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(
          UNREACHABLE_WORDS,
        );
      }
      expect(health.status).toBe(503);
      expect(health.retryAfter).toMatch(/^\d+$/);
      expect(health.body).toMatchObject({ ok: false });
      expect(health.body.problem).toMatch(ADVICE_WORDS);

      // The phones keep working for the rest of the stop; what they type waits on them.
      const left = STOP_SECONDS * 1000 - (performance.now() - stoppedAt);
      if (left > 0) await sleep(left);
      const waiting = await outboxes();
      const ideasDuring =
        [...ward.mine.values()].reduce((n, ids) => n + ids.length, 0) - ideasBefore;
      expect(waiting).toBeGreaterThan(0);
      expect(ideasDuring).toBeGreaterThan(0);
      await pg.start();
      const down = performance.now() - stoppedAt;
      const healthzAsked = await untilHealthy();
      await untilEveryPhoneSynced(traffic);
      await traffic.stop();

      const byStatus = checkAnswers(fromAnswers);
      expect(byStatus[503]).toBeGreaterThan(0);
      // What the phones were told, in their own outcome: the server's words.
      const told = [...traffic.messages];
      expect(told.length).toBeGreaterThan(0);
      for (const m of told) expect(m).toMatch(UNREACHABLE_WORDS);
      const awayLines = checkLogs(fromLogs);
      expect(awayLines).toBeGreaterThan(0);
      await checkWard();
      figures['stop'] = {
        stoppedSeconds: Math.round(down / 100) / 10,
        operations: traffic.operations,
        ideasCapturedWhileDown: ideasDuring,
        changesWaitingOnPhonesAtTheEnd: waiting,
        answers: byStatus,
        syncs: Object.fromEntries(traffic.outcomes),
        probesAnsweredInMs: Math.round(answeredInMs),
        healthzProblem: health.body.problem,
        logLinesAboutTheDatabase: awayLines,
        healthzAskedUntilOk: healthzAsked,
      };
      const check = await compareWard(store, ward);
      figures['afterwards'] = {
        ideas: check.ideas,
        lost: check.lost.length,
        duplicated: check.duplicated.length,
        diverged: check.diverged.length,
      };
      console.log(
        `PostgreSQL stopped: ${JSON.stringify(figures['stop'])} ${JSON.stringify(figures['afterwards'])}`,
      );
    },
  );
});
