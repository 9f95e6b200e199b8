/**
 * A facilitator erases the words of a synced idea or comment everywhere
 * (docs/decisions/0015-erasure.md): the server rewrites its history, then
 * this phone drops the words at once (db/erase.ts), before any pull brings
 * the erase.
 *
 * And once more under the sync lock (lock.ts), after any sync pass on its way
 * has ended (`again`). A push's answer journals its changes, and puts a
 * refused one in "needs attention", as they were read before they were sent
 * (push.ts `settle`): a push on its way during the erase would put the words
 * back, until a pull brought the erase, and for good if that pull failed. The
 * first drop does not wait for the pass (it may take minutes on a bad
 * connection), and no request is made under the lock (decision 0037).
 */
import { purgeErased } from '../db/erase.ts';
import { getSession } from '../db/session.ts';
import { syncedTables } from '../db/syncedTables.ts';
import type { GroundUpDb } from '../db/schema.ts';
import type { ErasableKind } from '../domain/moderation.ts';
import type { Api, ApiFailure } from './api.ts';
import { withSyncLock } from './lock.ts';

export type EraseResult =
  /** `again`: the second drop, after any pass on its way; it fails only if the database does. */
  | { readonly kind: 'erased'; readonly again: Promise<void> }
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
  const drop = () => db.transaction('rw', syncedTables(db), () => purgeErased(db, kind, id));
  await drop();
  return { kind: 'erased', again: lock(drop) };
}
