/**
 * This device's identity (the HLC node id) and clock, created on first use and
 * kept in the meta table. The clock is read and advanced inside each write
 * transaction, so two tabs can never stamp two writes alike.
 */
import { initialHlc, tick, type Hlc, type HlcState } from '../domain/hlc.ts';
import type { DeviceId } from '../domain/ids.ts';
import { newDeviceId } from '../lib/id.ts';
import type { GroundUpDb } from './schema.ts';

export async function deviceId(db: GroundUpDb): Promise<DeviceId> {
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get('device');
    if (row?.key === 'device') return row.deviceId;
    const id = newDeviceId();
    await db.meta.put({ key: 'device', deviceId: id });
    await db.meta.put({ key: 'hlc', state: initialHlc(id) });
    return id;
  });
}

async function clock(db: GroundUpDb): Promise<HlcState> {
  const row = await db.meta.get('hlc');
  if (row?.key === 'hlc') return row.state;
  const id = await deviceId(db);
  return initialHlc(id);
}

/** Next stamp for a local write. Must run inside a rw transaction covering meta. */
export async function nextStamp(db: GroundUpDb, now: number): Promise<Hlc> {
  const { stamp, kept } = await advanceClock(db, now);
  await kept;
  return stamp;
}

/**
 * The next stamp, and the write that keeps the clock past it, issued but not
 * awaited: a Save asks for its other writes in the same round trip to the
 * browser's database process (IndexedDB runs a transaction's requests in the
 * order they were made, so the clock is still written first). The caller awaits
 * `kept` before its transaction ends. Must run inside a rw transaction covering meta.
 */
export async function advanceClock(
  db: GroundUpDb,
  now: number,
): Promise<{ stamp: Hlc; kept: Promise<unknown> }> {
  const state = await clock(db);
  const r = tick(state, now);
  // The counter can only overflow with 65,536 writes in one millisecond; stepping
  // the wall clock forward by 1 ms keeps the order total and costs nothing.
  const result = r.kind === 'ok' ? r : tick({ ...state, wall: state.wall + 1, counter: 0 }, now);
  if (result.kind !== 'ok') throw new Error('HLC could not advance');
  return { stamp: result.stamp, kept: db.meta.put({ key: 'hlc', state: result.state }) };
}
