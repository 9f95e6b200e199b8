/**
 * The periods of an XmR chart and the lines of each, following NHS England
 * "Making Data Count" (MDC), SPC SQL query v2.6:
 *
 * - Periods (step 4B, [PartitionID]): a new period starts at each point marked
 *   "recalculate", ghosted or not. A mark that would leave a period with fewer
 *   than 2 counted points is not applied (there would be no moving range, and
 *   MDC would draw no limits); the caller warns about it.
 * - Lines (step 4E): per period, the mean of its non-ghosted values; moving
 *   ranges |x_i − x_(i−1)| between consecutive non-ghosted points of the same
 *   period, none across a recalculation ([MovingRangeWithPartition]); limits at
 *   mean ± 2.66 × mean moving range; the 1σ and 2σ lines one and two thirds of
 *   the way from the mean to each limit. MDC's tools do not screen moving-range
 *   outliers by default (@ExcludeMovingRangeOutliers = 0), and neither does this.
 * - A fixed baseline (MDC "fix the limits", decision 0017): when the measure
 *   sets `baselinePoints` N, the first period's mean and moving-range mean come
 *   from its first N non-ghosted points only (the first N − 1 moving ranges),
 *   and those lines are extended to the period's end, the next rebase. With
 *   fewer than N points so far, all of them are used and the chart warns. A
 *   rebased period (every later one) takes its lines from all its own points,
 *   as MDC's recalculation does.
 */
import { mean } from './arithmetic.ts';
import { valueAt, type PreparedInput } from './input.ts';
import { MDC_XMR_RULES } from './mdcSettings.ts';
import type { XmrSegment } from './types.ts';

export type Periods = {
  readonly segments: readonly XmrSegment[];
  /** The period of each point, by point index. */
  readonly periodOf: readonly number[];
  /** Moving range by point index; absent for ghosts and each period's first point. */
  readonly movingRange: ReadonlyMap<number, number>;
  /** Indices of "recalculate" marks that were not applied. */
  readonly ignored: readonly number[];
};

export function xmrPeriods(input: PreparedInput): Periods {
  const { points, live } = input;
  const value = (i: number) => valueAt(points, i);
  const { starts, ignored } = periodStarts(input);
  const periodOf = points.map((_, i) => starts.filter((s) => s <= i).length - 1);
  const movingRange = new Map<number, number>();
  const segments = starts.map((startIndex, s): XmrSegment => {
    const endIndex = (starts[s + 1] ?? points.length) - 1;
    const seq = live.filter((i) => i >= startIndex && i <= endIndex);
    const ranges = seq.slice(1).map((i, k) => Math.abs(value(i) - value(seq[k] ?? i)));
    seq.slice(1).forEach((i, k) => movingRange.set(i, ranges[k] ?? 0));
    const baseline = s === 0 && input.baselinePoints !== null;
    const basis = baseline ? seq.slice(0, input.baselinePoints ?? seq.length) : seq;
    const centre = mean(basis.map(value));
    const mrMean = mean(ranges.slice(0, basis.length - 1));
    const width = MDC_XMR_RULES.limitFactor * mrMean;
    const reason = s === 0 ? undefined : points[startIndex]?.reason?.trim();
    return {
      startIndex,
      endIndex,
      startDate: points[startIndex]?.date ?? '',
      pointCount: seq.length,
      baseline,
      limitPointCount: basis.length,
      limitEndIndex: basis[basis.length - 1] ?? endIndex,
      ...(reason ? { reason } : {}),
      mean: centre,
      movingRangeMean: mrMean,
      upperLimit: centre + width,
      lowerLimit: centre - width,
      upperTwoSigma: centre + (width * 2) / 3,
      upperOneSigma: centre + width / 3,
      lowerOneSigma: centre - width / 3,
      lowerTwoSigma: centre - (width * 2) / 3,
    };
  });
  return { segments, periodOf, movingRange, ignored };
}

/**
 * Where each period starts: index 0, then every marked point that leaves at
 * least 2 counted points both in the period it closes and after it.
 */
function periodStarts(input: PreparedInput): { starts: number[]; ignored: number[] } {
  const { points, live } = input;
  const countedBefore = (i: number) => live.filter((j) => j < i).length;
  const starts = [0];
  const ignored: number[] = [];
  points.forEach((p, i) => {
    if (i === 0 || p.recalculate !== true) return;
    const before = countedBefore(i) - countedBefore(starts[starts.length - 1] ?? 0);
    const after = live.length - countedBefore(i);
    if (before >= 2 && after >= 2) starts.push(i);
    else ignored.push(i);
  });
  return { starts, ignored };
}
