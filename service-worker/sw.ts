/**
 * The service worker: precaches the app shell so Ground Up opens with no
 * signal, answers every navigation with the precached index.html (the SPA
 * routes), and drains the outbox when Background Sync fires — through the same
 * src/sync engine the page uses, under the same cross-context lock.
 *
 * Workbox's BackgroundSyncPlugin is deliberately not used: it forgets requests
 * that got a 5xx (https://github.com/GoogleChrome/workbox/issues/2599). Here a
 * failed pass throws, so the browser keeps the registration and retries.
 *
 * Notifications (Web Push, server/notify/): a `push` shows what the server
 * sent, in the person's language (words.ts); a click marks that "For you" item read on this phone and opens the
 * screen it is about, in an open window of the app if there is one.
 */
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import * as v from 'valibot';
import { appDb } from '../src/db/index.ts';
import { markInboxRead } from '../src/db/inbox.ts';
import { pushPayloadSchema } from '../src/domain/notify.ts';
import { createApi } from '../src/sync/api.ts';
import { shouldRetry, syncOnce } from '../src/sync/engine.ts';
import { SYNC_TAG } from '../src/sync/tag.ts';
import { keptLanguage, notificationWords, unreadable } from './words.ts';

declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

/** Background Sync's event; not in TypeScript's WebWorker lib. */
type SyncEvent = ExtendableEvent & { readonly tag: string; readonly lastChance: boolean };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }),
);

/**
 * The API's requests go straight to the network, not through this worker
 * (Chromium's static routing, 123 and later; docs/decisions/0042). This worker
 * answers none of them, yet with a fetch handler each one waited for it, and
 * one made after the browser had stopped it (idle for 30 s) waited for it to
 * start: 35 ms against 8 ms on the bench's machine, more on a slow phone.
 * Where the browser has no static routing, or refuses the rule, nothing
 * changes: the fetch handler lets every /api/ request through, as before.
 */
type StaticRoute = { condition: { urlPattern: unknown }; source: 'network' };
self.addEventListener('install', (event) => {
  const install = event as ExtendableEvent & { addRoutes?: (r: StaticRoute) => Promise<void> };
  const { URLPattern } = self as { URLPattern?: new (init: { pathname: string }) => unknown };
  if (typeof install.addRoutes !== 'function' || URLPattern === undefined) return;
  const api: StaticRoute = {
    condition: { urlPattern: new URLPattern({ pathname: '/api/*' }) },
    source: 'network',
  };
  install.waitUntil(install.addRoutes(api).catch(() => undefined));
});

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

self.addEventListener('push', (event) => {
  let data: unknown = null;
  try {
    data = event.data?.json();
  } catch {
    data = null;
  }
  event.waitUntil(show(data));
});

/** Shows what the server sent, in the language the person chose (words.ts). */
async function show(data: unknown): Promise<void> {
  const parsed = v.safeParse(pushPayloadSchema, data);
  const lang = await keptLanguage(appDb());
  // A browser may penalise a push that shows nothing: an unreadable one still says something.
  const p = parsed.success
    ? { ...parsed.output, ...notificationWords(parsed.output, lang) }
    : { ...unreadable(lang), url: '/for-you', itemId: '' };
  await self.registration.showNotification(p.title, {
    body: p.body,
    ...(p.itemId ? { tag: p.itemId } : {}),
    icon: '/icon-192.png',
    data: { url: p.url, itemId: p.itemId },
  });
}

async function openFromNotification(url: string, itemId: string): Promise<void> {
  if (itemId) await markInboxRead(appDb(), [itemId], Date.now()).catch(() => undefined);
  const target = new URL(url, self.location.origin);
  if (target.origin !== self.location.origin) return;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows[0];
  if (open) {
    await open.focus().catch(() => undefined);
    const moved = await open.navigate(target.href).catch(() => null);
    if (moved) return;
  }
  await self.clients.openWindow(target.href);
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: unknown; itemId?: unknown } | null;
  const url = typeof data?.url === 'string' ? data.url : '/for-you';
  const itemId = typeof data?.itemId === 'string' ? data.itemId : '';
  const opening = openFromNotification(url, itemId);
  try {
    event.waitUntil(opening);
  } catch {
    // Only the browser's own events may be extended; a dispatched one (tests) just runs.
  }
});
