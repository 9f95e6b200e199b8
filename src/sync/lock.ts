/**
 * One sender at a time, across tabs and the service worker: the Web Locks API
 * where it exists (every browser we support). Node (tests) has no
 * navigator.locks, so there a promise chain serialises callers in-process.
 */
export const SYNC_LOCK = 'ground-up-sync';

let chain: Promise<unknown> = Promise.resolve();

export async function withSyncLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(SYNC_LOCK, run) as Promise<T>;
  const next = chain.then(run, run);
  chain = next.catch(() => undefined);
  return next;
}
