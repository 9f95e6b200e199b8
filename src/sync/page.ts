/**
 * The page's side of sync. An open page drains the outbox itself: on start, on
 * `online`, on becoming visible, after each local write, and on a jittered
 * back-off timer. Where the browser has Background Sync (Chromium, Android) a
 * local write and `online` also register the `sync` tag, so the service worker
 * drains what is left when a connection exists, even after the tab is closed
 * (decision 0037: Chromium waits 5 minutes after a failed `sync` event, and an
 * open page must not wait with it). The sync lock keeps the two from sending at
 * once. When the browser says the connection is gone, requests on their way
 * are given up (`abortRequests`), so a pass waiting on an answer that cannot
 * come does not hold the lock. The page also pulls on start, on becoming visible,
 * periodically, and on every event of the team's live stream (`liveSync.ts`),
 * so colleagues' ideas appear within seconds on any screen. Workbox's
 * BackgroundSyncPlugin is deliberately not used: it forgets requests that got
 * a 5xx (https://github.com/GoogleChrome/workbox/issues/2599).
 */
import { liveQuery } from 'dexie';
import { appDb } from '../db/index.ts';
import { onDatabaseNotice } from '../db/notices.ts';
import { getSession } from '../db/session.ts';
import { getOrgSession } from '../db/orgData.ts';
import { abortRequests, createApi } from './api.ts';
import { syncOnce } from './engine.ts';
import { openLive } from './live.ts';
import { startLiveSync, type LiveAuth } from './liveSync.ts';
import { createScheduler, type Scheduler } from './scheduler.ts';
import {
  pressedSyncNow,
  reportBrowserOnline,
  reportOutcome,
  syncStatus,
} from '../state/syncStatus.ts';
import { SYNC_TAG } from './tag.ts';

export { SYNC_TAG };

let scheduler: Scheduler | null = null;

function ensureScheduler(): Scheduler {
  scheduler ??= createScheduler({
    run: () => syncOnce({ db: appDb(), api: createApi(), now: () => Date.now() }),
    onStart: () => syncStatus.setState({ syncing: true }),
    onOutcome: (o) => reportOutcome(o),
    isVisible: () => document.visibilityState === 'visible',
  });
  return scheduler;
}

/** Ask the service worker for a Background Sync, where the browser has it. */
async function registerBackgroundSync(): Promise<void> {
  try {
    if (!('serviceWorker' in navigator)) return;
    const reg = (await navigator.serviceWorker.getRegistration()) as
      (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
    if (reg?.active && reg.sync) await reg.sync.register(SYNC_TAG);
  } catch {
    // Permission denied or unsupported: the page's own passes carry on.
  }
}

/**
 * Call after every local write, and when the connection comes back: a pass from
 * this page now, and Background Sync as the net should the tab close first.
 */
export async function requestSync(): Promise<void> {
  ensureScheduler().kick();
  await registerBackgroundSync();
}

/**
 * Calls `on` with this device's session now and whenever it changes (any
 * tab): its team's, or else a leader's in its organisation.
 */
function watchSession(on: (auth: LiveAuth | null) => void): () => void {
  const sub = liveQuery(async (): Promise<LiveAuth | null> => {
    const s = await getSession(appDb());
    if (s) return { token: s.token, teamId: s.team.id };
    const lead = await getOrgSession(appDb());
    return lead
      ? {
          token: lead.token,
          teamId: lead.org.id,
          path: `/api/v1/org/events?org=${encodeURIComponent(lead.org.id)}`,
        }
      : null;
  }).subscribe({
    next: on,
    error: (e: unknown) => console.error('could not read the session for live updates', e),
  });
  return () => sub.unsubscribe();
}

/** Start the page's triggers once, at app start. */
export function startSync(): void {
  // Another tab holding an older or newer database version: say so in the status bar.
  onDatabaseNotice((notice) => syncStatus.setState({ problem: notice.message }));
  const s = ensureScheduler();
  s.kick();
  const isVisible = () => document.visibilityState === 'visible';
  const live = startLiveSync({
    watchSession,
    open: openLive,
    kick: () => s.kick(),
    setPollMs: (ms) => s.setPollMs(ms),
    onConnected: (up) => syncStatus.setState({ live: up }),
    isVisible,
  });
  window.addEventListener('online', () => {
    reportBrowserOnline(true);
    live.online();
    void requestSync();
  });
  window.addEventListener('offline', () => {
    reportBrowserOnline(false);
    abortRequests();
  });
  document.addEventListener('visibilitychange', () => {
    live.visibilityChanged();
    if (isVisible()) s.kick();
  });
}

/** A pass now, whatever the browser has (the "Sync now" button). */
export function syncNow(): void {
  pressedSyncNow();
  ensureScheduler().kick();
}
