/**
 * Shared builders and fast-check arbitraries for the domain unit tests: device ids,
 * HLC states and stamps, UUIDv7 ids, each checked against the domain's own shape
 * guards so a test never feeds the domain a value it could not receive for real.
 */
import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { formatHlc, type Hlc, type HlcState } from '../../src/domain/hlc.ts';
import { isDeviceId, isUuidV7, type DeviceId } from '../../src/domain/ids.ts';

export function deviceId(hex: string): DeviceId {
  if (!isDeviceId(hex)) throw new Error(`not a device id: ${hex}`);
  return hex;
}

export const DEVICE_A = deviceId('00000000000000aa');
export const DEVICE_B = deviceId('00000000000000bb');
export const DEVICE_C = deviceId('00000000000000cc');

/** A stamp from its parts (wall in ms since the epoch). */
export function stamp(wall: number, counter: number, node: DeviceId): Hlc {
  return formatHlc({ wall, counter, node });
}

/** A fresh UUIDv7 branded as whichever id the caller needs. */
export function newId<T extends string>(): T {
  const id = uuidv7();
  if (!isUuidV7(id)) throw new Error(`uuidv7 produced ${id}`);
  return id as T;
}

/** 1 March 2024, 09:00 UTC, in ms: a plausible "now" inside the protocol's range. */
export const NOW = Date.UTC(2024, 2, 1, 9, 0, 0);

export const deviceIdArb: fc.Arbitrary<DeviceId> = fc
  .stringMatching(/^[0-9a-f]{16}$/)
  .map(deviceId);

/**
 * HLC states that often collide on wall and counter (small ranges mixed with the
 * full range), so tie-breaks on counter and node are exercised, not just wall time.
 */
export const hlcStateArb: fc.Arbitrary<HlcState> = fc.record({
  wall: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 999_999_999_999_999 })),
  counter: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 0xffff })),
  node: fc.oneof(fc.constantFrom(DEVICE_A, DEVICE_B, DEVICE_C), deviceIdArb),
});
