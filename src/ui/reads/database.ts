/**
 * Dexie and the page's database, loaded just after the first paint rather
 * than with the capture screen: the field is drawn and typeable before the
 * database library arrives (the capture screen's 50 KB budget), and the
 * service worker has the chunk precached for offline starts.
 */
import type * as LiveDb from './liveDb.ts';

let loading: Promise<typeof LiveDb> | null = null;

export function database(): Promise<typeof LiveDb> {
  loading ??= import('./liveDb.ts').catch((e: unknown) => {
    loading = null; // let the next read try again
    throw e;
  });
  return loading;
}
