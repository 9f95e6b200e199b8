/**
 * A server restored from last night's backup while three phones hold newer
 * records, one of them offline through the restore (cht-core #8093): after
 * they sync, the server holds every record exactly once and every phone holds
 * every record. Decision 0008. On SQLite (a file) and PostgreSQL (a schema).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { backup } from '../../../server/ops/backup.ts';
import { restore } from '../../../server/ops/restore.ts';
import type { OpsTarget } from '../../../server/ops/target.ts';
import { openStore, type Store } from '../../../server/store/index.ts';
import { restoreTables } from '../../../src/db/restoreTables.ts';
import { editIdea } from '../../../src/db/writes.ts';
import type { IdeaId } from '../../../src/domain/ids.ts';
import { syncOnce } from '../../../src/sync/engine.ts';
import { createTeam, joinTeam } from '../../../src/sync/team.ts';
import { dropSchema, PG_AVAILABLE, PG_URL, uniqueSchema } from '../server/backends.ts';
import {
  device,
  now,
  readPush,
  serverIdeaTitles,
  startServer,
  type Device,
  type Server,
} from './harness.ts';

type Live = { target: OpsTarget; open(): Promise<Store>; cleanUp(): Promise<void> };

const kinds = PG_AVAILABLE ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

/** A server whose database can be closed, restored and opened again under the phones. */
async function restorableServer(
  live: Live,
): Promise<Server & { reopen(): Promise<void>; readonly calls: string[] }> {
  let store = await live.open();
  let app = createApp({ store, log: () => undefined, clientKey: () => 'test' });
  const server = {
    get store() {
      return store;
    },
    pushes: 0,
    /** Every sync request, as "push 200" or "pull 200", in order. */
    calls: [] as string[],
    handle: async (request: Request) => {
      if (request.url.includes('/sync/push')) server.pushes++;
      const res = await app.request(request);
      const route = /\/sync\/(push|pull)/.exec(request.url)?.[1];
      if (route !== undefined) server.calls.push(`${route} ${res.status}`);
      return res;
    },
    close: () => store.close(),
    async reopen() {
      store = await live.open();
      app = createApp({ store, log: () => undefined, clientKey: () => 'test' });
    },
  };
  return server;
}

function phone(server: Server, name: string): Device {
  return device(server, name);
}

async function titlesOn(d: Device): Promise<string[]> {
  return (await d.db.ideas.toArray()).map((r) => r.title ?? '').sort();
}

