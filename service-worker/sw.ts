/**
 * The service worker: precaches the app shell so Ground Up opens with no
 * signal, answers every navigation with the precached index.html (the SPA
 * routes), and drains the outbox when Background Sync fires — through the same
 * src/sync engine the page uses, under the same cross-context lock.
 *
 * Workbox's BackgroundSyncPlugin is deliberately not used: it forgets requests
 * that got a 5xx (https://github.com/GoogleChrome/workbox/issues/2599). Here a
 * failed pass throws, so the browser keeps the registration and retries.
 */
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { appDb } from '../src/db/index.ts';
import { createApi } from '../src/sync/api.ts';
import { shouldRetry, syncOnce } from '../src/sync/engine.ts';
import { SYNC_TAG } from '../src/sync/tag.ts';

declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

/** Background Sync's event; not in TypeScript's WebWorker lib. */
type SyncEvent = ExtendableEvent & { readonly tag: string; readonly lastChance: boolean };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }),
);

// A first install controls the open page at once (so it works offline without a
// reload). An update waits until the person presses "Reload" in the banner.
clientsClaim();

self.addEventListener('message', (event) => {
  const data: unknown = event.data;
  if (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'SKIP_WAITING'
  ) {
    void self.skipWaiting();
  }
});

/** One pass; rejects when it should be retried, so the browser tries again later. */
async function run(): Promise<void> {
  const outcome = await syncOnce({ db: appDb(), api: createApi(), now: () => Date.now() });
  if (shouldRetry(outcome)) {
    throw new Error(
      `sync will be retried: ${outcome.kind === 'offline' || outcome.kind === 'error' ? outcome.message : outcome.kind}`,
    );
  }
}

self.addEventListener('sync', (event) => {
  const e = event as SyncEvent;
  if (e.tag === SYNC_TAG) e.waitUntil(run());
});
