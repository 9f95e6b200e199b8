/**
 * A facilitator erases the words of a synced idea or comment everywhere
 * (docs/decisions/0015-erasure.md): the server rewrites its history, then
 * this phone drops the words at once (db/erase.ts), before any pull brings
 * the erase.
 *
 * The words are dropped under the sync lock (lock.ts), after any sync pass on
 * its way has ended. A push's answer journals its changes, and puts a refused
 * one in "needs attention", as they were read before they were sent (push.ts
 * `settle`): dropped while such a push was on its way, the words would come
 * back with its answer, and stay until a pull brought the erase. The request
 * to the server is made before the lock is taken, so a request with no answer
 * never holds back every later pass (decision 0037).
 */
import { purgeErased } from '../db/erase.ts';
import { getSession } from '../db/session.ts';
import { syncedTables } from '../db/syncedTables.ts';
import type { GroundUpDb } from '../db/schema.ts';
import type { ErasableKind } from '../domain/moderation.ts';
import type { Api, ApiFailure } from './api.ts';
import { withSyncLock } from './lock.ts';

export type EraseResult =
  | { readonly kind: 'erased' }
  | { readonly kind: 'not-joined' }
  | { readonly kind: 'failed'; readonly failure: ApiFailure };

export async function eraseEverywhere(
  db: GroundUpDb,
  api: Api,
  kind: ErasableKind,
  id: string,
  reason: string,
  lock: <T>(run: () => Promise<T>) => Promise<T> = withSyncLock,
): Promise<EraseResult> {
  const session = await getSession(db);
  if (!session) return { kind: 'not-joined' };
  const r = await api.erase(session.token, kind, id, reason);
  if (r.kind !== 'ok') return { kind: 'failed', failure: r };
  await lock(() => db.transaction('rw', syncedTables(db), () => purgeErased(db, kind, id)));
  return { kind: 'erased' };
}
