/**
 * When the connection comes back, an open app sends what is waiting at once
 * (decision 0037), in Chromium against the built app and the real server:
 *  - a request on its way when the phone lost its connection does not hold
 *    every later pass back (found through the bench's stall of 3 December
 *    2026, where a pull with no answer held the sync lock for good);
 *  - with Chromium's own Background Sync retries (5 minutes after a failed
 *    `sync` event), the page's back-off not yet run out and no live event
 *    stream, the connection coming back, and a new Save, each send at once.
 * Every wait is for the state asserted: the sync bar's words, the server's rows.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, openPhone, serveBuiltApp, waitFor, type TestServer } from './support.ts';
import { barSays, capture, serverCounts, startTeam, syncBar } from './app.ts';

/** A server of its own for each test, so the rows counted are that test's alone. */
let server: TestServer;
beforeEach(async () => {
  server = await serveBuiltApp();
});
afterEach(async () => {
  await server.close();
});

/** Wait until the server holds exactly these ideas, each once. */
async function serverHolds(titles: string[]): Promise<void> {
  await waitFor(`the server to hold ${titles.join(', ')}`, async () => {
    const c = serverCounts(server);
    return c.ideaCreates === titles.length && titles.every((t) => c.titles.includes(t));
  });
}

it('a request on its way when the connection went does not hold back the next sync', async () => {
  const phone = await openPhone(server.url);
  try {
    const { page, context } = phone;
    await openApp(page);
    await startTeam(page, 'Ward 7', 'Asha');
    await page.goto('/');
    await barSays(page, 'All synced');

    // The next pull gets no answer, ever: the request stays on its way. Later ones go through.
    let reached: () => void = () => undefined;
    const pulled = new Promise<void>((ok) => (reached = ok));
    let hung = false;
    await context.route('**/api/v1/sync/pull*', async (route) => {
      if (hung) return route.continue();
      hung = true;
      reached();
    });
    await syncBar(page).getByRole('button', { name: 'Sync now' }).click();
    await pulled;

    // The connection goes and an idea is saved.
    await context.setOffline(true);
    await capture(page, 'Spare obs machine');
    await barSays(page, 'No connection — 1 change waiting on this phone');

    // The connection comes back: the idea is sent, once.
    await context.setOffline(false);
    await barSays(page, 'All synced');
    await serverHolds(['Spare obs machine']);
  } finally {
    await phone.close();
  }
});

type SyncEvent = { readonly name: string; readonly nextAttemptMs: number | null };

/** Background Sync's own log (DevTools' Background services panel), read over CDP. */
async function watchBackgroundSync(page: Page): Promise<() => SyncEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const seen: SyncEvent[] = [];
  cdp.on('BackgroundService.backgroundServiceEventReceived', (e) => {
    const ev = (
      e as {
        backgroundServiceEvent: {
          eventName: string;
          eventMetadata: { key: string; value: string }[];
        };
      }
    ).backgroundServiceEvent;
    const next = ev.eventMetadata.find((m) => m.key === 'Next Attempt Delay (ms)');
    seen.push({ name: ev.eventName, nextAttemptMs: next ? Number(next.value) : null });
  });
  await cdp.send('BackgroundService.startObserving', { service: 'backgroundSync' });
  await cdp.send('BackgroundService.setRecording', {
    shouldRecord: true,
    service: 'backgroundSync',
  });
  return () => [...seen];
}

it('with Background Sync waiting out its retry, the connection coming back and a new Save each send at once', async () => {
  const phone = await openPhone(server.url, { browserSyncRetries: true });
  try {
    const { page, context } = phone;
    // The page's timers run on a clock the test holds still below, so its own
    // back-off after a failed pass never runs out here: only what the fix
    // does on `online` and on Save can send.
    await page.clock.install();
    await openApp(page);
    await startTeam(page, 'Ward 8', 'Ben');
    await page.goto('/');
    await barSays(page, 'All synced');
    const events = await watchBackgroundSync(page);
    // No live event stream either (some hospital proxies hold such streams back):
    // its "ready" on reconnecting would start a pass of its own.
    await context.route('**/api/v1/events*', (route) => route.abort());
    await page.clock.pauseAt(Date.now() + 1_000);

    // The server goes down with the network up: the Save's sync event fails,
    // and Chromium will not try it again for 5 minutes.
    await server.stop();
    await capture(page, 'Label IV lines');
    await barSays(page, /^The server is not answering — 1 change waiting/);
    await waitFor('the service worker’s sync event to fail', async () =>
      events().some((e) => e.name === 'sync event failed'),
    );
    const failed = events().find((e) => e.name === 'sync event failed');
    expect(failed?.nextAttemptMs).toBeGreaterThanOrEqual(60_000);

    // The connection drops and comes back with the server up again.
    await context.setOffline(true);
    await server.restart();
    await context.setOffline(false);
    await barSays(page, 'All synced');
    await serverHolds(['Label IV lines']);

    // Down again; a Save while Background Sync still waits out its retry is not
    // dispatched (registering the tag again changes nothing). The server comes
    // back with no change of network: the next Save sends both.
    await server.stop();
    await capture(page, 'Water jugs at 2pm');
    await barSays(page, /^The server is not answering — 1 change waiting/);
    await server.restart();
    await capture(page, 'Discharge checklist at 10');
    await barSays(page, 'All synced');
    await serverHolds(['Label IV lines', 'Water jugs at 2pm', 'Discharge checklist at 10']);
    expect(serverCounts(server).ideas).toBe(3);
    // Background Sync dispatched once, at the first Save, in all this.
    expect(events().filter((e) => e.name === 'Dispatched sync event')).toHaveLength(1);
  } finally {
    await phone.close();
  }
});
