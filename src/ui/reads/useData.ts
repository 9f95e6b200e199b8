/**
 * How screens read: Dexie's liveQuery as a Preact hook, over the page's one
 * database. The query re-runs whenever a write — this tab's, another tab's,
 * the service worker's or a pulled change — touches what it read. `undefined`
 * means "not loaded yet", so queries that can find nothing should answer null.
 * (Our own, rather than dexie-react-hooks, to keep the capture screen small;
 * Dexie itself arrives just after the first paint: database.ts.)
 */
import { useEffect, useState } from 'preact/hooks';
import type { GroundUpDb } from '../../db/index.ts';
import { database } from './database.ts';

export type Query<T> = (db: GroundUpDb) => Promise<T>;

export function useData<T>(query: Query<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let sub: { unsubscribe: () => void } | undefined;
    let gone = false;
    database().then(
      ({ liveQuery, appDb }) => {
        if (gone) return;
        const db = appDb();
        sub = liveQuery(() => query(db)).subscribe({
          next: (v) => setValue(() => v),
          error: (e: unknown) => console.error('liveQuery failed', e),
        });
      },
      (e: unknown) => console.error('the database could not load', e),
    );
    return () => {
      gone = true;
      sub?.unsubscribe();
    };
  }, deps);
  return value;
}

/** A one-off read (an export, a session look-up), not kept live. */
export async function read<T>(query: Query<T>): Promise<T> {
  return query((await database()).appDb());
}
