/**
 * Wire schemas of huddle and vote fields (valibot), appended to the
 * mutation variants in protocol.ts. Kept apart so protocol.ts stays one list.
 */
import * as v from 'valibot';
import { HUDDLE_LIMITS } from './huddle.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const id = v.pipe(v.string(), v.regex(UUID_V7, 'must be a UUIDv7'));
const epochMs = v.pipe(
  v.number(),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(1_577_836_800_000, 'must be after 2020'),
  v.maxValue(4_102_444_800_000, 'must be before 2100'),
);
const name = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );
/**
 * A name the server keeps in a column: no control characters (PostgreSQL
 * cannot store NUL in text, and a NUL in one vote made the whole batch 500)
 * and no lone UTF-16 surrogates (stored as U+FFFD, so what the server keeps
 * would not be what the phones hold). As protocol.ts's storedName.
 */
const storedName = (max: number) =>
  v.pipe(name(max), v.regex(/^[^\p{Cc}\p{Cs}]*$/u, 'must not contain control characters'));
const idList = (max: number, min: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max * 40 + 2),
    v.check((s) => {
      try {
        const ids: unknown = JSON.parse(s);
        return (
          Array.isArray(ids) &&
          ids.length >= min &&
          ids.length <= max &&
          new Set(ids).size === ids.length &&
          ids.every((x) => typeof x === 'string' && UUID_V7.test(x))
        );
      } catch {
        return false;
      }
    }, `must be a JSON list of ${min} to ${max} different idea ids`),
  );

export const huddleFieldsSchema = v.strictObject({
  title: v.optional(storedName(HUDDLE_LIMITS.title)),
  dotsPerMember: v.optional(
    v.pipe(
      v.number(),
      v.integer('must be a whole number'),
      v.minValue(HUDDLE_LIMITS.minDots, `must be at least ${HUDDLE_LIMITS.minDots}`),
      v.maxValue(HUDDLE_LIMITS.maxDots, `must be at most ${HUDDLE_LIMITS.maxDots}`),
    ),
  ),
  endsAt: v.optional(v.nullable(epochMs)),
  hidden: v.optional(v.boolean()),
  shortlist: v.optional(idList(HUDDLE_LIMITS.shortlist, 1)),
  state: v.optional(v.picklist(['open', 'closed'], 'must be open or closed')),
  startedBy: v.optional(id),
  startedAt: v.optional(epochMs),
  closedAt: v.optional(v.nullable(epochMs)),
  outcome: v.optional(idList(HUDDLE_LIMITS.shortlist, 0)),
});

export const voteFieldsSchema = v.strictObject({
  huddleId: v.optional(id),
  ideaId: v.optional(id),
  memberId: v.optional(id),
  dots: v.optional(
    v.pipe(
      v.number(),
      v.integer('must be a whole number'),
      v.minValue(0, 'must be at least 0'),
      v.maxValue(HUDDLE_LIMITS.maxDots, `must be at most ${HUDDLE_LIMITS.maxDots}`),
    ),
  ),
  proxy: v.optional(v.boolean()),
  proxyName: v.optional(v.nullable(storedName(HUDDLE_LIMITS.proxyName))),
});
