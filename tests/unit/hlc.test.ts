/**
 * The hybrid logical clock: every local edit must be stamped after every edit
 * this device has made or seen, whatever the device's wall clock does, or a
 * person's newer edit would lose to their older one after sync.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_DRIFT_MS,
  defaultStamp,
  isDefaultStamp,
  formatHlc,
  initialHlc,
  isHlc,
  parseHlc,
  receive,
  tick,
  type Hlc,
  type HlcResult,
  type HlcState,
} from '../../src/domain/hlc.ts';
import { DEVICE_A, DEVICE_B, deviceIdArb, hlcStateArb, stamp } from './fixtures.ts';

/** The order merge uses (merge.ts remoteWins compares stamps as strings). */
const compareHlc = (a: string, b: string): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0);

function ok(result: HlcResult): { state: HlcState; stamp: Hlc } {
  if (result.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}

/** Tuple order on (wall, counter, node): what the string order must agree with. */
function tupleOrder(a: HlcState, b: HlcState): -1 | 0 | 1 {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.node !== b.node) return a.node < b.node ? -1 : 1;
  return 0;
}

describe('tick', () => {
  it('stamps each local edit after the previous one even when the wall clock goes backwards', () => {
    const first = ok(tick(initialHlc(DEVICE_A), 10_000));
    const second = ok(tick(first.state, 4_000)); // clock set back (NTP, or a person)
    const third = ok(tick(second.state, 4_001));

    expect(compareHlc(first.stamp, second.stamp)).toBe(-1);
    expect(compareHlc(second.stamp, third.stamp)).toBe(-1);
    expect(second.state).toEqual({ wall: 10_000, counter: 1, node: DEVICE_A });
    expect(third.state).toEqual({ wall: 10_000, counter: 2, node: DEVICE_A });
  });

  it('resets the counter once the wall clock moves past the last stamp', () => {
    const busy: HlcState = { wall: 10_000, counter: 7, node: DEVICE_A };
    expect(ok(tick(busy, 10_000)).state.counter).toBe(8);
    expect(ok(tick(busy, 10_001)).state).toEqual({ wall: 10_001, counter: 0, node: DEVICE_A });
  });

  it('keeps stamps strictly increasing over any sequence of wall-clock readings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2_000_000_000_000 }), { minLength: 1, maxLength: 60 }),
        (nows) => {
          let state = initialHlc(DEVICE_A);
          let last: Hlc | null = null;
          for (const now of nows) {
            const next = ok(tick(state, now));
            if (last !== null) expect(next.stamp > last).toBe(true);
            expect(next.state.wall).toBeGreaterThanOrEqual(now);
            last = next.stamp;
            state = next.state;
          }
        },
      ),
    );
  });

  it('reports overflow instead of reusing a stamp when 65 536 edits share one millisecond', () => {
    const full: HlcState = { wall: 10_000, counter: 0xffff, node: DEVICE_A };
    expect(tick(full, 10_000)).toEqual({ kind: 'overflow' });
    expect(tick(full, 9_000)).toEqual({ kind: 'overflow' });
    // Once the wall clock moves on, the clock works again.
    expect(ok(tick(full, 10_001)).state.counter).toBe(0);
  });
});

describe('receive', () => {
  it('stamps the next local edit after a change pulled from a device whose clock runs ahead', () => {
    const local: HlcState = { wall: 1_000_000, counter: 2, node: DEVICE_A };
    const remote = stamp(1_060_000, 3, DEVICE_B); // B's clock is a minute ahead
    const seen = ok(receive(local, remote, 1_000_500));

    expect(seen.state).toEqual({ wall: 1_060_000, counter: 4, node: DEVICE_A });
    expect(compareHlc(remote, seen.stamp)).toBe(-1);
    // The person's next edit, a moment later by their own clock, still wins over B's.
    const edit = ok(tick(seen.state, 1_000_600));
    expect(compareHlc(remote, edit.stamp)).toBe(-1);
  });

  it('takes the larger counter plus one when local, remote and now share a millisecond', () => {
    const local: HlcState = { wall: 5_000, counter: 9, node: DEVICE_A };
    expect(ok(receive(local, stamp(5_000, 4, DEVICE_B), 5_000)).state.counter).toBe(10);
    expect(ok(receive(local, stamp(5_000, 20, DEVICE_B), 5_000)).state.counter).toBe(21);
  });

  it('moves to the wall clock with counter 0 when the wall clock is ahead of both', () => {
    const local: HlcState = { wall: 5_000, counter: 9, node: DEVICE_A };
    expect(ok(receive(local, stamp(4_000, 30, DEVICE_B), 6_000)).state).toEqual({
      wall: 6_000,
      counter: 0,
      node: DEVICE_A,
    });
  });

  it('always lands after both the local state and the remote stamp (within the drift limit)', () => {
    fc.assert(
      fc.property(
        hlcStateArb,
        hlcStateArb,
        fc.integer({ min: 0, max: 999_999_000_000_000 }),
        (local, remoteState, now) => {
          fc.pre(remoteState.wall - now <= MAX_DRIFT_MS);
          fc.pre(local.counter < 0xffff && remoteState.counter < 0xffff);
          const remote = formatHlc(remoteState);
          const seen = ok(receive(local, remote, now));
          expect(compareHlc(formatHlc(local), seen.stamp)).toBe(-1);
          expect(compareHlc(remote, seen.stamp)).toBe(-1);
          expect(seen.state.node).toBe(local.node);
        },
      ),
    );
  });

  it('refuses a stamp more than MAX_DRIFT_MS ahead of the wall clock, and says by how much', () => {
    const local = initialHlc(DEVICE_A);
    const now = 1_700_000_000_000;
    const tooFar = stamp(now + MAX_DRIFT_MS + 1, 0, DEVICE_B);
    expect(receive(local, tooFar, now)).toEqual({
      kind: 'drift',
      remoteWall: now + MAX_DRIFT_MS + 1,
      localWall: now,
    });
    // Exactly at the limit is still accepted.
    expect(receive(local, stamp(now + MAX_DRIFT_MS, 0, DEVICE_B), now).kind).toBe('ok');
  });

  it('reports overflow when the remote counter is already at its maximum', () => {
    const local: HlcState = { wall: 5_000, counter: 0, node: DEVICE_A };
    expect(receive(local, stamp(5_000, 0xffff, DEVICE_B), 5_000)).toEqual({ kind: 'overflow' });
  });

  it('does not advance the clock for a malformed stamp', () => {
    const local: HlcState = { wall: 5_000, counter: 0, node: DEVICE_A };
    expect(receive(local, 'not-a-stamp' as Hlc, 5_000).kind).not.toBe('ok');
  });
});

