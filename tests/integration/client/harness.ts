/**
 * Simulated devices for integration tests: the real src/db and src/sync code
 * over fake-indexeddb (one IDBFactory per device, so devices share nothing but
 * the server) talking to the real Hono app in-process. The network between
 * them is msw (`setupServer` from 'msw/node', docs/decisions/0008-msw.md): the
 * devices call the real global `fetch`, each from its own origin, and one
 * handler hands each request to the app, unless the test has broken that
 * device's network on purpose (`fault`: offline, a 500, the answer lost after
 * the server committed). A test adds one-off answers (a 413) with
 * `network.use(...)`; they are reset after each test.
 */
import { gunzipSync } from 'node:zlib';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createApp } from '../../../server/app.ts';
import type { Limits } from '../../../server/http/limits.ts';
import { openStore, type Store } from '../../../server/store/index.ts';
import { GroundUpDb } from '../../../src/db/schema.ts';
import { createApi, type Api } from '../../../src/sync/api.ts';
import { syncOnce, type SyncOutcome } from '../../../src/sync/engine.ts';
import { captureIdea } from '../../../src/db/writes.ts';
import { createTeam, joinTeam } from '../../../src/sync/team.ts';

export type Fault = 'offline' | 'server-500' | 'lose-response' | 'none';

export type Server = {
  readonly store: Store;
  /** The app's answer to a request that crossed the network. */
  handle(request: Request): Promise<Response>;
  /** Push requests that reached the app, whatever happened to their answer. */
  pushes: number;
  close(): Promise<void>;
};

type ServerOptions = { limits?: Limits; now?: () => number };

/** The real app in-process over a fresh SQLite database in memory; `close()` closes it. */
export async function startServer(opts: ServerOptions = {}): Promise<Server> {
  const store = await openStore({ sqlitePath: ':memory:' });
  return serverOver(store, opts, () => store.close());
}

/**
 * The real app in-process over a store the test opened itself (a SQLite file
 * on a full disk, PostgreSQL behind a proxy it cuts); `close()` leaves the
 * store to the test unless `close` says otherwise.
 */
export function serverOver(
  store: Store,
  opts: ServerOptions = {},
  close: () => Promise<void> = () => Promise.resolve(),
): Server {
  const app = createApp({ store, log: () => undefined, clientKey: () => 'test', ...opts });
  const server: Server = {
    store,
    pushes: 0,
    handle: async (request) => {
      if (/\/sync\/push(\/checked)?$/.test(new URL(request.url).pathname)) server.pushes++;
      return app.request(request);
    },
    close,
  };
  return server;
}

export type Device = {
  readonly name: string;
  /** Where this device's requests come from on the simulated network, e.g. http://a-1.ward.test. */
  readonly origin: string;
  readonly db: GroundUpDb;
  readonly api: Api;
  /** What the network does to this device's next requests. */
  fault: Fault;
  sync(): Promise<SyncOutcome>;
  capture(title: string): Promise<string>;
  close(): void;
};

/** Every device's server, by the host its requests come from. */
const onNetwork = new Map<string, { server: Server; device: Device }>();

/** What the network does with a request from `device`, per its `fault`. */
async function carry(server: Server, device: Device, request: Request): Promise<Response> {
  switch (device.fault) {
    case 'offline':
      return HttpResponse.error();
    case 'server-500':
      return HttpResponse.json(
        { error: { code: 'server_error', message: 'boom' } },
        { status: 500 },
      );
    case 'lose-response':
      await server.handle(request); // the server commits...
      return HttpResponse.error(); // ...the answer never arrives
    case 'none':
      return server.handle(request);
  }
}

/** The simulated network; a request from an origin no device owns is an error. */
export const network = setupServer(
  http.all('*', async ({ request }) => {
    const at = onNetwork.get(new URL(request.url).host);
    return at ? carry(at.server, at.device, request) : undefined;
  }),
);
beforeAll(() => network.listen({ onUnhandledRequest: 'error' }));
afterEach(() => network.resetHandlers());
afterAll(() => network.close());

let clock = Date.UTC(2026, 10, 26, 9, 0, 0);
/** A test clock that moves forward 1 ms per read. */
export const now = () => ++clock;

let hosts = 0;

export function device(server: Server, name: string): Device {
  const db = new GroundUpDb(`ground-up-${name}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const host = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${++hosts}.ward.test`;
  const origin = `http://${host}`;
  const d: Device = {
    name,
    origin,
    db,
    fault: 'none',
    api: createApi(origin),
    sync: () => syncOnce({ db, api: d.api, now }),
    capture: async (title) => {
      const r = await captureIdea(
        db,
        { title, detail: '', category: 'other', anonymous: false },
        now(),
      );
      if (r.kind !== 'saved') throw new Error(`capture failed: ${r.message}`);
      return r.id;
    },
    close: () => {
      onNetwork.delete(host);
      db.close();
    },
  };
  onNetwork.set(host, { server, device: d });
  return d;
}

/**
 * Titles of every idea-creating mutation in the team's change log. An idea
 * applied twice would appear twice here: this is how tests see "exactly once".
 */
export async function serverIdeaTitles(server: Server, teamId: string): Promise<string[]> {
  const titles: string[] = [];
  let cursor = 0;
  for (;;) {
    const page = await server.store.pull(teamId, cursor, 1000);
    for (const c of page.changes) {
      if (c.entity === 'idea' && typeof c.fields['title'] === 'string' && 'createdAt' in c.fields) {
        titles.push(c.fields['title']);
      }
    }
    if (!page.more) break;
    cursor = page.cursor;
  }
  return titles;
}

export type TwoPhones = { a: Device; b: Device; teamId: string; benId: string };

/** Asha's phone starts "Ward 9" (she is its facilitator); Ben's phone joins it as a member. */
export async function twoPhoneTeam(server: Server): Promise<TwoPhones> {
  const a = device(server, 'a');
  const b = device(server, 'b');
  const created = await createTeam(a.db, a.api, { teamName: 'Ward 9', displayName: 'Asha' }, now());
  if (created.kind !== 'ok') throw new Error(created.message);
  const joined = await joinTeam(
    b.db,
    b.api,
    { inviteCode: created.session.team.inviteCode ?? '', displayName: 'Ben' },
    now(),
  );
  if (joined.kind !== 'ok') throw new Error(joined.message);
  return { a, b, teamId: created.session.team.id, benId: joined.session.member.id };
}

/**
 * A server and a `twoPhoneTeam` made afresh before each test of the file that
 * calls this, and closed after it. Read `server` and `team` inside the tests.
 */
export function twoPhoneTeamEachTest(): { readonly server: Server; readonly team: TwoPhones } {
  const made = {} as { server: Server; team: TwoPhones };
  beforeEach(async () => {
    made.server = await startServer();
    made.team = await twoPhoneTeam(made.server);
  });
  afterEach(async () => {
    made.team.a.close();
    made.team.b.close();
    await made.server.close();
  });
  return made;
}

/** A push request's body as the server reads it: unpacked if the phone sent it gzip-compressed. */
export async function readPush(request: Request): Promise<{ mutations: unknown[] }> {
  const bytes = Buffer.from(await request.clone().arrayBuffer());
  const packed = request.headers.get('content-encoding') === 'gzip';
  return JSON.parse((packed ? gunzipSync(bytes) : bytes).toString('utf8')) as {
    mutations: unknown[];
  };
}
