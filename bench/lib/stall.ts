/**
 * What a sync run that stalls is waiting on (bench section 4): every request
 * to /api/ from the page or its service worker, with how it ended or that it
 * did not; and, asked of the page and the worker, which of them holds the sync
 * lock and which waits for it, the Background Sync tags, and what the outbox
 * holds. Found with it, 3 December 2026: the page's pass held the lock with a
 * pull that had reached the counting proxy and gone no further, the proxy's
 * sockets all taken by event streams of closed pages (bench/lib/proxy.ts); and
 * that nothing in the app ended a request with no answer (decision 0037).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { SYNC_LOCK } from '../../src/sync/lock.ts';

export type StallWatch = { describe(): Promise<string> };

/** Which context (page or worker) holds and wants the sync lock, as seen from `where`. */
async function lockSides(where: { evaluate: Page['evaluate'] }, name: string): Promise<string> {
  return where
    .evaluate(
      async ({ lock, me }) => {
        const mine = await navigator.locks.request(
          me,
          async () => (await navigator.locks.query()).held?.find((l) => l.name === me)?.clientId,
        );
        const q = await navigator.locks.query();
        const side = (id: string | undefined) => (id === mine ? 'this' : 'other');
        const held = q.held?.filter((l) => l.name === lock).map((l) => side(l.clientId)) ?? [];
        const pending =
          q.pending?.filter((l) => l.name === lock).map((l) => side(l.clientId)) ?? [];
        return `held by ${held.join(', ') || 'none'}, wanted by ${pending.join(', ') || 'none'}`;
      },
      { lock: SYNC_LOCK, me: `bench-probe-${name}` },
    )
    .catch((e: unknown) => `could not ask: ${String(e)}`);
}

export function watchStall(
  context: BrowserContext,
  page: Page,
  outbox: () => Promise<number>,
): StallWatch {
  const t0 = Date.now();
  const log: string[] = [];
  const path = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');
  const api = (url: string) => path(url).startsWith('/api/');
  context.on('request', (r) => {
    if (api(r.url()))
      log.push(
        `${Date.now() - t0} ms: ${r.serviceWorker() ? 'worker' : 'page'} ${r.method()} ${path(r.url())}`,
      );
  });
  context.on('requestfinished', (r) => {
    if (api(r.url())) log.push(`${Date.now() - t0} ms: ended ${path(r.url())}`);
  });
  context.on('requestfailed', (r) => {
    if (api(r.url()))
      log.push(`${Date.now() - t0} ms: failed ${path(r.url())} ${r.failure()?.errorText ?? ''}`);
  });
  return {
    async describe() {
      const worker = context.serviceWorkers()[0];
      // tsx wraps functions given to evaluate in __name(); the page has it from an init script.
      await worker?.evaluate('globalThis.__name = (f) => f').catch(() => undefined);
      const tags = await page
        .evaluate(async () => {
          const reg = (await navigator.serviceWorker.getRegistration()) as
            (ServiceWorkerRegistration & { sync?: { getTags(): Promise<string[]> } }) | undefined;
          return reg?.sync ? (await reg.sync.getTags()).join(', ') || 'none' : 'no Background Sync';
        })
        .catch((e: unknown) => `could not ask: ${String(e)}`);
      return [
        `at ${Date.now() - t0} ms: sync lock as the page sees it: ${await lockSides(page, 'page')}`,
        `as the worker sees it: ${worker ? await lockSides(worker, 'worker') : 'no worker'}`,
        `Background Sync tags: ${tags}; outbox: ${await outbox().catch(() => Number.NaN)}`,
        `requests to /api/ since the page opened:`,
        ...log.map((l) => `  ${l}`),
      ].join('\n');
    },
  };
}
