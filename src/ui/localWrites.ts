/**
 * The capture screen's write path — the domain's mutation builders, the HLC,
 * UUIDv7 ids and the one-transaction writes in src/db/writes.ts — loaded just
 * after the first render rather than in the first bundle, so the field is
 * on screen and typeable sooner (the capture screen has a 50 KB budget). By the
 * time someone has typed an idea it has long arrived; the service worker has it
 * precached for offline starts.
 */
import type * as WritesModule from '../db/writes.ts';

export type Writes = typeof WritesModule;

let loading: Promise<Writes> | null = null;

export function loadWrites(): Promise<Writes> {
  loading ??= import('../db/writes.ts').catch((e: unknown) => {
    loading = null; // let the next Save try again
    throw e;
  });
  return loading;
}