describe('format and parse', () => {
  it('round-trips every state', () => {
    fc.assert(
      fc.property(hlcStateArb, (state) => {
        const text = formatHlc(state);
        expect(parseHlc(text)).toEqual(state);
        expect(isHlc(text)).toBe(true);
      }),
    );
  });

  it('has the documented fixed-width layout', () => {
    expect(formatHlc({ wall: 1_700_000_000_123, counter: 26, node: DEVICE_A })).toBe(
      '001700000000123-001a-00000000000000aa',
    );
  });

  it.each([
    ['an empty string', ''],
    ['a short wall', '1700000000123-001a-00000000000000aa'],
    ['an upper-case counter', '001700000000123-001A-00000000000000aa'],
    ['an upper-case device id', '001700000000123-001a-00000000000000AA'],
    ['a short device id', '001700000000123-001a-00000000000000a'],
    ['a missing counter', '001700000000123-00000000000000aa'],
    ['trailing text', '001700000000123-001a-00000000000000aa '],
  ])('rejects %s', (_label, text) => {
    expect(parseHlc(text)).toBeNull();
    expect(isHlc(text)).toBe(false);
  });
});

describe('order', () => {
  it('orders stamps as strings exactly as by (wall, counter, device id)', () => {
    fc.assert(
      fc.property(hlcStateArb, hlcStateArb, (a, b) => {
        const sa = formatHlc(a);
        const sb = formatHlc(b);
        const expected = tupleOrder(a, b);
        expect(compareHlc(sa, sb)).toBe(expected);
        expect(sa < sb ? -1 : sa > sb ? 1 : 0).toBe(expected);
      }),
    );
  });

  it('breaks a tie in wall time and counter by device id, never calling two devices equal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999_999_999 }),
        fc.integer({ min: 0, max: 0xffff }),
        deviceIdArb,
        deviceIdArb,
        (wall, counter, n1, n2) => {
          fc.pre(n1 !== n2);
          const order = compareHlc(stamp(wall, counter, n1), stamp(wall, counter, n2));
          expect(order).toBe(n1 < n2 ? -1 : 1);
        },
      ),
    );
  });

  it('sorts a counter of 0x10 after 0x9 (hex digits, fixed width)', () => {
    expect(compareHlc(stamp(1, 0x9, DEVICE_B), stamp(1, 0x10, DEVICE_A))).toBe(-1);
    expect(compareHlc(stamp(9, 0, DEVICE_B), stamp(10, 0, DEVICE_A))).toBe(-1);
  });
});

describe('default stamps', () => {
  it('keeps the device and loses to every real stamp of any device', () => {
    fc.assert(
      fc.property(hlcStateArb, hlcStateArb, (mine, other) => {
        fc.pre(other.wall > 0);
        const d = defaultStamp(formatHlc(mine));
        expect(parseHlc(d)).toEqual({ wall: 0, counter: 0, node: mine.node });
        expect(isDefaultStamp(d)).toBe(true);
        expect(isDefaultStamp(formatHlc(other))).toBe(false);
        // Wall time 0 with a counter is not a default: only the creation's own stamp is.
        expect(isDefaultStamp(formatHlc({ ...other, wall: 0, counter: 1 }))).toBe(false);
        expect(compareHlc(d, formatHlc(other))).toBe(-1);
      }),
    );
  });

  it('refuses something that is not a stamp', () => {
    expect(() => defaultStamp('yesterday' as Hlc)).toThrow(/not an HLC stamp/);
  });
});
