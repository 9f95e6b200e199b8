/**
 * The foundation, end to end in real Chromium against the built app and the
 * real server: A starts a team, B joins; A loses its connection (the service
 * worker's own fetches too), captures 5 ideas, reloads, closes and reopens its
 * browser; when the network returns all 5 reach the server exactly once and
 * appear on B. Once through the Background Sync event (with no page open, so
 * nothing else could have sent them) and once through the page's own fallback
 * (Background Sync removed, as on Safari and Firefox). Either way the push
 * travels gzip-compressed (issue 15: CompressionStream in the worker and in
 * the page), and B's pull comes back gzip-compressed.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openPhone, serveBuiltApp, waitFor, type TestServer } from './support.ts';
import { capture, joinByLink, myIdeas, serverCounts, startTeam, waitForMyIdeas } from './app.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serveBuiltApp();
});
afterAll(async () => {
  await server.close();
});

const IDEAS = [
  'Move the CD key to the NIC lanyard',
  'Discharge checklist at the 10am huddle',
  'Label IV lines at the pump end',
  'Spare obs machine in bay 3',
  'Water jugs refilled at 2pm',
];

/** Removes Background Sync, as on Safari/iOS and Firefox, before any app code runs. */
const NO_BACKGROUND_SYNC = `
  delete ServiceWorkerRegistration.prototype.sync;
  delete globalThis.SyncManager;
`;

type Exchange = {
  readonly path: string;
  readonly query: string;
  readonly from: 'worker' | 'page';
  readonly sent: string | undefined;
  readonly status: number;
  readonly received: string | undefined;
};

/** The sync requests a phone makes (its page's and its service worker's), as they went. */
function watchSync(context: BrowserContext): Exchange[] {
  const seen: Exchange[] = [];
  context.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/v1/sync/')) return;
    void (async () => {
      const response = await request.response();
      seen.push({
        path: url.pathname,
        query: url.search,
        from: request.serviceWorker() ? 'worker' : 'page',
        sent: (await request.allHeaders())['content-encoding'],
        status: response?.status() ?? 0,
        received: response ? (await response.allHeaders())['content-encoding'] : undefined,
      });
    })();
  });
  return seen;
}

async function scenario(mode: 'background-sync' | 'page-fallback') {
  const a = await openPhone(
    server.url,
    mode === 'page-fallback' ? { initScript: NO_BACKGROUND_SYNC } : {},
  );
  const b = await openPhone(server.url);
  const TITLES = IDEAS.map((t) => `${t} (${mode})`);
  try {
    await openApp(a.page);
    const code = await startTeam(a.page, `Ward ${mode}`, 'Asha');
    await openApp(b.page);
    await joinByLink(b.page, code, 'Ben');
    const before = serverCounts(server).ideaCreates;

    // Cut A off, and check that the service worker's own fetches are cut too.
    await a.context.setOffline(true);
    const worker = a.context.serviceWorkers()[0];
    expect(worker, 'A has a service worker').toBeDefined();
    const swFetch = await worker!.evaluate(() =>
      fetch('/healthz', { cache: 'no-store' }).then(
        () => 'reached',
        () => 'cut',
      ),
    );
    expect(swFetch).toBe('cut');

    await a.page.goto('/');
    for (const t of TITLES) await capture(a.page, t);
    let mine = await myIdeas(a.page);
    expect(mine).toHaveLength(5);
    for (const row of mine) expect(row).toContain('Waiting to sync');

    // Reload with no network: the app opens from the service worker.
    await a.page.reload();
    await a.page.getByLabel('Your idea').waitFor();
    await waitForMyIdeas(a.page, 5);
    expect(await myIdeas(a.page)).toHaveLength(5);

    // Close the browser and open it again on the same profile, still offline. Chromium
    // fires a pending Background Sync as it starts, before the offline switch applies,
    // so the server is also stopped meanwhile: nothing can reach it.
    await server.stop();
    await a.reopen({ offline: true });
    await a.page.goto('/');
    await waitForMyIdeas(a.page, 5);
    mine = await myIdeas(a.page);
    expect(mine).toHaveLength(5);
    for (const t of TITLES) expect(mine.join('\n')).toContain(t);
    for (const row of mine) expect(row).toContain('Waiting to sync');
    await server.restart();
    expect(serverCounts(server).ideaCreates).toBe(before);
    const sent = watchSync(a.context);
    const received = watchSync(b.context);

    if (mode === 'background-sync') {
      // With no page open, only the service worker's `sync` event can send them.
      await a.page.close();
      await a.context.setOffline(false);
    } else {
      await a.context.setOffline(false);
    }
    await waitFor(
      'all 5 ideas on the server',
      async () => serverCounts(server).ideaCreates >= before + 5,
      30_000,
    );
    // The push's answer is back on the phone (its outbox is done with them) before counting.
    await waitFor(
      'the push answered 200 on the phone',
      async () => sent.some((x) => x.path.startsWith('/api/v1/sync/push') && x.status === 200),
      30_000,
    );
    const counts = serverCounts(server);
    expect(counts.ideaCreates).toBe(before + 5);
    for (const t of TITLES) expect(counts.titles.filter((x) => x === t)).toHaveLength(1);
    // The five went in one gzip-compressed push, from the worker or the page as the mode says.
    // Plain, or checked against where the phone last saw the server (decision 0036).
    const pushes = sent.filter((x) => x.path.startsWith('/api/v1/sync/push') && x.status === 200);
    expect(pushes.map((x) => [x.from, x.sent, x.query])).toContainEqual([
      mode === 'background-sync' ? 'worker' : 'page',
      'gzip',
      expect.stringMatching(/^\?refusals=final(&epoch=[0-9a-f-]{36}&cursor=\d+)?$/),
    ]);

    if (mode === 'background-sync') {
      a.page = await a.context.newPage();
      await a.page.goto('/');
    }
    await waitFor('A shows everything sent', async () => {
      const rows = await myIdeas(a.page);
      return rows.length === 5 && rows.every((r) => !r.includes('Waiting to sync'));
    });

    // B sees all five, once each, from a pull that came back gzip-compressed.
    await b.page.goto('/ideas');
    for (const t of TITLES) {
      await b.page.getByRole('link', { name: t }).waitFor({ timeout: 20_000 });
      expect(await b.page.getByRole('link', { name: t }).count()).toBe(1);
    }
    const pulls = received.filter((x) => x.path === '/api/v1/sync/pull' && x.status === 200);
    expect(pulls.some((x) => x.received === 'gzip')).toBe(true);
    expect(pulls.every((x) => /&own=[0-9a-f]{16}$/.test(x.query))).toBe(true);
  } finally {
    await a.close();
    await b.close();
  }
}

describe('offline capture, end to end', () => {
  it('delivers through the Background Sync event with no page open', async () => {
    await scenario('background-sync');
  });

  it('delivers through the page fallback where there is no Background Sync', async () => {
    await scenario('page-fallback');
  });
});