describe.each(kinds)('a restored server on %s', (kind) => {
  const cleanUps: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanUps.splice(0).reverse()) await c();
  });

  it('gets back, exactly once, everything three phones hold that the backup lacks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ground-up-restore-'));
    cleanUps.push(() => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
    const schema = uniqueSchema();
    const live: Live =
      kind === 'sqlite'
        ? {
            target: { kind: 'sqlite', path: join(dir, 'ground-up.sqlite') },
            open: () => openStore({ sqlitePath: join(dir, 'ground-up.sqlite') }),
            cleanUp: () => Promise.resolve(),
          }
        : {
            target: { kind: 'postgres', url: PG_URL, schema },
            open: () => openStore({ databaseUrl: PG_URL, pgSchema: schema }),
            cleanUp: () => dropSchema(schema),
          };
    cleanUps.push(() => live.cleanUp());
    const server = await restorableServer(live);
    cleanUps.push(() => server.close());

    const [a, b, c] = [phone(server, 'a'), phone(server, 'b'), phone(server, 'c')];
    cleanUps.push(() => Promise.resolve([a, b, c].forEach((d) => d.close())));
    const made = await createTeam(a.db, a.api, { teamName: 'Ward 9', displayName: 'Asha' }, now());
    if (made.kind !== 'ok') throw new Error(made.message);
    const code = made.session.team.inviteCode ?? '';
    for (const [d, name] of [
      [b, 'Ben'],
      [c, 'Cai'],
    ] as const) {
      const joined = await joinTeam(d.db, d.api, { inviteCode: code, displayName: name }, now());
      if (joined.kind !== 'ok') throw new Error(joined.message);
    }
    const teamId = made.session.team.id;

    // Last night: each phone's first idea is in the backup.
    const firstOfA = await a.capture('a: before the backup');
    await b.capture('b: before the backup');
    await c.capture('c: before the backup');
    for (const d of [a, b, c]) expect((await d.sync()).kind).toBe('synced');
    const written = await backup(live.target, join(dir, 'backups'));
    if (written.kind !== 'written') throw new Error(written.message);

    // This morning: more, acknowledged by the server, then lost by the restore.
    await a.capture('a: after the backup');
    await editIdea(a.db, firstOfA as IdeaId, { title: 'a: renamed after the backup' }, now());
    await b.capture('b: after the backup');
    await c.capture('c: after the backup');
    for (const d of [a, b, c]) expect((await d.sync()).kind).toBe('synced');
    c.fault = 'offline'; // Cai's phone is offline through the restore...
    await c.capture('c: offline through the restore'); // ...and keeps working.
    expect((await c.sync()).kind).toBe('offline');

    await server.close();
    const restored = await restore(live.target, written.file, { keepDir: join(dir, 'kept') });
    expect(restored.kind).toBe('restored');
    await server.reopen();
    expect(await serverIdeaTitles(server, teamId)).not.toContain('a: after the backup');

    for (const d of [a, b]) expect((await d.sync()).kind).toBe('synced');
    c.fault = 'none';
    // Cai's phone has a change waiting: its push names where it last saw the server,
    // which was restored since, so that push is refused with nothing applied. Then the
    // phone asks (a pull), sends its journal again, and only then the waiting change.
    const before = server.calls.length;
    expect((await c.sync()).kind).toBe('synced');
    const calls = server.calls.slice(before);
    expect(calls.slice(0, 2)).toEqual(['push 409', 'pull 200']);
    expect(calls.filter((x) => x === 'push 409')).toHaveLength(1);
    for (const d of [a, b, c]) expect((await d.sync()).kind).toBe('synced');

    const everything = [
      'a: after the backup',
      'a: renamed after the backup',
      'b: after the backup',
      'b: before the backup',
      'c: after the backup',
      'c: before the backup',
      'c: offline through the restore',
    ];
    // Cai's journal went in before his waiting change: in the log, what the backup lost
    // comes first.
    const logged = await serverIdeaTitles(server, teamId);
    expect(logged.indexOf('c: after the backup')).toBeGreaterThanOrEqual(0);
    expect(logged.indexOf('c: after the backup')).toBeLessThan(
      logged.indexOf('c: offline through the restore'),
    );
    // Every idea created exactly once in the server's log, whatever was resent.
    const created = [...logged].sort();
    expect(created).toEqual(
      [
        ...everything.filter((t) => t !== 'a: renamed after the backup'),
        'a: before the backup',
      ].sort(),
    );
    const state = await server.store.readEntity(teamId, 'idea', firstOfA);
    expect(state?.state.fields['title']).toBe('a: renamed after the backup');
    for (const d of [a, b, c]) {
      expect(await titlesOn(d)).toEqual(everything);
      expect(await d.db.outbox.count()).toBe(0);
      expect(await d.db.rejected.count()).toBe(0);
      expect((await restoreTables(d.db).epochs.get(teamId))?.resend).toBe(0);
    }
  });
});

/**
 * A phone in a new team on a fresh server, with the path and query of each of its
 * sync requests noted; `answer` may answer a request in the server's stead.
 */
async function watchedPhone(
  name: string,
  answer?: (url: URL, request: Request) => Response | undefined | Promise<Response | undefined>,
) {
  const base = await startServer();
  const urls: string[] = [];
  const server: Server = {
    ...base,
    handle: async (request) => {
      const url = new URL(request.url);
      if (/\/sync\/(push|pull)/.test(url.pathname)) urls.push(url.pathname + url.search);
      return (await answer?.(url, request)) ?? base.handle(request);
    },
  };
  const phone = device(server, name);
  const made = await createTeam(
    phone.db,
    phone.api,
    { teamName: 'Ward 9', displayName: 'Asha' },
    now(),
  );
  if (made.kind !== 'ok') throw new Error(made.message);
  const close = async () => {
    phone.close();
    await base.close();
  };
  return { server, urls, phone, teamId: made.session.team.id, close };
}

