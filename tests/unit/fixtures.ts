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

/** The shape of exportChart.ts's output: header, icons, the chart with its text. */
export const EXPORTED_CHART = [
  '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="376" viewBox="0 0 640 376" font-family="Arial, sans-serif">',
  '<rect width="640" height="376" fill="#fff"/>',
  '<text x="8" y="34" font-size="18" font-weight="700" fill="#212b32">Meals interrupted &amp; missed (a week)</text>',
  '<svg class="mdc-icon" viewBox="0 0 40 40" role="img" aria-label="Special cause improvement" x="592" y="8" width="40" height="40"><circle cx="20" cy="20" r="18" fill="#fff" stroke="#41b6e6"/><title>Improvement</title></svg>',
  '<svg viewBox="0 0 640 320" role="img" aria-labelledby="c-title" y="56" width="640" height="320"><title id="c-title">Run chart</title>',
  '<g><line x1="40" x2="620" y1="100" y2="100" stroke="#768692" stroke-dasharray="4 4"/>',
  '<polyline points="40,200 60,180 80,150" fill="none" stroke="#005eb8" stroke-width="2"/>',
  '<circle cx="40" cy="200" r="4" fill="#005eb8"/><text x="30" y="310" text-anchor="end" dominant-baseline="middle" font-size="12px" fill="#4c6272">5 Jan</text></g>',
  '</svg></svg>',
].join('');
