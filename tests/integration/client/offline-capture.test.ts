/**
 * The capture loop with the real client code and the real server: ideas typed
 * with no connection reach the server exactly once, through a 500, a response
 * lost after the server committed, and a 413, and show up on a colleague's device.
 */
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeam, joinTeam } from '../../../src/sync/team.ts';
import { outboxCount, rejectedList } from '../../../src/db/queries.ts';
import { listIdeas } from '../../../src/db/ideaSearch.ts';
import { getSession } from '../../../src/db/session.ts';
import { syncOnce } from '../../../src/sync/engine.ts';
import { LIMITS } from '../../../src/domain/records.ts';
import {
  device,
  network,
  now,
  readPush,
  serverIdeaTitles,
  startServer,
  type Device,
  type Server,
} from './harness.ts';

let server: Server;
let a: Device;
let b: Device;
let teamId: string;

async function setUpTeam() {
  const created = await createTeam(a.db, a.api, { teamName: 'Ward 7', displayName: 'Asha' }, now());
  if (created.kind !== 'ok') throw new Error(created.message);
  teamId = created.session.team.id;
  const code = created.session.team.inviteCode ?? '';
  const joined = await joinTeam(b.db, b.api, { inviteCode: code, displayName: 'Ben' }, now());
  if (joined.kind !== 'ok') throw new Error(joined.message);
}

beforeEach(async () => {
  server = await startServer();
  a = device(server, 'a');
  b = device(server, 'b');
  await setUpTeam();
});
afterEach(async () => {
  a.close();
  b.close();
  await server.close();
});

const titles = [
  'Move the drugs fridge key',
  'Discharge checklist at 10',
  'Label IV lines',
  'Spare obs machine',
  'Water jugs at 2pm',
];

/** A sent change's title (every change here is a new idea). */
const title = (m: unknown) => String((m as { fields: { title?: unknown } }).fields.title);

async function captureFive(d: Device) {
  for (const t of titles) await d.capture(t);
}

/**
 * The push route answers 413 with `message` to more than `most` changes, as a
 * server that takes at most that many does; smaller pushes go on to the
 * server. Returns the size of each push, in order.
 */
function takesAtMost(d: Device, most: number, message: string): number[] {
  const sizes: number[] = [];
  network.use(
    http.post(`${d.origin}/api/v1/sync/push*`, async ({ request }) => {
      const n = (await readPush(request)).mutations.length;
      sizes.push(n);
      if (n <= most) return undefined;
      return HttpResponse.json({ error: { code: 'too_large', message } }, { status: 413 });
    }),
  );
  return sizes;
}

