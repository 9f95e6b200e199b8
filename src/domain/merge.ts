/**
 * The one merge rule. A record's fields are each stamped with the HLC of the
 * write that set them; merging keeps, field by field, the value with the later
 * stamp (last writer wins). Stamps are totally ordered and embed the device id,
 * so two different writes never tie: the device id breaks what wall time and
 * counter leave equal (see hlc.ts). Deletion is the `deleted` field set to true
 * (a tombstone), merged like any other field, so a delete and a concurrent edit
 * converge the same way on every device.
 *
 * Because each field takes the maximum of a total order, merge is commutative,
 * associative and idempotent (a join semilattice): any delivery order of any
 * set of mutations, with duplicates, converges. tests/unit/merge.property.test.ts
 * checks this with fast-check.
 */
import type { Hlc } from './hlc.ts';

export type FieldValue = string | number | boolean | null;
export type Fields = Readonly<Record<string, FieldValue>>;
export type Stamps = Readonly<Record<string, Hlc>>;
/** Fields as a mutation carries them: an absent (undefined) field is not written. */
export type FieldsIn = Readonly<Record<string, FieldValue | undefined>>;

/** A record as merge sees it: values and the stamp of each value. */
export type Stamped = { readonly fields: Fields; readonly stamps: Stamps };

export const EMPTY: Stamped = { fields: {}, stamps: {} };

/**
 * Should the remote value of a field replace the local one? Only when its stamp
 * is strictly later. Equal stamps mean the same write seen twice.
 */
export function remoteWins(local: Hlc | undefined, remote: Hlc | undefined): boolean {
  if (remote === undefined) return false;
  if (local === undefined) return true;
  return remote > local;
}

export function merge(local: Stamped, remote: Stamped): Stamped {
  const fields: Record<string, FieldValue> = { ...local.fields };
  const stamps: Record<string, Hlc> = { ...local.stamps };
  for (const key of Object.keys(remote.stamps)) {
    const stamp = remote.stamps[key];
    if (stamp !== undefined && remoteWins(own(stamps, key), stamp)) {
      stamps[key] = stamp;
      fields[key] = own(remote.fields, key) ?? null;
    }
  }
  return { fields, stamps };
}

/**
 * Own properties only: a field named like an Object.prototype member ("toString",
 * "valueOf"; the wire's record schema lets those through) must not read the
 * inherited function, which would make merge drop the field on one side only.
 */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The stamped form of one mutation: every field it carries, stamped with its HLC. */
export function stampAll(fields: FieldsIn, hlc: Hlc): Stamped {
  const values: Record<string, FieldValue> = {};
  const stamps: Record<string, Hlc> = {};
  // Not Object.entries: an array per field, for every change a server or phone applies.
  for (const key in fields) {
    const value = own(fields, key);
    if (value === undefined) continue;
    values[key] = value;
    stamps[key] = hlc;
  }
  return { fields: values, stamps };
}
