/**
 * The capture screen's size budget, checked by bytes (deterministic), never by
 * time (DESIGN: a cheap phone between two patients; issue 15). First the JS
 * and CSS that index.html loads before first render, within 50 KB gzipped.
 * Then what issue 15 asks of the whole: everything a nurse's browser fetches
 * as JS and CSS on the capture screen — up front, whatever loads by itself
 * until the network falls quiet, and through her first save and its sync.
 * The goal there is 50 KB too; the test holds today's ceiling (see
 * CAPTURE_FETCHED_CEILING_BYTES for what stands between the two). The files
 * are read from the page's own resource timeline (which counts a file the
 * service worker answered from its precache too) and gzipped (-9) from dist/
 * here. Two nurses: one on a fresh phone (no team yet), and one in a team
 * whose save must reach the server. Last, that the gzipped figures are what a
 * phone downloads: the server sends the files packed (decision 0034).
 */
import type { Page, Request } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, openPhone, serveBuiltApp, waitFor, type TestServer } from './support.ts';
import { capture, serverCounts, startTeam } from './app.ts';

export const CAPTURE_BUDGET_BYTES = 50 * 1000;

const jsOrCss = (path: string) => path.endsWith('.js') || path.endsWith('.css');

/** Files the entry HTML loads up front: module script, modulepreloads, stylesheets. */
export function initialAssets(dist = 'dist'): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]+href="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+href="([^"]+)"[^>]+rel="(?:modulepreload|stylesheet)"/g),
  ].map((m) => m[1] ?? '');
  return [...new Set(refs.filter(jsOrCss))];
}

