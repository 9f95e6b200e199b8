/**
 * Hybrid logical clock (Kulkarni et al. 2014), as Actual Budget stamps its cells
 * (packages/crdt/src/crdt/timestamp.ts): wall-clock milliseconds, a counter for
 * events within the same millisecond, and the node (device) id.
 *
 * A stamp is serialised so that plain string comparison orders stamps:
 * `<wall ms, 15 digits>-<counter, 4 hex>-<device id>`. Two stamps from different
 * devices are never equal, so the device id is the tie-break when wall time and
 * counter match (stamps compare as strings: merge.ts `remoteWins`).
 *
 * The clock state is a value: callers pass the current time in and get the next
 * state back (nothing here reads Date.now()).
 */
import type { Brand, DeviceId } from './ids.ts';
import { isDeviceId } from './ids.ts';

/** A serialised, totally ordered HLC stamp. */
export type Hlc = Brand<string, 'Hlc'>;

export type HlcState = {
  /** Wall-clock component, in milliseconds since the epoch. */
  readonly wall: number;
  readonly counter: number;
  readonly node: DeviceId;
};

/** A remote stamp more than this far ahead of our wall clock is refused, in milliseconds. */
export const MAX_DRIFT_MS = 5 * 60 * 1000;
const MAX_COUNTER = 0xffff;
const HLC_PATTERN = /^(\d{15})-([0-9a-f]{4})-([0-9a-f]{16})$/;

export type HlcResult =
  | { readonly kind: 'ok'; readonly state: HlcState; readonly stamp: Hlc }
  | { readonly kind: 'drift'; readonly remoteWall: number; readonly localWall: number }
  | { readonly kind: 'overflow' };

export function initialHlc(node: DeviceId): HlcState {
  return { wall: 0, counter: 0, node };
}

export function formatHlc(state: HlcState): Hlc {
  return `${String(state.wall).padStart(15, '0')}-${state.counter
    .toString(16)
    .padStart(4, '0')}-${state.node}` as Hlc;
}

export function parseHlc(stamp: string): HlcState | null {
  const m = HLC_PATTERN.exec(stamp);
  if (!m || !m[1] || !m[2] || !m[3] || !isDeviceId(m[3])) return null;
  return { wall: Number(m[1]), counter: parseInt(m[2], 16), node: m[3] };
}

export function isHlc(stamp: string): stamp is Hlc {
  return parseHlc(stamp) !== null;
}

/**
 * The lowest stamp of the device that made `stamp` (wall time 0). A value
 * written with it is a default: any real edit, from any device, at any time,
 * replaces it. Used where two devices may create the same record offline
 * (a test's cycle, whose id is derived): the second creation must not write
 * its empty or carried-over fields over what someone has since typed.
 */
export function defaultStamp(stamp: Hlc): Hlc {
  const parsed = parseHlc(stamp);
  if (!parsed) throw new Error(`not an HLC stamp: ${stamp}`);
  return formatHlc({ wall: 0, counter: 0, node: parsed.node });
}

/** Was this written as a default (defaultStamp)? Wall time and counter both 0. */
export function isDefaultStamp(stamp: string): boolean {
  const parsed = parseHlc(stamp);
  return parsed !== null && parsed.wall === 0 && parsed.counter === 0;
}

/**
 * The same stamp under another node id. An anonymous idea's stamps carry a
 * node made for that one record, never the device's id (which also stamps its
 * owner's named ideas, comments and votes), so no colleague can link them.
 * Order is unchanged: the node only breaks ties between equal times.
 */
export function withNode(stamp: Hlc, node: DeviceId): Hlc {
  const parsed = parseHlc(stamp);
  if (!parsed) throw new Error(`not an HLC stamp: ${stamp}`);
  return formatHlc({ ...parsed, node });
}

/**
 * The node of stamps the server makes itself (devices draw theirs at random).
 * The highest there is: a write the server re-stamps under it (serverFields.ts)
 * wins over the device's own copy, stamped at the same time.
 */
export const SERVER_NODE = 'ffffffffffffffff' as DeviceId;

/** A server stamp later than every stamp in `stamps` and not before `now`. */
export function stampAfter(stamps: Readonly<Record<string, string>>, now: number): Hlc {
  let wall = now;
  let counter = 0;
  for (const s of Object.values(stamps)) {
    const p = parseHlc(s);
    if (!p) continue;
    if (p.wall > wall) {
      wall = p.wall;
      counter = p.counter + 1;
    } else if (p.wall === wall) counter = Math.max(counter, p.counter + 1);
  }
  if (counter > MAX_COUNTER) {
    wall += 1;
    counter = 0;
  }
  return formatHlc({ wall, counter, node: SERVER_NODE });
}

/** Stamp a local event at wall time `now` (ms). */
export function tick(state: HlcState, now: number): HlcResult {
  const wall = Math.max(state.wall, now);
  const counter = wall === state.wall ? state.counter + 1 : 0;
  if (counter > MAX_COUNTER) return { kind: 'overflow' };
  const next = { wall, counter, node: state.node };
  return { kind: 'ok', state: next, stamp: formatHlc(next) };
}

/**
 * Advance the clock past a stamp received from another device, so that any
 * later local edit is stamped after everything this device has seen.
 */
export function receive(state: HlcState, remote: Hlc, now: number): HlcResult {
  const r = parseHlc(remote);
  if (!r) return { kind: 'overflow' };
  if (r.wall - now > MAX_DRIFT_MS) return { kind: 'drift', remoteWall: r.wall, localWall: now };
  const wall = Math.max(state.wall, r.wall, now);
  let counter: number;
  if (wall === state.wall && wall === r.wall) counter = Math.max(state.counter, r.counter) + 1;
  else if (wall === state.wall) counter = state.counter + 1;
  else if (wall === r.wall) counter = r.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) return { kind: 'overflow' };
  const next = { wall, counter, node: state.node };
  return { kind: 'ok', state: next, stamp: formatHlc(next) };
}
