/**
 * Turning the caller's input into what every chart works from: points in date
 * order, the indices of the points that count (not ghosted), the comparison
 * tolerance and the formatters for the summary. A value that is not a finite
 * number or a date that is not `yyyy-mm-dd` is a bug upstream (the measure's
 * schema lets neither through), so it throws rather than returning a result.
 */
import { toleranceFor } from './arithmetic.ts';
import type { ChartInput, ChartPointInput, ConflictRule, Direction } from './types.ts';
import { chartDate } from './charts.en.ts';

export type PreparedInput = {
  /** The points in date order (stable: equal dates keep their given order). */
  readonly points: readonly ChartPointInput[];
  /** Indices into `points` of the points that are not ghosted, in order. */
  readonly live: readonly number[];
  readonly direction: Direction;
  readonly target: number | null;
  readonly conflictRule: ConflictRule;
  /** Fix the first period's limits on this many points; null: not fixed. */
  readonly baselinePoints: number | null;
  /** Values closer than this (in the measure's unit) count as equal. */
  readonly tolerance: number;
  readonly formatValue: (value: number) => string;
  readonly formatDate: (isoDate: string) => string;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function prepare(input: ChartInput): PreparedInput {
  for (const p of input.points) {
    if (!Number.isFinite(p.value)) {
      throw new RangeError(
        `chart point ${p.date}: value ${String(p.value)} is not a finite number`,
      );
    }
    if (!ISO_DATE.test(p.date))
      throw new RangeError(`chart point date "${p.date}" is not yyyy-mm-dd`);
  }
  if (input.target !== undefined && !Number.isFinite(input.target)) {
    throw new RangeError(`chart target ${String(input.target)} is not a finite number`);
  }
  const n = input.baselinePoints;
  if (n !== undefined && (!Number.isInteger(n) || n < 2)) {
    throw new RangeError(
      `chart baseline of ${String(n)} points: must be a whole number, 2 or more`,
    );
  }
  const points = [...input.points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const live = points.flatMap((p, i) => (p.ghost === true ? [] : [i]));
  const values = live.map((i) => valueAt(points, i));
  return {
    points,
    live,
    direction: input.direction,
    target: input.target ?? null,
    conflictRule: input.conflictRule ?? 'improvement',
    baselinePoints: n ?? null,
    tolerance: toleranceFor(values),
    formatValue: input.formatValue ?? defaultFormat(values),
    formatDate: input.formatDate ?? chartDate,
  };
}

/** The value of point `i`; the index always comes from `live` or a loop over `points`. */
export function valueAt(points: readonly ChartPointInput[], i: number): number {
  const p = points[i];
  if (p === undefined) throw new RangeError(`no chart point at index ${i}`);
  return p.value;
}

/**
 * Numbers with three significant figures of the data's spread: a spread of 12.6
 * gives one decimal (12.4, 6.1), a spread of 0.03 gives four (0.9224), a spread
 * of 200 gives none. Trailing zeros are dropped.
 */
function defaultFormat(values: readonly number[]): (value: number) => string {
  const spread = values.length > 0 ? Math.max(...values) - Math.min(...values) : 0;
  const magnitude = spread > 0 ? spread : Math.abs(values[0] ?? 0);
  const decimals =
    magnitude > 0 ? Math.min(6, Math.max(0, 2 - Math.floor(Math.log10(magnitude)))) : 0;
  return (value) => String(Number(value.toFixed(decimals)));
}
