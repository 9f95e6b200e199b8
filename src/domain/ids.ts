/**
 * Branded identifiers. Every record id is a client-generated UUIDv7 (time-ordered,
 * so the newest ideas sort last by id and IndexedDB keys stay append-mostly).
 * Generation lives outside the domain (src/lib/id.ts) because it reads the clock
 * and the random source; the domain only checks the shape.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type TeamId = Brand<string, 'TeamId'>;
export type MemberId = Brand<string, 'MemberId'>;
export type IdeaId = Brand<string, 'IdeaId'>;
export type CommentId = Brand<string, 'CommentId'>;
export type MutationId = Brand<string, 'MutationId'>;
/** A device's node id in the hybrid logical clock: 16 lowercase hex characters. */
export type DeviceId = Brand<string, 'DeviceId'>;

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DEVICE_ID = /^[0-9a-f]{16}$/;

export function isUuidV7(value: string): boolean {
  return UUID_V7.test(value);
}

export function isDeviceId(value: string): value is DeviceId {
  return DEVICE_ID.test(value);
}