describe('offline capture reaches the team exactly once', () => {
  it('keeps ideas captured offline and delivers them when the network returns', async () => {
    a.fault = 'offline';
    await captureFive(a);
    expect(await outboxCount(a.db)).toBe(5);
    expect((await a.sync()).kind).toBe('offline');
    expect(await outboxCount(a.db)).toBe(5);

    a.fault = 'none';
    const outcome = await a.sync();
    expect(outcome).toMatchObject({ kind: 'synced', pushed: 5 });
    expect(await outboxCount(a.db)).toBe(0);
    expect((await serverIdeaTitles(server, teamId)).sort()).toEqual([...titles].sort());

    expect((await b.sync()).kind).toBe('synced');
    const onB = await listIdeas(b.db);
    expect(onB.map((i) => i.title)).toEqual([...titles].reverse());
  });

  it('survives a 500: nothing is dropped, nothing is sent twice', async () => {
    await captureFive(a);
    a.fault = 'server-500';
    expect((await a.sync()).kind).toBe('error');
    expect(await outboxCount(a.db)).toBe(5);
    a.fault = 'none';
    expect((await a.sync()).kind).toBe('synced');
    expect(await serverIdeaTitles(server, teamId)).toHaveLength(5);
  });

  it('survives a response lost after the server committed: the resend is a duplicate', async () => {
    await captureFive(a);
    // The push's answer is lost after the server committed (the pass's other
    // requests, such as its check for a restored server, get through).
    network.use(
      http.post(`${a.origin}/api/v1/sync/push*`, async ({ request }) => {
        await server.handle(request);
        return HttpResponse.error();
      }),
    );
    expect((await a.sync()).kind).toBe('offline');
    expect(await outboxCount(a.db)).toBe(5); // the client cannot know the server has them
    expect(await serverIdeaTitles(server, teamId)).toHaveLength(5);

    network.resetHandlers();
    expect(await a.sync()).toMatchObject({ kind: 'synced', pushed: 5 });
    expect(await outboxCount(a.db)).toBe(0);
    expect(await serverIdeaTitles(server, teamId)).toHaveLength(5); // not 10
    await b.sync();
    expect(await listIdeas(b.db)).toHaveLength(5);
  });

  it('halves its batch on 413 until the server accepts it', async () => {
    await captureFive(a);
    const sizes = takesAtMost(a, 2, 'Send fewer');
    expect(await a.sync()).toMatchObject({ kind: 'synced', pushed: 5 });
    expect(sizes.slice(0, 3)).toEqual([5, 3, 2]);
    expect(await serverIdeaTitles(server, teamId)).toHaveLength(5);
    expect(await rejectedList(a.db)).toEqual([]);
  });

  it('sends everything once to a server that still takes 200 at a time, keeping the size it took for the rest of the pass', async () => {
    // A server from before 3 December 2026 (one of several, not yet upgraded) took 200
    // changes a push and answered 413 to more; this version sends 500.
    expect(LIMITS.pushBatch).toBe(500);
    for (let i = 0; i < 501; i++) await a.capture(`Idea ${i}`);
    const sizes = takesAtMost(
      a,
      200,
      'Too many changes in one request; send at most 200 at a time.',
    );
    expect(await a.sync()).toMatchObject({ kind: 'synced', pushed: 501 });
    expect(sizes).toEqual([500, 250, 125, 125, 125, 125, 1]);
    const onServer = await serverIdeaTitles(server, teamId);
    expect(onServer).toHaveLength(501);
    expect(new Set(onServer).size).toBe(501);
    expect(await outboxCount(a.db)).toBe(0);
  });

  it('sends full batches again after a change too large on its own is set aside', async () => {
    const nine = ['One', 'Two', 'Huge', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'];
    for (const t of nine) await a.capture(t);
    const sent: string[][] = [];
    // Any push holding "Huge" is too large.
    network.use(
      http.post(`${a.origin}/api/v1/sync/push*`, async ({ request }) => {
        const body = await readPush(request);
        const these = body.mutations.map((m) => title(m));
        sent.push(these);
        if (!these.includes('Huge')) return undefined;
        return HttpResponse.json(
          { error: { code: 'too_large', message: 'Send fewer' } },
          { status: 413 },
        );
      }),
    );
    const outcome = await syncOnce({ db: a.db, api: a.api, now, batchSize: 4 });
    expect(outcome).toMatchObject({ kind: 'synced', pushed: 8, rejected: 1 });
    expect(sent.map((s) => s.length)).toEqual([4, 2, 2, 1, 4, 2]);
    expect(sent.at(-2)).toEqual(['Four', 'Five', 'Six', 'Seven']);
    expect((await rejectedList(a.db)).map((r) => title(r.mutation))).toEqual(['Huge']);
  });

  it('narrows a 400 down to the bad change without forgetting the size a 413 taught it', async () => {
    for (const t of ['One', 'Two', 'Bad', 'Four', 'Five', 'Six']) await a.capture(t);
    const sent: string[][] = [];
    // This server takes two at a time, and refuses the whole of any push holding "Bad".
    network.use(
      http.post(`${a.origin}/api/v1/sync/push*`, async ({ request }) => {
        const these = (await readPush(request)).mutations.map((m) => title(m));
        sent.push(these);
        if (these.length > 2)
          return HttpResponse.json(
            { error: { code: 'too_large', message: 'Send fewer' } },
            { status: 413 },
          );
        if (!these.includes('Bad')) return undefined;
        return HttpResponse.json(
          { error: { code: 'invalid', message: 'That change cannot be read' } },
          { status: 400 },
        );
      }),
    );
    const outcome = await syncOnce({ db: a.db, api: a.api, now, batchSize: 4 });
    expect(outcome).toMatchObject({ kind: 'synced', pushed: 5, rejected: 1 });
    expect(sent).toEqual([
      ['One', 'Two', 'Bad', 'Four'],
      ['One', 'Two'],
      ['Bad', 'Four'],
      ['Bad'],
      ['Four', 'Five'],
      ['Six'],
    ]);
    expect((await rejectedList(a.db)).map((r) => title(r.mutation))).toEqual(['Bad']);
  });

  it('sends the next batch as the one before is settled, and a connection lost midway keeps exactly what was not answered', async () => {
    await captureFive(a);
    const sent: string[][] = [];
    // Batches of two: the first is answered, the second is lost on the way.
    network.use(
      http.post(`${a.origin}/api/v1/sync/push*`, async ({ request }) => {
        const body = await readPush(request);
        sent.push(body.mutations.map((m) => title(m)));
        if (sent.length === 2) return HttpResponse.error();
        return undefined;
      }),
    );
    const pass = () => syncOnce({ db: a.db, api: a.api, now, batchSize: 2 });
    expect((await pass()).kind).toBe('offline');
    expect(sent).toEqual([titles.slice(0, 2), titles.slice(2, 4)]);
    const waiting = await a.db.outbox.orderBy('seq').toArray();
    expect(waiting.map((r) => title(r.mutation))).toEqual(titles.slice(2));
    expect((await serverIdeaTitles(server, teamId)).sort()).toEqual(titles.slice(0, 2).sort());

    network.resetHandlers();
    expect(await pass()).toMatchObject({ kind: 'synced', pushed: 3 });
    expect((await serverIdeaTitles(server, teamId)).sort()).toEqual([...titles].sort());
    expect(await outboxCount(a.db)).toBe(0);
  });

  it('finishes settling what the server took before a pass that fails lets go', async () => {
    await captureFive(a);
    // Making the second batch ready fails (as when the database closes under the pass);
    // the first is made ready before it is sent (its JSON is journalled as sent).
    let readied = 0;
    const api = {
      ...a.api,
      ready: async (body: Parameters<typeof a.api.ready>[0]) => {
        if (++readied === 2) throw new Error('the database closed');
        return a.api.ready(body);
      },
    };
    await expect(syncOnce({ db: a.db, api, now, batchSize: 2 })).rejects.toThrow('closed');
    // The first batch, which the server took, has left the outbox: its settling began
    // before the failure, and IndexedDB runs any later read of the outbox after it.
    const waiting = await a.db.outbox.orderBy('seq').toArray();
    expect(waiting.map((r) => title(r.mutation))).toEqual(titles.slice(2));
    expect(await a.sync()).toMatchObject({ kind: 'synced', pushed: 3 });
    expect((await serverIdeaTitles(server, teamId)).sort()).toEqual([...titles].sort());
  });

  it('keeps an idea saved while a push is on its way, though the push deletes its whole batch at once', async () => {
    await captureFive(a);
    const sent: number[] = [];
    // While the first push is on the wire, the nurse saves another idea (then the push goes on).
    network.use(
      http.post(`${a.origin}/api/v1/sync/push*`, async ({ request }) => {
        sent.push((await readPush(request)).mutations.length);
        if (sent.length === 1) await a.capture('Saved during the push');
        return undefined;
      }),
    );
    expect(await a.sync()).toMatchObject({ kind: 'synced', pushed: 6 });
    expect(sent).toEqual([5, 1]);
    expect((await serverIdeaTitles(server, teamId)).sort()).toEqual(
      [...titles, 'Saved during the push'].sort(),
    );
    expect(await outboxCount(a.db)).toBe(0);
  });

  it('sends ideas captured before joining once the device joins', async () => {
    const c = device(server, 'c');
    try {
      await c.capture('Idea before joining');
      expect((await c.sync()).kind).toBe('not-joined');
      expect(await outboxCount(c.db)).toBe(1);
      const code = (await getSession(a.db))?.team.inviteCode ?? '';
      const joined = await joinTeam(c.db, c.api, { inviteCode: code, displayName: 'Cara' }, now());
      expect(joined.kind).toBe('ok');
      expect(await c.sync()).toMatchObject({ kind: 'synced', pushed: 1 });
      expect(await serverIdeaTitles(server, teamId)).toEqual(['Idea before joining']);
    } finally {
      c.close();
    }
  });

  it('moves a rejected change to "needs attention" without blocking the rest', async () => {
    await a.capture('Good idea one');
    // A comment on an idea that does not exist anywhere: the server must reject it.
    const { addComment } = await import('../../../src/db/writes.ts');
    const { newId } = await import('../../../src/lib/id.ts');
    await addComment(a.db, newId(), 'Orphan comment', now());
    await a.capture('Good idea two');

    expect(await a.sync()).toMatchObject({ kind: 'synced', pushed: 2, rejected: 1 });
    expect(await outboxCount(a.db)).toBe(0);
    const rejected = await rejectedList(a.db);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.entity).toBe('comment');
    expect(rejected[0]?.reason.length).toBeGreaterThan(5);
    expect((await serverIdeaTitles(server, teamId)).sort()).toEqual([
      'Good idea one',
      'Good idea two',
    ]);
  });
});
