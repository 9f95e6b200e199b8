/**
 * The building blocks of every record's wire schema (valibot), in one place so
 * that an id, a time or a name means the same in every kind of record.
 */
import * as v from 'valibot';

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A UUIDv7 (client-made ids; derived ids are UUIDv7-shaped too). */
export const idString = v.pipe(v.string(), v.regex(UUID_V7, 'must be a UUIDv7'));

/** A UUIDv7, typed as the branded id `T`. */
export const uuid = <T extends string>() =>
  v.pipe(
    v.string(),
    v.regex(UUID_V7, 'must be a UUIDv7'),
    v.transform((s) => s as T),
  );

export const nullableId = v.nullable(idString);

/** Free text of at most `max` characters (`min` 1: not empty). */
export const text = (max: number, min = 0) =>
  v.pipe(
    v.string(),
    v.maxLength(max, `must be at most ${max} characters`),
    v.minLength(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`),
  );

/** Text that must say something: trimmed, 1..max characters. */
export const trimmedName = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );

/** What a stored name's checks say (the phone knows them: sync/team.ts says them in words). */
export const NAME_PROBLEMS = {
  control: 'must not contain control characters',
  invisible: 'must not contain invisible or direction-changing characters',
} as const;

/**
 * A team or member name, which the server keeps in a column of its own: no
 * control characters (PostgreSQL cannot store NUL in text; the fuzz found a
 * team named "Ward\u0000 7" answered 500), no lone UTF-16 surrogates (stored
 * as U+FFFD, so the name read back would not be the name sent), and no
 * invisible or direction-changing characters (U+202E, zero-width spaces: a
 * name that reads as someone else's).
 */
export const storedName = (max: number) =>
  v.pipe(
    trimmedName(max),
    v.regex(/^[^\p{Cc}\p{Cs}]*$/u, NAME_PROBLEMS.control),
    v.regex(/^[^\p{Cf}]*$/u, NAME_PROBLEMS.invisible),
  );

/** A time in ms since the epoch, within reason (2020 to 2100). */
export const epochMs = v.pipe(
  v.number(),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(1_577_836_800_000, 'must be after 2020'),
  v.maxValue(4_102_444_800_000, 'must be before 2100'),
);
