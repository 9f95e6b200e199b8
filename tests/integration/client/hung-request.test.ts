/**
 * A request that never ends must not hold the sync lock for ever (decision
 * 0037): it is given up at the time limit, or at once when the page hears that
 * the connection is gone (`abortRequests`), and the next pass sends. A request
 * outside a pass (starting a team) is left alone: it is not safe to send twice. The real
 * client code and the real server; the hang is an msw handler that never
 * answers, or answers the headers and then stops.
 */
import { delay, http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeam } from '../../../src/sync/team.ts';
import { outboxCount } from '../../../src/db/queries.ts';
import { syncOnce } from '../../../src/sync/engine.ts';
import { abortRequests, createApi } from '../../../src/sync/api.ts';
import {
  device,
  network,
  now,
  serverIdeaTitles,
  startServer,
  type Device,
  type Server,
} from './harness.ts';

let server: Server;
let a: Device;
let teamId: string;

beforeEach(async () => {
  server = await startServer();
  a = device(server, 'a');
  const created = await createTeam(a.db, a.api, { teamName: 'Ward 7', displayName: 'Asha' }, now());
  if (created.kind !== 'ok') throw new Error(created.message);
  teamId = created.session.team.id;
  // The phone has seen the server (its epoch), so a pass pushes first.
  expect((await a.sync()).kind).toBe('synced');
});
afterEach(async () => {
  a.close();
  await server.close();
});

/** A pass whose every request is given up after `ms` (the real limit is two minutes). */
const syncWithin = (ms: number) =>
  syncOnce({ db: a.db, api: createApi(a.origin, undefined, { timeLimitMs: ms }), now });

describe('a request with no answer', () => {
  it('is given up at the time limit, and the next pass sends the idea once', async () => {
    await a.capture('Spare obs machine');
    let reached = 0;
    network.use(
      http.post(
        `${a.origin}/api/v1/sync/push*`,
        async () => {
          reached++;
          await delay('infinite');
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    const given = await syncWithin(200);
    expect(given).toMatchObject({ kind: 'offline', message: 'no answer within 0 s' });
    expect(reached).toBe(1);
    expect(await outboxCount(a.db)).toBe(1);
    // The lock was let go: the next pass runs and sends.
    expect(await a.sync()).toMatchObject({ kind: 'synced', pushed: 1 });
    expect(await serverIdeaTitles(server, teamId)).toEqual(['Spare obs machine']);
  });

  it('is given up when its answer stops half-way, and a push the server applied is not applied twice', async () => {
    await a.capture('Label IV lines');
    network.use(
      http.post(
        `${a.origin}/api/v1/sync/push*`,
        async ({ request }) => {
          const answer = await server.handle(request); // the server commits...
          const text = await answer.text();
          // ...and its answer starts, then stops before the end.
          const body = new ReadableStream<Uint8Array>({
            start(c) {
              c.enqueue(new TextEncoder().encode(text.slice(0, 10)));
            },
          });
          return new HttpResponse(body, {
            status: 200,
            headers: { 'content-type': 'application/json' },
          });
        },
        { once: true },
      ),
    );
    const given = await syncWithin(200);
    // Not "an unreadable answer": the phone gave up waiting, and says it had no answer.
    expect(given).toMatchObject({ kind: 'offline', message: 'no answer within 0 s' });
    expect(await outboxCount(a.db)).toBe(1);
    expect(await serverIdeaTitles(server, teamId)).toEqual(['Label IV lines']);
    expect(await a.sync()).toMatchObject({ kind: 'synced', pushed: 1 });
    expect(await outboxCount(a.db)).toBe(0);
    expect(await serverIdeaTitles(server, teamId)).toEqual(['Label IV lines']); // not twice
  });

  it('is given up at once when the connection is said to be gone, and lets the next pass go', async () => {
    await a.capture('Water jugs at 2pm');
    let arrived: () => void = () => undefined;
    const reached = new Promise<void>((ok) => (arrived = ok));
    network.use(
      http.post(
        `${a.origin}/api/v1/sync/push*`,
        async () => {
          arrived();
          await delay('infinite');
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    const pass = a.sync(); // the two-minute limit: only abortRequests can end it here
    await reached;
    abortRequests();
    expect(await pass).toMatchObject({
      kind: 'offline',
      message: 'given up: the connection is gone',
    });
    expect(await outboxCount(a.db)).toBe(1);
    expect(await a.sync()).toMatchObject({ kind: 'synced', pushed: 1 });
    expect(await serverIdeaTitles(server, teamId)).toEqual(['Water jugs at 2pm']);
  });

  it('leaves a request outside a sync pass alone: starting a team is not given up, so never sent twice', async () => {
    const other = device(server, 'other');
    try {
      let arrived: () => void = () => undefined;
      const reached = new Promise<void>((ok) => (arrived = ok));
      let answer: () => void = () => undefined;
      const go = new Promise<void>((ok) => (answer = ok));
      network.use(
        http.post(
          `${other.origin}/api/v1/teams`,
          async ({ request }) => {
            arrived();
            await go; // the answer is slow to come
            return server.handle(request);
          },
          { once: true },
        ),
      );
      const started = createTeam(
        other.db,
        createApi(other.origin, undefined, { timeLimitMs: 50 }),
        { teamName: 'Ward 9', displayName: 'Cat' },
        now(),
      );
      await reached;
      abortRequests(); // the connection is said to be gone
      await new Promise((r) => setTimeout(r, 100)); // past the pass's time limit, too
      answer();
      expect((await started).kind).toBe('ok');
    } finally {
      other.close();
    }
  });

  it('leaves an answer that came in time alone', async () => {
    await a.capture('Discharge checklist at 10');
    expect(await syncWithin(60_000)).toMatchObject({ kind: 'synced', pushed: 1 });
    abortRequests(); // nothing on its way: nothing to give up
    expect(await serverIdeaTitles(server, teamId)).toEqual(['Discharge checklist at 10']);
  });
});
