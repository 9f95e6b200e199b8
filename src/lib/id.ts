/**
 * Identifier generation for the page and the service worker. Kept out of
 * src/domain because it reads the clock and the random source.
 */
import { uuidv7 } from 'uuidv7';
import type { DeviceId } from '../domain/ids.ts';

/** A new UUIDv7, branded as the id type the caller needs. */
export function newId<T extends string>(): T {
  return uuidv7() as T;
}

/** A new device id (the HLC node id): 64 random bits as 16 hex characters. */
export function newDeviceId(): DeviceId {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') as DeviceId;
}
