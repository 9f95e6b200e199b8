/**
 * Pulls the team's change log after the saved cursor, page by page. Each page
 * is merged and the new cursor saved in ONE transaction, so a crash mid-pull
 * repeats at most one page, which the merge rule makes harmless.
 */
import { receive, type Hlc } from '../domain/hlc.ts';
import type { Api } from './api.ts';
import { applyChange } from '../db/apply.ts';
import { deviceId } from '../db/device.ts';
import { syncedTables } from '../db/syncedTables.ts';
import type { GroundUpDb } from '../db/schema.ts';

export type PullOutcome =
  | { readonly kind: 'done'; readonly pulled: number }
  | { readonly kind: 'signed-out'; readonly message: string }
  | { readonly kind: 'retry'; readonly message: string; readonly offline: boolean };

async function cursorFor(db: GroundUpDb, teamId: string): Promise<number> {
  const row = await db.meta.get('cursor');
  return row?.key === 'cursor' && row.teamId === teamId ? row.cursor : 0;
}

export async function pullChanges(
  db: GroundUpDb,
  api: Api,
  session: { token: string; teamId: string },
  now: () => number,
): Promise<PullOutcome> {
  let pulled = 0;
  const own = await deviceId(db);
  for (let cursor = await cursorFor(db, session.teamId); ;) {
    // This device's own changes, applied as sent, are in its tables already (decision 0024).
    const res = await api.pull(session.token, session.teamId, cursor, undefined, { own });
    if (res.kind === 'unauthorised' || res.kind === 'forbidden') {
      return { kind: 'signed-out', message: res.message };
    }
    if (res.kind !== 'ok')
      return { kind: 'retry', message: res.message, offline: res.kind === 'offline' };
    const { changes, cursor: next, more } = res.body;
    // Nothing new (most passes): no write, so a Save meanwhile waits for nothing.
    if (changes.length === 0 && next === cursor) return { kind: 'done', pulled };
    await db.transaction('rw', [...syncedTables(db), db.meta, db.rejected], async () => {
      // A change refused here that the team applied after all (a copy of its
      // request, resent by the network, arrived once the rule allowed it): it
      // counts, so it leaves "needs attention", and the merge below shows it.
      const counted = await db.rejected.bulkGet(changes.map((c) => c.mutationId));
      const ids = counted.flatMap((r) => (r ? [r.mutationId] : []));
      if (ids.length > 0) await db.rejected.bulkDelete(ids);
      let latest: Hlc | null = null;
      for (const change of changes) {
        await applyChange(db, change, session.teamId);
        if (latest === null || change.hlc > latest) latest = change.hlc;
      }
      if (latest !== null) {
        const clock = await db.meta.get('hlc');
        if (clock?.key === 'hlc') {
          // Later local edits must be stamped after what we have seen. A stamp
          // from a device whose clock runs far ahead is merged but not followed.
          const r = receive(clock.state, latest, now());
          if (r.kind === 'ok') await db.meta.put({ key: 'hlc', state: r.state });
        }
      }
      await db.meta.put({ key: 'cursor', teamId: session.teamId, cursor: next });
    });
    pulled += changes.length;
    if (!more || next === cursor) return { kind: 'done', pulled };
    cursor = next;
  }
}
