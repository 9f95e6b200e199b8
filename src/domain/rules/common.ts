/**
 * Small checks that several kinds' rules share: reading a mutation's fields as
 * merge does, "names only you", and what a stamp would really change.
 */
import type { FieldValue, Fields, Stamped } from '../merge.ts';
import { remoteWins } from '../merge.ts';
import type { Hlc } from '../hlc.ts';
import { ENTITIES, type EntityName } from '../entities.ts';
import { no, OK, type Actor, type Existing, type Verdict } from './verdict.ts';
import type { RuleWords } from './rules.en.ts';

/**
 * A mutation's fields as merge sees them (valibot types absent optionals as
 * `undefined`): the mutation's own object when no field is undefined (the
 * usual case; it is read, never written), else a copy without them. A push of
 * 500 changes called this thousands of times, each a new object.
 */
export function fieldsOf(m: { readonly fields: object }): Fields {
  const sent = m.fields as Readonly<Record<string, FieldValue | undefined>>;
  for (const key in sent)
    if (Object.hasOwn(sent, key) && sent[key] === undefined) return defined(sent);
  return sent as Fields;
}

function defined(sent: Readonly<Record<string, FieldValue | undefined>>): Fields {
  const out: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(sent)) if (value !== undefined) out[key] = value;
  return out;
}

/** A field that may only ever name the person sending the change. */
export function onlyYou(actor: Actor, fields: Fields, key: string, words: RuleWords): Verdict {
  const value = fields[key];
  if (value !== undefined && value !== null && value !== actor.memberId)
    return no('not-you', words, `fields.${key}`);
  return OK;
}

/** The fields whose stamp beats the one held: the only ones a merge would take. */
export function winningFields(fields: Fields, hlc: Hlc, held: Stamped): Fields {
  return Object.fromEntries(
    Object.entries(fields).filter(([k]) => remoteWins(held.stamps[k], hlc)),
  );
}

/** The first of `keys` that the change would set to something other than what is held. */
export function changes(
  fields: Fields,
  before: Fields,
  keys: readonly string[],
): string | undefined {
  return keys.find((k) => k in fields && fields[k] !== before[k]);
}

/** Who made the record (the server's private creator); true when creating it. */
export function isCreator(actor: Actor, existing: Existing): boolean {
  return existing.kind !== 'own' || existing.createdBy === actor.memberId;
}

/** Refused when the change would alter one of the kind's fixed fields. */
export function fixedChanged(kind: EntityName, fields: Fields, before: Fields): Verdict {
  const key = changes(fields, before, ENTITIES[kind].fixed);
  return key === undefined ? OK : no('fixed', 'fixed', `fields.${key}`, { kind });
}
