/**
 * Stamping again what this phone saved while its clock was ahead. The server
 * refuses a change stamped more than a few minutes ahead of its own clock
 * (rules/clock.ts) and the phone keeps it waiting; once the person sets the
 * clock right, the waiting changes carry stamps from the future of the phone's
 * own present. This gives them fresh stamps from the present (and starts the
 * phone's clock again from it), in the outbox and on the records they changed,
 * in one transaction, so the phone and the server go on agreeing.
 */
import { parseHlc, withNode, type Hlc } from '../domain/hlc.ts';
import { aheadBy } from '../domain/rules/clock.ts';
import { tableOf } from './apply.ts';
import { deviceId, nextStamp } from './device.ts';
import { syncedTables } from './syncedTables.ts';
import type { GroundUpDb, OutboxRow } from './schema.ts';

/** A stamp further ahead of this phone's own clock than this was made while the clock was wrong. */
export const RESTAMP_MARGIN_MS = 60_000;

/** Re-stamps the waiting changes made while the clock was ahead; returns how many. */
export async function restampAhead(db: GroundUpDb, now: number): Promise<number> {
  // Only what the server refused for the clock: a stamp ahead of this phone's
  // clock may also come from following a colleague's clock (hlc.ts receive).
  const made = (r: OutboxRow) => aheadBy(r.mutation.hlc, now) > RESTAMP_MARGIN_MS;
  const held = () => db.outbox.where('clockAhead').equals(1);
  if (!(await held().toArray()).some(made)) return 0;
  return db.transaction('rw', [db.outbox, db.meta, ...syncedTables(db)], async () => {
    const rows = (await held().sortBy('seq')).filter(made);
    if (rows.length === 0) return 0;
    const node = await deviceId(db);
    await db.meta.put({ key: 'hlc', state: { wall: now, counter: 0, node } });
    for (const row of rows) {
      const old = row.mutation.hlc;
      // An anonymous idea's stamps keep the node made for it (writes.ts `anonymise`).
      const fresh = await nextStamp(db, now);
      const own = parseHlc(old)?.node;
      const hlc = own !== undefined && own !== node ? withNode(fresh, own) : fresh;
      const { clockAhead: _, ...rest } = row;
      await db.outbox.put({ ...rest, mutation: { ...row.mutation, hlc } });
      const table = tableOf(db, row.entity);
      const record = await table.get(row.entityId);
      if (record) {
        const stamps = Object.fromEntries(
          Object.entries(record.stamps as Record<string, Hlc>).map(([k, v]) => [
            k,
            v === old ? hlc : v,
          ]),
        );
        await table.put({ ...record, stamps });
      }
      const moved = await db.statusLog.get([row.entityId, old]);
      if (moved) {
        await db.statusLog.delete([row.entityId, old]);
        await db.statusLog.put({ ...moved, hlc });
      }
    }
    return rows.length;
  });
}
