/**
 * The arithmetic the chart rules share: mean, median, and a comparison that
 * treats a value within a hair of a line as on the line.
 *
 * Why a tolerance: MDC's SQL tool computes in DECIMAL(38, 19), so 0.1 + 0.2 is
 * exactly 0.3 there and a point equal to the mean is on the mean. In binary
 * floating point it may come out a few units in the last place above or below,
 * and would then make or break a shift on rounding noise. The tolerance is a
 * billionth of the chart's spread, so it is the same after adding a constant to
 * every value or scaling them, and far below anything a ward would record.
 */

/** Relative size of the tolerance: a billionth of the range of the values. */
const RELATIVE_TOLERANCE = 1e-9;

/** The tolerance for comparing values of this chart (same unit as the values). */
export function toleranceFor(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return (max - min) * RELATIVE_TOLERANCE;
}

/** 1 if `a` is above `b`, −1 below, 0 within `tolerance` of it. */
export function compare(a: number, b: number, tolerance: number): -1 | 0 | 1 {
  const d = a - b;
  if (d > tolerance) return 1;
  if (d < -tolerance) return -1;
  return 0;
}

/**
 * The arithmetic mean, summed as offsets from the smallest value so that equal
 * values give exactly that value and a shifted series gives a shifted mean.
 * Empty input has no mean: callers check first.
 */
export function mean(values: readonly number[]): number {
  let min = Infinity;
  for (const v of values) if (v < min) min = v;
  let offsets = 0;
  for (const v of values) offsets += v - min;
  return min + offsets / values.length;
}

/** The median: the middle value, or the mean of the two middle values. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? NaN;
  if (sorted.length % 2 === 1) return upper;
  const lower = sorted[mid - 1] ?? NaN;
  return lower + (upper - lower) / 2;
}
