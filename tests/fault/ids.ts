/**
 * Seeded stand-ins for src/lib/id.ts (installed with vi.mock by the fault
 * suites), so that a replayed seed makes the very same ids and device ids,
 * and hence the same HLC tie-breaks. Ids keep the real shapes: a UUIDv7 whose
 * time is the run's simulated clock, and 16 hex characters for a device.
 * Each id embeds the run's seed and a counter, so no two ids of any two runs
 * are equal (the PostgreSQL suite shares one database across runs).
 */
import type { DeviceId } from '../../src/domain/ids.ts';

let seed = 0;
let counter = 0;
let devices = 0;
let clock = () => Date.UTC(2026, 0, 1);

/** Start a run's id sequence. `now` is the run's clock, in ms since the epoch. */
export function seedIds(runSeed: number, now: () => number): void {
  seed = runSeed >>> 0;
  counter = 0;
  devices = 0;
  clock = now;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);

export function newId<T extends string>(): T {
  const n = counter++;
  const ms = hex(clock(), 12);
  const variant = (8 | ((n >>> 12) & 3)).toString(16);
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${hex(n & 0xfff, 3)}-${variant}${hex((n >>> 14) & 0xfff, 3)}-${hex(seed, 8)}${hex(n >>> 26, 4)}` as T;
}

export function newDeviceId(): DeviceId {
  return `${hex(seed, 8)}${hex(devices++, 8)}` as DeviceId;
}
