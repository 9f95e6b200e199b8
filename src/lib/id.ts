/**
 * Identifier generation for the page and the service worker. Kept out of
 * src/domain because it reads the clock and the random source.
 */
import type { DeviceId } from '../domain/ids.ts';

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The last id's milliseconds and 12-bit counter, so ids made in one millisecond still sort in order. */
let lastMs = -1;
let counter = 0;

/**
 * A UUIDv7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, the version, a
 * 12-bit counter in rand_a (RFC 9562 §6.2 method 1, seeded at random below
 * 2^11 each new millisecond so it rarely overflows), the variant and 62
 * random bits. Ids from this generator sort in the order they were made, even
 * within a millisecond or if the clock steps back. Written here rather than
 * taken from the uuidv7 package, which costs the capture screen's budget some
 * 2 KB gzipped.
 */
export function uuidv7At(now: number): string {
  const rand = crypto.getRandomValues(new Uint8Array(10));
  if (now > lastMs) {
    lastMs = now;
    counter = ((rand[0] ?? 0) << 3) | ((rand[1] ?? 0) & 7); // < 2^11
  } else if (++counter > 0xfff) {
    lastMs++; // counter spent: borrow the next millisecond (still in order)
    counter = 0;
  }
  const bytes = new Uint8Array(16);
  let ms = lastMs;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes.set(rand.subarray(2), 8);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A new UUIDv7, branded as the id type the caller needs. */
export function newId<T extends string>(): T {
  return uuidv7At(Date.now()) as T;
}

/** A new device id (the HLC node id): 64 random bits as 16 hex characters. */
export function newDeviceId(): DeviceId {
  return hex(crypto.getRandomValues(new Uint8Array(8))) as DeviceId;
}
