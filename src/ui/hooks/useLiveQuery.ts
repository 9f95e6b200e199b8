/**
 * Dexie's liveQuery as a Preact hook: the query re-runs whenever a write —
 * this tab's, another tab's, the service worker's or a pulled change — touches
 * what it read. `undefined` means "not loaded yet", so queries that can find
 * nothing should answer null. (Our own, rather than dexie-react-hooks, to keep
 * the capture screen small.)
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (v) => setValue(() => v),
      error: (e: unknown) => console.error('liveQuery failed', e),
    });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}
