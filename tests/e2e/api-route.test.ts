/**
 * The app's requests to the API go straight to the network, not through its
 * service worker (Chromium's static routing; docs/decisions/0042), in
 * Chromium against the built app and the real server. The app's own files
 * still come through the worker (from its precache, so the app opens offline).
 * Read from the page's resource timing, which names the source a static route
 * sent a request to; each wait is for the entry asserted.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, openPhone, serveBuiltApp, waitFor, type TestServer } from './support.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serveBuiltApp();
});
afterAll(async () => {
  await server.close();
});

/** What resource timing says of a request: the source a static route matched ('' for none; undefined where Chromium does not say). */
type Routed = { path: string; matched: string | undefined };

it("sends the API's requests past the service worker, and the app's files through it", async () => {
  const phone = await openPhone(server.url);
  try {
    const { page } = phone;
    await openApp(page);
    await page.evaluate(async () => {
      await (await fetch('/api/v1/team', { cache: 'no-store' })).text();
      await (await fetch('/manifest.webmanifest')).text();
    });
    let seen: Routed[] = [];
    const read = () =>
      page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => ({
          path: new URL(e.name).pathname,
          matched: (e as PerformanceResourceTiming & { workerMatchedSourceType?: string })
            .workerMatchedSourceType,
        })),
      );
    await waitFor('resource timing of both requests', async () => {
      seen = await read();
      const paths = seen.map((s) => s.path);
      return paths.includes('/api/v1/team') && paths.includes('/manifest.webmanifest');
    });
    const last = (path: string) => seen.filter((s) => s.path === path).at(-1);
    expect(last('/api/v1/team')?.matched).toBe('network');
    // No route for the app's files: the worker's fetch handler answers them.
    expect(last('/manifest.webmanifest')?.matched).toBe('');
  } finally {
    await phone.close();
  }
});
