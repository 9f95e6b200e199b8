/**
 * Wire schemas (valibot) of PDSA cycles, measures, data points and tally taps,
 * appended to the mutation variants in protocol.ts.
 */
import * as v from 'valibot';
import { ACTS, ANSWERS, ASK_KINDS, IMPROVEMENT_LIMITS as L, MEASURE_TYPES } from './improvement.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const id = v.pipe(v.string(), v.regex(UUID_V7, 'must be a UUIDv7'));
const epochMs = v.pipe(
  v.number(),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(1_577_836_800_000, 'must be after 2020'),
  v.maxValue(4_102_444_800_000, 'must be before 2100'),
);
const text = (max: number) =>
  v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));
const name = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );
const number = v.pipe(
  v.number('must be a number'),
  v.finite('must be a finite number'),
  v.minValue(-L.maxValue, `must be at least -${L.maxValue}`),
  v.maxValue(L.maxValue, `must be at most ${L.maxValue}`),
);

/** A real calendar date, yyyy-mm-dd, 2000 to 2099. */
export function isIsoDate(s: string): boolean {
  const m = /^(20\d\d)-(\d\d)-(\d\d)$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}
export const isoDate = v.pipe(v.string(), v.check(isIsoDate, 'must be a date written yyyy-mm-dd'));

export const pdsaFieldsSchema = v.strictObject({
  ideaId: v.optional(id),
  cycle: v.optional(
    v.pipe(
      v.number(),
      v.integer('must be a whole number'),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(L.maxCycle, `must be at most ${L.maxCycle}`),
    ),
  ),
  objective: v.optional(text(L.long)),
  taskWhat: v.optional(text(L.long)),
  taskWho: v.optional(text(L.short)),
  taskWhen: v.optional(text(L.short)),
  taskWhere: v.optional(text(L.short)),
  prediction: v.optional(text(L.long)),
  predictionWhy: v.optional(text(L.long)),
  measureText: v.optional(text(L.long)),
  asPlanned: v.optional(v.nullable(v.boolean())),
  problems: v.optional(text(L.long)),
  observations: v.optional(text(L.long)),
  results: v.optional(text(L.long)),
  learning: v.optional(text(L.long)),
  act: v.optional(v.nullable(v.picklist(ACTS, 'must be adopt, adapt or abandon'))),
  next: v.optional(text(L.long)),
  /** Set by the server: who started the cycle (entities.ts `by`). */
  startedBy: v.optional(id),
  createdAt: v.optional(epochMs),
  deleted: v.optional(v.boolean()),
});

export const measureFieldsSchema = v.strictObject({
  name: v.optional(name(L.name)),
  unit: v.optional(text(L.unit)),
  definition: v.optional(text(L.long)),
  direction: v.optional(v.picklist(['higher', 'lower'], 'must be higher or lower')),
  target: v.optional(v.nullable(number)),
  type: v.optional(v.picklist(MEASURE_TYPES, 'must be outcome, process or balancing')),
  ideaId: v.optional(v.nullable(id)),
  tally: v.optional(v.boolean()),
  /** Set by the server: who added the measure (entities.ts `by`). */
  createdBy: v.optional(id),
  baselinePoints: v.optional(
    v.nullable(
      v.pipe(
        v.number('must be a number'),
        v.integer('must be a whole number'),
        v.minValue(L.baselineMin, `must be at least ${L.baselineMin} points`),
        v.maxValue(L.baselineMax, `must be at most ${L.baselineMax} points`),
      ),
    ),
  ),
  createdAt: v.optional(epochMs),
  deleted: v.optional(v.boolean()),
});

export const pointFieldsSchema = v.strictObject({
  measureId: v.optional(id),
  date: v.optional(isoDate),
  value: v.optional(number),
  note: v.optional(text(L.short)),
  ghost: v.optional(v.boolean()),
  recalculate: v.optional(v.boolean()),
  /** Set by the server: who added the point (entities.ts `by`). */
  createdBy: v.optional(id),
  rebaseReason: v.optional(text(L.short)),
  rebasePdsaId: v.optional(v.nullable(id)),
  createdAt: v.optional(epochMs),
  deleted: v.optional(v.boolean()),
});

export const tapFieldsSchema = v.strictObject({
  measureId: v.optional(id),
  date: v.optional(isoDate),
  createdAt: v.optional(epochMs),
  deleted: v.optional(v.boolean()),
});

const idList = v.pipe(
  v.string(),
  v.maxLength(50 * 40),
  v.check((s) => {
    try {
      const ids: unknown = JSON.parse(s);
      return (
        Array.isArray(ids) &&
        ids.length <= 50 &&
        ids.every((x) => typeof x === 'string' && UUID_V7.test(x))
      );
    } catch {
      return false;
    }
  }, 'must be a JSON list of at most 50 ids'),
);

export const challengeFieldsSchema = v.strictObject({
  goal: v.optional(name(L.long)),
  startDate: v.optional(isoDate),
  sponsorId: v.optional(v.nullable(id)),
  sponsorName: v.optional(v.nullable(text(L.name))),
  outcomeMeasureId: v.optional(v.nullable(id)),
  measureIds: v.optional(idList),
  ideaIds: v.optional(idList),
  createdAt: v.optional(epochMs),
  deleted: v.optional(v.boolean()),
});

export const askFieldsSchema = v.strictObject({
  ideaId: v.optional(id),
  pdsaId: v.optional(v.nullable(id)),
  kind: v.optional(v.picklist(ASK_KINDS, 'must be permission or support')),
  text: v.optional(name(L.long)),
  askedBy: v.optional(id),
  askedByName: v.optional(text(L.name)),
  createdAt: v.optional(epochMs),
  answer: v.optional(v.nullable(v.picklist(ANSWERS, 'must be backed, needs-more or not-now'))),
  answerNote: v.optional(text(L.long)),
  answeredBy: v.optional(v.nullable(id)),
  answeredByName: v.optional(v.nullable(text(L.name))),
  answeredAt: v.optional(v.nullable(epochMs)),
  deleted: v.optional(v.boolean()),
});
