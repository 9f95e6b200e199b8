/**
 * Live everywhere, wired for real: Ben's page keeps the team's event stream
 * open (`startLiveSync` over `openLive`, the real scheduler and sync pass, the
 * real server in-process). Asha's push makes Ben's device pull on its own, with
 * nobody calling sync on it; signing out closes the stream. (The page learns of
 * session changes through Dexie's liveQuery, which does not fire over
 * fake-indexeddb here; the test tells it instead. The e2e test covers the page.)
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { clearSession, getSession } from '../../../src/db/session.ts';
import { openLive } from '../../../src/sync/live.ts';
import { startLiveSync, type LiveSync } from '../../../src/sync/liveSync.ts';
import { createScheduler, type Scheduler } from '../../../src/sync/scheduler.ts';
import { startServer, twoPhoneTeam, type Device, type Server } from './harness.ts';

let server: Server;
let live: LiveSync | null = null;
let scheduler: Scheduler | null = null;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  live?.stop();
  scheduler?.stop();
  await scheduler?.idle();
  await server.close();
});

/** Ben's page: its scheduler, and the live stream that kicks it. */
function openPage(d: Device) {
  const state = {
    passes: 0,
    connected: false,
    streams: 0,
    sessionChanged: async (): Promise<void> => undefined,
  };
  scheduler = createScheduler({
    run: () => {
      state.passes++;
      return d.sync();
    },
  });
  const s = scheduler;
  live = startLiveSync({
    // The page watches the session row with Dexie's liveQuery; here the test says when it changed.
    watchSession: (on) => {
      state.sessionChanged = async () => {
        const session = await getSession(d.db);
        on(session ? { token: session.token, teamId: session.team.id } : null);
      };
      void state.sessionChanged();
      return () => undefined;
    },
    open: (opts) => {
      state.streams++;
      return openLive({ ...opts, baseUrl: d.origin });
    },
    kick: () => s.kick(),
    setPollMs: (ms) => s.setPollMs(ms),
    onConnected: (up) => (state.connected = up),
    isVisible: () => true,
  });
  return state;
}

it("pulls a colleague's new idea as soon as the server has it, with nobody asking", async () => {
  const { a, b } = await twoPhoneTeam(server);
  const page = openPage(b);
  await vi.waitFor(() => expect(page.connected).toBe(true));
  await scheduler?.idle();
  const passes = page.passes;

  await a.capture('Spare chargers at the nurses’ station');
  expect(await a.sync()).toMatchObject({ kind: 'synced', pushed: 1 });
  await vi.waitFor(
    async () =>
      expect((await b.db.ideas.toArray()).map((i) => i.title)).toContain(
        'Spare chargers at the nurses’ station',
      ),
    { timeout: 5_000 },
  );
  expect(page.passes).toBeGreaterThan(passes); // the event, not a test, ran Ben's pass

  await clearSession(b.db); // Ben signs out: the stream closes
  await page.sessionChanged();
  await vi.waitFor(() => expect(page.connected).toBe(false));
  expect(page.streams).toBe(1);
});