it('keeps the capture screen within 50 KB of gzipped JS and CSS', () => {
  const assets = initialAssets();
  expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
  const bytes = assets.map(
    (a) => gzipSync(readFileSync(join('dist', a.replace(/^\//, ''))), { level: 9 }).length,
  );
  const total = bytes.reduce((x, y) => x + y, 0);
  console.log(
    `capture screen: ${total} bytes gzipped in ${assets.length} files (budget ${CAPTURE_BUDGET_BYTES})`,
  );
  expect(total).toBeLessThanOrEqual(CAPTURE_BUDGET_BYTES);
});

let server: TestServer;
beforeAll(async () => {
  server = await serveBuiltApp();
});
afterAll(async () => {
  await server.close();
});

/** Same-origin JS and CSS the page has fetched so far (the service worker's own fetches are not the page's). */
async function fetchedAssets(page: Page): Promise<string[]> {
  const paths = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin)
      .map((u) => u.pathname),
  );
  return [...new Set(paths)].filter((p) => jsOrCss(p) && p !== '/sw.js');
}

const gzipped = (path: string) =>
  gzipSync(readFileSync(join('dist', path.replace(/^\//, ''))), { level: 9 }).length;

/** The live-update stream stays open for as long as the page does: it is no sign of work left. */
const lasting = (r: Request) => r.url().includes('/events');

/**
 * Watches the page's requests (bar the live stream) from now on. `quiet()`
 * waits until none has been open for a whole half second — Playwright's own
 * "networkidle" rule, which it applies only to a page's load, here applied
 * after the save too: by then whatever the app loads by itself (on idle, after
 * a timer, after the first save) has been asked for.
 */
function watchNetwork(page: Page): { quiet(): Promise<void> } {
  let open = 0;
  let last = Date.now();
  page.on('request', (r) => {
    if (lasting(r)) return;
    open++;
    last = Date.now();
  });
  const ended = (r: Request) => {
    if (lasting(r)) return;
    open--;
    last = Date.now();
  };
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    quiet: () =>
      waitFor('the network to fall quiet', () =>
        Promise.resolve(open === 0 && Date.now() - last >= 500),
      ),
  };
}

/**
 * Issue 15's goal is CAPTURE_BUDGET_BYTES through the first save as well, and
 * the page does not reach it: Dexie alone is some 29.6 KB of it, and the
 * page's sync (its engine, every record's schema for what it pulls, valibot)
 * some 17 KB more, all loaded to save an idea and send it. The one way found to
 * leave those to the service worker would put a stopped worker's start on every
 * Save, and the bytes cross the network at a phone's first visit only (decision
 * 0035, checked below), so the page keeps them. This ceiling holds the line: it
 * fails on anything that grows what the capture screen fetches. Raised once,
 * by 500 B on 1 December 2026 (82,796 B to 83,239 B), for a sync of 10,000
 * ideas 1.3 to 1.7 times as fast (decision 0033: the push overlapping its
 * batches) and passes that write nothing when nothing is new. Lowered on 2
 * December 2026 to 82,700 B (82,571 B): a take-up's id apart from the
 * portfolio's words, so the registry no longer brings those to a Save. Raised
 * the same day by 200 B (to 82,900 B; 82,846 B) for the checked push (decision
 * 0036): a synced phone's Save reaches the team one round trip sooner. Raised
 * on 3 December 2026 by 300 B (to 83,200 B; 83,108 B) for decision 0037: an
 * open page sends its own Save at once, and no request without an answer holds
 * the sync lock (a time limit, and giving up on `offline`). Raised the same
 * day by 100 B (to 83,300 B; 83,219 B) for decision 0038: after a 413 a pass
 * keeps the size the server took, and a restore's resend halves on a 413.
 * Raised on 4 December 2026 by 100 B (to 83,400 B; 83,372 B) for decision
 * 0029's new section: a push taken whole is journalled as the JSON it sent,
 * read back either way, and a batch's settle waits behind the next read, not
 * before it (a sync of 10,000 ideas about a tenth faster).
 */
export const CAPTURE_FETCHED_CEILING_BYTES = 83_400;

/** Gzipped bytes of `assets`, listed file by file in the test's output. */
function report(label: string, assets: readonly string[]): number {
  const sizes = assets.map((a) => [a, gzipped(a)] as const);
  const total = sizes.reduce((s, [, n]) => s + n, 0);
  console.log(
    `${label}: ${total} B gzip -9 in ${sizes.length} files (ceiling ${CAPTURE_FETCHED_CEILING_BYTES}, goal ${CAPTURE_BUDGET_BYTES})\n` +
      sizes.map(([a, n]) => `  ${n}\t${a}`).join('\n'),
  );
  return total;
}

/**
 * On the capture screen `page` has just opened: the bytes fetched once the
 * network is quiet, then through one save (and `saved`, e.g. its reaching the
 * server) and the quiet after it.
 */
async function fetchedThroughFirstSave(
  page: Page,
  network: { quiet(): Promise<void> },
  who: string,
  saved: () => Promise<void>,
): Promise<number> {
  await page.getByLabel('Your idea').waitFor();
  await network.quiet();
  const idle = await fetchedAssets(page);
  report(`${who}, until idle`, idle);
  await capture(page, 'Spare obs machine in bay 3');
  await saved();
  await network.quiet();
  const all = await fetchedAssets(page);
  expect(all).toEqual(expect.arrayContaining(idle));
  return report(`${who}, through the first save`, all);
}

it('a fresh phone fetches no more JS and CSS than the ceiling on the capture screen, through its first save', async () => {
  const phone = await openPhone(server.url);
  try {
    const network = watchNetwork(phone.page);
    await openApp(phone.page);
    const bytes = await fetchedThroughFirstSave(phone.page, network, 'fresh phone', () =>
      Promise.resolve(),
    );
    expect(bytes).toBeLessThanOrEqual(CAPTURE_FETCHED_CEILING_BYTES);
  } finally {
    await phone.close();
  }
});

it('a nurse in a team fetches no more JS and CSS than the ceiling on the capture screen, through a first save that reaches the server', async () => {
  const phone = await openPhone(server.url);
  try {
    await openApp(phone.page);
    await startTeam(phone.page, 'Ward 7', 'Asha');
    // A new shift: the app opened afresh, on the capture screen.
    await phone.reopen();
    const network = watchNetwork(phone.page);
    // Who answered each file: the service worker, or the network.
    const sources = new Map<string, boolean>();
    phone.page.on('response', (r) => {
      const url = new URL(r.url());
      if (
        url.origin === new URL(server.url).origin &&
        jsOrCss(url.pathname) &&
        url.pathname !== '/sw.js'
      )
        sources.set(url.pathname, (sources.get(url.pathname) ?? true) && r.fromServiceWorker());
    });
    const logged = server.logs.length;
    await phone.page.goto('/');
    const before = serverCounts(server).ideaCreates;
    const bytes = await fetchedThroughFirstSave(phone.page, network, 'team member', () =>
      waitFor('the idea to reach the server', () =>
        Promise.resolve(serverCounts(server).ideaCreates === before + 1),
      ),
    );
    expect(bytes).toBeLessThanOrEqual(CAPTURE_FETCHED_CEILING_BYTES);
    // Decision 0035: these bytes cross the network at a phone's first visit only. On a
    // reopened app the worker answered every file the screen loaded, through the save,
    // and none of them reached the server (the worker had them in its precache).
    const loaded = await fetchedAssets(phone.page);
    expect(loaded.length).toBeGreaterThan(0);
    expect([...sources.keys()].sort()).toEqual([...loaded].sort());
    expect([...sources].filter(([, fromWorker]) => !fromWorker).map(([path]) => path)).toEqual([]);
    const assetsAsked = server.logs
      .slice(logged)
      .filter((line) => /^GET \S+\.(js|css) /.test(line) && !line.startsWith('GET /sw.js '));
    expect(assetsAsked).toEqual([]);
  } finally {
    await phone.close();
  }
});

it('a phone downloads the app packed: every JS and CSS file of the first load arrives Brotli-compressed, at about a third of its size', async () => {
  const phone = await openPhone(server.url);
  try {
    const { page } = phone;
    const encodings = new Map<string, string | null>();
    const read: Promise<void>[] = [];
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (jsOrCss(path))
        read.push(r.headerValue('content-encoding').then((e) => void encodings.set(path, e)));
    });
    // A first visit: nothing is cached yet and no service worker answers.
    await page.goto('/');
    await page.getByLabel('Your idea').waitFor();
    const entries = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e): e is PerformanceResourceTiming => e instanceof PerformanceResourceTiming)
        .map((e) => ({
          path: new URL(e.name).pathname,
          onWire: e.encodedBodySize,
          size: e.decodedBodySize,
        }))
        .filter((e) => e.path.endsWith('.js') || e.path.endsWith('.css')),
    );
    await Promise.all(read);
    const assets = initialAssets();
    expect(entries.map((e) => e.path)).toEqual(expect.arrayContaining(assets));
    for (const path of assets) expect(encodings.get(path), path).toBe('br');
    const onWire = entries.reduce((n, e) => n + e.onWire, 0);
    const size = entries.reduce((n, e) => n + e.size, 0);
    console.log(
      `first load: ${entries.length} JS and CSS files, ${size} B, ${onWire} B on the wire`,
    );
    expect(onWire).toBeLessThan(size * 0.4);
  } finally {
    await phone.close();
  }
});
