/**
 * Simulated devices for integration tests: the real src/db and src/sync code
 * over fake-indexeddb (one IDBFactory per device, so devices share nothing but
 * the server) talking to the real Hono app in-process through a fetch that a
 * test can break on purpose (offline, 500, response lost after commit, 413).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createApp } from '../../../server/app.ts';
import type { Limits } from '../../../server/http/limits.ts';
import { openStore, type Store } from '../../../server/store/index.ts';
import { GroundUpDb } from '../../../src/db/schema.ts';
import { createApi, type Api } from '../../../src/sync/api.ts';
import { syncOnce, type SyncOutcome } from '../../../src/sync/engine.ts';
import { captureIdea } from '../../../src/db/writes.ts';
import { createTeam, joinTeam } from '../../../src/sync/team.ts';

export type Fault = 'offline' | 'server-500' | 'lose-response' | 'none';
type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export type Server = {
  readonly store: Store;
  readonly fetch: Fetch;
  /** Push requests that reached the app, whatever happened to their answer. */
  pushes: number;
  close(): Promise<void>;
};

export async function startServer(opts: { limits?: Limits } = {}): Promise<Server> {
  const store = await openStore({ sqlitePath: ':memory:' });
  const app = createApp({ store, log: () => undefined, clientKey: () => 'test', ...opts });
  const server: Server = {
    store,
    pushes: 0,
    fetch: async (input, init) => {
      if (input.includes('/sync/push')) server.pushes++;
      return app.request(input, init);
    },
    close: () => store.close(),
  };
  return server;
}

export type Device = {
  readonly name: string;
  readonly db: GroundUpDb;
  readonly api: Api;
  /** What the network does to this device's next requests. */
  fault: Fault;
  /** Optional rewrite of a request before the server sees it (e.g. answer 413). */
  intercept: ((input: string, init?: RequestInit) => Response | null) | null;
  sync(): Promise<SyncOutcome>;
  capture(title: string): Promise<string>;
  close(): void;
};

let clock = Date.UTC(2026, 10, 26, 9, 0, 0);
/** A test clock that moves forward 1 ms per read. */
export const now = () => ++clock;

export function device(server: Server, name: string): Device {
  const db = new GroundUpDb(`ground-up-${name}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const d: Device = {
    name,
    db,
    fault: 'none',
    intercept: null,
    api: createApi('http://server.test', async (input, init) => {
      const hit = d.intercept?.(input, init);
      if (hit) return hit;
      switch (d.fault) {
        case 'offline':
          throw new TypeError('Failed to fetch');
        case 'server-500':
          return new Response(
            JSON.stringify({ error: { code: 'server_error', message: 'boom' } }),
            {
              status: 500,
              headers: { 'content-type': 'application/json' },
            },
          );
        case 'lose-response': {
          await server.fetch(input, init); // the server commits...
          throw new TypeError('network connection was lost'); // ...the answer never arrives
        }
        case 'none':
          return server.fetch(input, init);
      }
    }),
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
    close: () => db.close(),
  };
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