describe('a phone that has seen the server', () => {
  it('sends its waiting change without a pull to ask first; the push names where it saw the server', async () => {
    const { server, urls, phone: a, teamId, close } = await watchedPhone('seen');
    try {
      await a.capture('Before the epoch is known');
      // The first pass has not seen the server's epoch yet: it asks with a pull first.
      expect((await a.sync()).kind).toBe('synced');
      expect(urls[0]).toMatch(/^\/api\/v1\/sync\/pull\?team=.*&limit=1$/);
      const epoch = (await restoreTables(a.db).epochs.get(teamId))?.epoch;
      expect(epoch).toMatch(/^[0-9a-f-]{36}$/);

      await a.capture('Spare obs machine in bay 3');
      const seenAt = await a.db.meta.get('cursor');
      const cursor = seenAt?.key === 'cursor' ? seenAt.cursor : -1;
      expect(cursor).toBeGreaterThan(0);
      const before = urls.length;
      expect((await a.sync()).kind).toBe('synced');
      const pass = urls.slice(before);
      expect(pass[0]).toBe(
        `/api/v1/sync/push/checked?refusals=final&epoch=${epoch}&cursor=${cursor}`,
      );
      expect(pass.filter((q) => q.endsWith('&limit=1'))).toEqual([]);
      expect(await serverIdeaTitles(server, teamId)).toEqual([
        'Before the epoch is known',
        'Spare obs machine in bay 3',
      ]);
      expect(await a.db.outbox.count()).toBe(0);
    } finally {
      await close();
    }
  });
});

describe('a phone whose server is from before the checked push', () => {
  it('asks with a pull first when the checked push is not there (404), and sends its change once', async () => {
    // As a server from before it answers a path it does not have.
    const {
      server,
      urls,
      phone: a,
      teamId,
      close,
    } = await watchedPhone('older-server', (url) =>
      url.pathname === '/api/v1/sync/push/checked'
        ? Response.json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 })
        : undefined,
    );
    try {
      expect((await a.sync()).kind).toBe('synced'); // has seen the server's epoch
      await a.capture('Spare obs machine in bay 3');
      const before = urls.length;
      expect((await a.sync()).kind).toBe('synced');
      expect(urls.slice(before, before + 3).map((u) => u.split('?')[0])).toEqual([
        '/api/v1/sync/push/checked',
        '/api/v1/sync/pull',
        '/api/v1/sync/push',
      ]);
      expect(await serverIdeaTitles(server, teamId)).toEqual(['Spare obs machine in bay 3']);
      expect(await a.db.outbox.count()).toBe(0);
      expect(await a.db.rejected.count()).toBe(0);
      // Remembered: the next pass does not send its changes to a path that is not there.
      await a.capture('Commode in bay 2 needs a new wheel');
      const later = urls.length;
      expect((await a.sync()).kind).toBe('synced');
      expect(urls.slice(later).filter((u) => u.startsWith('/api/v1/sync/push/checked'))).toEqual(
        [],
      );
      expect(await serverIdeaTitles(server, teamId)).toHaveLength(2);
    } finally {
      await close();
    }
  });

  it('never sets its changes aside when the server cannot read the check (400 naming the epoch)', async () => {
    const {
      server,
      phone: a,
      teamId,
      close,
    } = await watchedPhone('unread-check', (url) =>
      url.pathname === '/api/v1/sync/push/checked'
        ? Response.json(
            { error: { code: 'bad_request', message: 'epoch is wrong', field: 'epoch' } },
            { status: 400 },
          )
        : undefined,
    );
    try {
      expect((await a.sync()).kind).toBe('synced');
      await a.capture('Spare obs machine in bay 3');
      expect((await a.sync()).kind).toBe('synced');
      expect(await serverIdeaTitles(server, teamId)).toEqual(['Spare obs machine in bay 3']);
      expect(await a.db.rejected.count()).toBe(0);
      expect(await a.db.outbox.count()).toBe(0);
    } finally {
      await close();
    }
  });
});

/** A server's answer to a push larger than it takes. */
const tooLargeAnswer = () =>
  Response.json(
    { error: { code: 'too_large', message: 'That is more than the server takes at once' } },
    { status: 413 },
  );

