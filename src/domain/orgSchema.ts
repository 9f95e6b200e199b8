/**
 * Wire schemas (valibot) of the organisation's records: a change a team shares
 * with its organisation ("worked elsewhere") and another team's take-up of it.
 * The registry (entities.ts) puts them beside the other kinds, with `scope: 'org'`.
 */
import * as v from 'valibot';
import { LIMITS } from './records.ts';
import { epochMs, idString, storedName, text, trimmedName } from './schemaParts.ts';
import { isIsoDate } from './improvementSchema.ts';

/** Limits of a shared change. */
export const SHARE_LIMITS = {
  tried: 4000,
  contact: 200,
  measureName: 120,
  unit: 40,
  /** Data points of the chart as it stood when shared. */
  points: 200,
  /** Characters of the chart's picture (an SVG) as it stood when shared. */
  chartSvg: 100_000,
} as const;

/** One data point of a shared chart. */
export type SharedPoint = { readonly date: string; readonly value: number };

/** The chart's points as the share carries them: a JSON list of {date, value}, oldest first. */
export function parseSharedPoints(json: unknown): SharedPoint[] {
  if (typeof json !== 'string') return [];
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.flatMap((p: unknown) =>
      typeof p === 'object' &&
      p !== null &&
      'date' in p &&
      'value' in p &&
      typeof p.date === 'string' &&
      isIsoDate(p.date) &&
      typeof p.value === 'number' &&
      Number.isFinite(p.value)
        ? [{ date: p.date, value: p.value }]
        : [],
    );
  } catch {
    return [];
  }
}

const pointsJson = v.pipe(
  v.string(),
  v.maxLength(SHARE_LIMITS.points * 40),
  v.check((s) => {
    try {
      const raw: unknown = JSON.parse(s);
      return (
        Array.isArray(raw) &&
        raw.length <= SHARE_LIMITS.points &&
        parseSharedPoints(s).length === raw.length
      );
    } catch {
      return false;
    }
  }, `must be a JSON list of at most ${SHARE_LIMITS.points} points {date, value}`),
);

export const shareFieldsSchema = v.strictObject({
  /** The sharing team's idea (adopted or adapted). */
  ideaId: v.optional(idString),
  title: v.optional(trimmedName(LIMITS.ideaTitle)),
  /** What was tried: the PDSA cycles' summaries, as the facilitator edited them. */
  tried: v.optional(text(SHARE_LIMITS.tried)),
  category: v.optional(v.nullable(text(LIMITS.categoryLabel))),
  measureName: v.optional(v.nullable(text(SHARE_LIMITS.measureName))),
  unit: v.optional(v.nullable(text(SHARE_LIMITS.unit))),
  direction: v.optional(v.nullable(v.picklist(['higher', 'lower'], 'must be higher or lower'))),
  points: v.optional(pointsJson),
  /**
   * The chart as it stood when shared, drawn by the sharing phone (exportChart.ts),
   * so other teams see the evidence offline. The server also refuses anything a
   * chart is not made of (a script, a link: Facts.chartProblem).
   */
  chartSvg: v.optional(
    v.nullable(
      v.pipe(
        v.string(),
        v.maxLength(
          SHARE_LIMITS.chartSvg,
          `must be a chart picture of at most ${SHARE_LIMITS.chartSvg.toLocaleString('en-GB')} characters: share it without the chart, or with fewer points`,
        ),
        v.startsWith('<svg', 'must be a chart picture (an SVG image)'),
      ),
    ),
  ),
  contact: v.optional(trimmedName(SHARE_LIMITS.contact)),
  teamName: v.optional(storedName(LIMITS.teamName)),
  sharedBy: v.optional(idString),
  createdAt: v.optional(epochMs),
  /** Withdrawn: gone from "Worked elsewhere" on every phone at its next pull. */
  withdrawn: v.optional(v.boolean()),
});

export const takeFieldsSchema = v.strictObject({
  shareId: v.optional(idString),
  /** The team that took it up (its id derives the take's, so a team counts once). */
  takenBy: v.optional(idString),
  createdAt: v.optional(epochMs),
  deleted: v.optional(v.boolean()),
});
