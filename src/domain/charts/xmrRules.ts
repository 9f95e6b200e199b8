/**
 * The four Making Data Count special-cause rules for an XmR chart, as NHS
 * England's SPC SQL query v2.6 applies them (step numbers are the query's):
 *
 * - Rule 1, single point (4F): a value above the upper or below the lower limit.
 * - Rule 2, shift (4G): 6 consecutive non-ghosted points of one period all above
 *   or all below its mean. A point ON the mean is neither above nor below (the
 *   query flags it 0 for both), so it breaks the run: unlike a run chart, where
 *   a point on the median is skipped.
 * - Rule 3, trend (4H): 6 consecutive non-ghosted points, endpoints included,
 *   each strictly above (or below) the one before; an equal neighbour breaks it.
 *   Since v2.2 a trend runs across recalculations ("allowing for crossing of
 *   partitions").
 * - Rule 4, two of three (4I): within a period, three consecutive non-ghosted
 *   points all on the same side of the mean, at least two of them beyond the 2σ
 *   line on that side. Since v2.6 a point beyond the limit counts as beyond 2σ.
 *   Only the points beyond 2σ are flagged. Overlapping windows make one signal.
 *
 * Earlier MDC guidance used runs of 7; v2.6 made 6 the default for both.
 */
import { compare } from './arithmetic.ts';
import { assess, levelOfMovement, levelOfSide } from './assessment.ts';
import { valueAt, type PreparedInput } from './input.ts';
import { MDC_XMR_RULES } from './mdcSettings.ts';
import { monotoneStretches, sameSignStretches } from './sequences.ts';
import type { Side, XmrSegment, XmrSignal } from './types.ts';
import type { Periods } from './xmrLimits.ts';

export function xmrSignals(input: PreparedInput, periods: Periods): XmrSignal[] {
  const { points, live, tolerance, direction } = input;
  const value = (i: number) => valueAt(points, i);
  const signals: XmrSignal[] = [];
  const push = (rule: 'outside-limits' | 'shift' | 'two-of-three', side: Side, indices: number[]) =>
    signals.push({
      rule,
      side,
      assessment: assess(levelOfSide(side), direction),
      indices,
      length: indices.length,
    });

  periods.segments.forEach((seg, s) => {
    const seq = live.filter((i) => periods.periodOf[i] === s);
    const side = (i: number) => compare(value(i), seg.mean, tolerance);
    for (const i of seq) {
      if (compare(value(i), seg.upperLimit, tolerance) > 0) push('outside-limits', 'above', [i]);
      if (compare(value(i), seg.lowerLimit, tolerance) < 0) push('outside-limits', 'below', [i]);
    }
    for (const run of sameSignStretches(seq.map(side))) {
      if (run.sign === 0 || run.end - run.start + 1 < MDC_XMR_RULES.shiftPoints) continue;
      push('shift', run.sign > 0 ? 'above' : 'below', seq.slice(run.start, run.end + 1));
    }
    for (const cluster of twoOfThree(seq, seg, input)) {
      push('two-of-three', cluster.side, cluster.indices);
    }
  });

  for (const t of monotoneStretches(live.map(value), tolerance, MDC_XMR_RULES.trendPoints)) {
    const indices = live.slice(t.start, t.end + 1);
    const assessment = assess(levelOfMovement(t.movement), direction);
    signals.push({
      rule: 'trend',
      movement: t.movement,
      assessment,
      indices,
      length: indices.length,
    });
  }
  return signals.sort((a, b) => (a.indices[0] ?? 0) - (b.indices[0] ?? 0));
}

/** Rule 4 over one period's counted points (`seq`, point indices in order). */
function twoOfThree(
  seq: readonly number[],
  seg: XmrSegment,
  { points, tolerance }: PreparedInput,
): { side: Side; indices: number[] }[] {
  const value = (i: number) => valueAt(points, i);
  const side = (i: number) => compare(value(i), seg.mean, tolerance);
  const beyond = (i: number, sign: number) =>
    sign > 0
      ? compare(value(i), seg.upperTwoSigma, tolerance) > 0
      : compare(value(i), seg.lowerTwoSigma, tolerance) < 0;
  const clusters: { sign: number; lastWindow: number; indices: Set<number> }[] = [];
  for (let w = 0; w + 2 < seq.length; w++) {
    const window = seq.slice(w, w + 3);
    const sign = side(window[0] ?? -1);
    if (sign === 0 || !window.every((i) => side(i) === sign)) continue;
    const hits = window.filter((i) => beyond(i, sign));
    if (hits.length < 2) continue;
    const last = clusters[clusters.length - 1];
    if (last && last.sign === sign && w - last.lastWindow <= 2) {
      hits.forEach((i) => last.indices.add(i));
      last.lastWindow = w;
    } else {
      clusters.push({ sign, lastWindow: w, indices: new Set(hits) });
    }
  }
  return clusters.map((c) => ({
    side: c.sign > 0 ? 'above' : 'below',
    indices: [...c.indices].sort((a, b) => a - b),
  }));
}