/** The answer of a server restored from a backup to a checked push. */
const restoredAnswer = () =>
  Response.json(
    { error: { code: 'server_restored', message: 'This server was restored from a backup' } },
    { status: 409 },
  );

/** The path of each request from `from` on, without its query. */
const pathsFrom = (urls: readonly string[], from: number) =>
  urls.slice(from).map((u) => u.split('?')[0]);

describe('a checked push of several batches', () => {
  it('keeps the batches the server took before a 409, and sends the rest after its journal, each change once', async () => {
    let checked = 0;
    /** The titles each plain push carried, in order. */
    const plain: string[][] = [];
    // The server is restored between this pass's first and second batches.
    const {
      server,
      urls,
      phone: a,
      teamId,
      close,
    } = await watchedPhone('restored-mid-pass', async (url, request) => {
      if (url.pathname === '/api/v1/sync/push')
        plain.push(
          (await readPush(request)).mutations.map(
            (m) => (m as { fields: { title: string } }).fields.title,
          ),
        );
      if (url.pathname !== '/api/v1/sync/push/checked' || ++checked !== 2) return undefined;
      return restoredAnswer();
    });
    try {
      expect((await a.sync()).kind).toBe('synced'); // has seen the server's epoch
      const titles = ['Bay 1 bins', 'Bay 2 bins', 'Bay 3 bins', 'Bay 4 bins', 'Bay 5 bins'];
      for (const title of titles) await a.capture(title);
      const before = urls.length;
      expect((await syncOnce({ db: a.db, api: a.api, now, batchSize: 2 })).kind).toBe('synced');
      const pass = pathsFrom(urls, before);
      // Batch one taken, batch two refused with nothing applied, then the ask and the journal
      // (batch one again), then batches two and three, plain.
      expect(pass.slice(0, 4)).toEqual([
        '/api/v1/sync/push/checked',
        '/api/v1/sync/push/checked',
        '/api/v1/sync/pull',
        '/api/v1/sync/push',
      ]);
      expect(pass.slice(4)).not.toContain('/api/v1/sync/push/checked');
      expect(checked).toBe(2);
      // What the server took before the 409 was journalled, and sent again first (a real
      // restore may have lost it); then the batch refused, and the rest.
      expect(plain).toEqual([
        ['Bay 1 bins', 'Bay 2 bins'],
        ['Bay 3 bins', 'Bay 4 bins'],
        ['Bay 5 bins'],
      ]);
      expect(await serverIdeaTitles(server, teamId)).toEqual(titles);
      expect(await a.db.outbox.count()).toBe(0);
      expect(await a.db.rejected.count()).toBe(0);
    } finally {
      await close();
    }
  });

  it('sends its journal again in halves when the server finds it too large (413), each change once', async () => {
    let checked = 0;
    /** The size of each plain push (the journal, then the rest) and its answer. */
    const plain: string[] = [];
    const {
      server,
      phone: a,
      teamId,
      close,
    } = await watchedPhone('journal-too-large', async (url, request) => {
      if (url.pathname === '/api/v1/sync/push') {
        const n = (await readPush(request)).mutations.length;
        plain.push(`${n} ${n > 2 ? 413 : 200}`);
        if (n <= 2) return undefined;
        return tooLargeAnswer();
      }
      // The server is restored after the batch of five was taken.
      if (url.pathname !== '/api/v1/sync/push/checked' || ++checked !== 2) return undefined;
      return restoredAnswer();
    });
    try {
      expect((await a.sync()).kind).toBe('synced'); // has seen the server's epoch
      const titles = ['Bay 1 bins', 'Bay 2 bins', 'Bay 3 bins', 'Bay 4 bins', 'Bay 5 bins'];
      for (const title of titles) await a.capture(title);
      expect((await a.sync()).kind).toBe('synced'); // one checked push of five, journalled
      await a.capture('Bay 6 bins');
      expect((await a.sync()).kind).toBe('synced'); // 409, then the journal, then the sixth
      // The journal of five: too large, then in twos; then the sixth, plain.
      expect(plain).toEqual(['5 413', '3 413', '2 200', '2 200', '1 200', '1 200']);
      expect(await serverIdeaTitles(server, teamId)).toEqual([...titles, 'Bay 6 bins']);
      expect(await a.db.outbox.count()).toBe(0);
      expect(await a.db.rejected.count()).toBe(0);
    } finally {
      await close();
    }
  });

  it('goes on past a journalled change the restored server will not take even alone (413), in full batches again', async () => {
    let checked = 0;
    /** The titles of each plain push, and its answer. */
    const plain: string[] = [];
    const {
      server,
      phone: a,
      teamId,
      close,
    } = await watchedPhone('journal-one-too-large', async (url, request) => {
      if (url.pathname === '/api/v1/sync/push') {
        const sent = (await readPush(request)).mutations.map(
          (m) => (m as { fields: { title: string } }).fields.title,
        );
        const tooLarge = sent.includes('Bay 2 bins');
        plain.push(`${sent.join(', ')}: ${tooLarge ? 413 : 200}`);
        if (!tooLarge) return undefined;
        return tooLargeAnswer();
      }
      if (url.pathname !== '/api/v1/sync/push/checked' || ++checked !== 2) return undefined;
      return restoredAnswer();
    });
    try {
      expect((await a.sync()).kind).toBe('synced');
      const journalled = ['Bay 1 bins', 'Bay 2 bins', 'Bay 3 bins', 'Bay 4 bins', 'Bay 5 bins'];
      for (const title of journalled) await a.capture(title);
      expect((await a.sync()).kind).toBe('synced');
      await a.capture('Bay 6 bins');
      // The restore does not stop at the one change, and the batch after it is full-sized.
      expect((await a.sync()).kind).toBe('synced');
      expect(plain).toEqual([
        'Bay 1 bins, Bay 2 bins, Bay 3 bins, Bay 4 bins, Bay 5 bins: 413',
        'Bay 1 bins, Bay 2 bins, Bay 3 bins: 413',
        'Bay 1 bins, Bay 2 bins: 413',
        'Bay 1 bins: 200',
        'Bay 2 bins: 413',
        'Bay 3 bins, Bay 4 bins, Bay 5 bins: 200',
        'Bay 6 bins: 200',
      ]);
      // (This server was not really restored: it kept the first five, each once.)
      expect(await serverIdeaTitles(server, teamId)).toEqual([...journalled, 'Bay 6 bins']);
      expect(await a.db.outbox.count()).toBe(0);
    } finally {
      await close();
    }
  });

  it('halves a batch the server finds too large (413) and still names where it saw the server', async () => {
    let refused = 0;
    const {
      server,
      urls,
      phone: a,
      teamId,
      close,
    } = await watchedPhone('too-large-checked', async (url, request) => {
      if (url.pathname !== '/api/v1/sync/push/checked') return undefined;
      // Too large while it holds more than two changes.
      if ((await readPush(request)).mutations.length <= 2) return undefined;
      refused++;
      return tooLargeAnswer();
    });
    try {
      await a.capture('Sharps bin 0');
      expect((await a.sync()).kind).toBe('synced');
      const epoch = (await restoreTables(a.db).epochs.get(teamId))?.epoch;
      expect(epoch).toMatch(/^[0-9a-f-]{36}$/);
      const titles = [
        'Sharps bin 1',
        'Sharps bin 2',
        'Sharps bin 3',
        'Sharps bin 4',
        'Sharps bin 5',
      ];
      const logged = ['Sharps bin 0', ...titles];
      for (const title of titles) await a.capture(title);
      const seenAt = await a.db.meta.get('cursor');
      const cursor = seenAt?.key === 'cursor' ? seenAt.cursor : -1;
      expect(cursor).toBeGreaterThan(0);
      const before = urls.length;
      expect((await a.sync()).kind).toBe('synced');
      expect(refused).toBeGreaterThan(0);
      const pushes = urls.slice(before).filter((u) => u.startsWith('/api/v1/sync/push'));
      // Every push of the pass, the halved ones too, was checked.
      expect(pushes.length).toBeGreaterThan(refused);
      for (const u of pushes)
        expect(u).toBe(`/api/v1/sync/push/checked?refusals=final&epoch=${epoch}&cursor=${cursor}`);
      expect(await serverIdeaTitles(server, teamId)).toEqual(logged);
      expect(await a.db.outbox.count()).toBe(0);
      expect(await a.db.rejected.count()).toBe(0);
    } finally {
      await close();
    }
  });
});
