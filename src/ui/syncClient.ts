/**
 * The page's sync, loaded after the first render: src/sync carries the wire
 * schemas (valibot) and the HTTP client, which the capture screen does not need
 * to draw. A save is safe on the device before any of this loads.
 */
import type * as PageSyncModule from '../sync/page.ts';

type PageSync = typeof PageSyncModule;

let loading: Promise<PageSync> | null = null;
const load = () => (loading ??= import('../sync/page.ts'));

function withSync(use: (m: PageSync) => unknown): void {
  load()
    .then(use)
    .catch((e: unknown) => console.error('sync could not load', e));
}

/** Start the triggers (on start, online, visible, back-off). Call once. */
export function startSyncSoon(): void {
  withSync((m) => m.startSync());
}

/** After every local write. */
export function requestSync(): void {
  withSync((m) => m.requestSync());
}

/** The "Sync now" button. */
export function syncNow(): void {
  withSync((m) => m.syncNow());
}
