/**
 * The run chart and its probability-based rules, as set out by Perla, Provost &
 * Murray, "The run chart: a simple analytical tool for learning from variation
 * in healthcare processes", BMJ Qual Saf 2011;20:46-51:
 *
 * - Centre line: the median of the points that count (ghosted points do not).
 * - Shift: six or more consecutive points all above or all below the median.
 *   "Values that fall on the median do not add to nor break a shift": they are
 *   skipped, and are not among the points the shift flags.
 * - Trend: five or more consecutive points all going up or all going down. "If
 *   the value of two or more successive points is the same, ignore one": like
 *   values neither add to nor break a trend. The trend flags every point from
 *   its first to its last counted point, repeats in between included; its
 *   `length` counts each value once.
 * - Too few or too many runs: a run is one or more consecutive points on the
 *   same side of the median; points on the median are ignored. The count is
 *   judged against the paper's Table 1 for 10 to 60 useful observations,
 *   replaced by the exact limits where the paper's row risks more than 2.5%
 *   a tail (runsTable.ts). It says the pattern is not random, not which way is better,
 *   so it carries no improvement/concern class and colours no point.
 * - A point in both a shift and a trend of opposite classes is drawn in the
 *   trend's class (the ranking in assessment.ts).
 * - The fourth rule, an "astronomical" point, is a judgement the paper leaves to
 *   people looking at the chart; it is not automated.
 *
 * Recalculation marks are passed through but not applied: a run chart here is
 * the short-series view (fewer than 13 points) with one median.
 */
import { compare, median } from './arithmetic.ts';
import { assess, levelOfMovement, levelOfSide, resolvePoint, type RuleHit } from './assessment.ts';
import { valueAt, type PreparedInput } from './input.ts';
import { expectedRuns } from './runsTable.ts';
import { monotoneStretches, sameSignStretches } from './sequences.ts';
import { runSummary } from './summary.ts';
import {
  RUN_RULE_SET,
  type RunChart,
  type RunPoint,
  type RunRule,
  type RunSignal,
  type RunsTest,
} from './types.ts';

/** Rule lengths from Perla, Provost & Murray 2011, "Rules to help interpret a run chart". */
export const IHI_RUN_RULES = { shiftPoints: 6, trendPoints: 5 } as const;

/** A run chart of the prepared points; `reason` says why a run chart was chosen. */
export function runChart(input: PreparedInput, reason?: string): RunChart {
  const { points, live, tolerance, direction } = input;
  const values = live.map((i) => valueAt(points, i));
  const centre = median(values);
  const sign = (i: number) => compare(valueAt(points, i), centre, tolerance);

  const signals: RunSignal[] = [];
  const useful = live.filter((i) => sign(i) !== 0);
  const stretches = sameSignStretches(useful.map(sign));
  for (const s of stretches) {
    const length = s.end - s.start + 1;
    if (length < IHI_RUN_RULES.shiftPoints) continue;
    const side = s.sign > 0 ? 'above' : 'below';
    const assessment = assess(levelOfSide(side), direction);
    signals.push({
      rule: 'shift',
      side,
      assessment,
      indices: useful.slice(s.start, s.end + 1),
      length,
    });
  }

  // Trend: keep a value only if it differs from the last one kept, then look for runs.
  const counted: number[] = [];
  for (const i of live) {
    const last = counted[counted.length - 1];
    if (last === undefined || compare(valueAt(points, i), valueAt(points, last), tolerance) !== 0) {
      counted.push(i);
    }
  }
  const countedValues = counted.map((i) => valueAt(points, i));
  for (const t of monotoneStretches(countedValues, tolerance, IHI_RUN_RULES.trendPoints)) {
    const first = live.indexOf(counted[t.start] ?? -1);
    const last = live.indexOf(counted[t.end] ?? -1);
    const assessment = assess(levelOfMovement(t.movement), direction);
    const indices = live.slice(first, last + 1);
    signals.push({
      rule: 'trend',
      movement: t.movement,
      assessment,
      indices,
      length: t.end - t.start + 1,
    });
  }

  const expected = expectedRuns(useful.length);
  const count = stretches.length;
  const verdict: RunsTest['verdict'] =
    expected === null
      ? 'not-applicable'
      : count < expected.lower
        ? 'too-few'
        : count > expected.upper
          ? 'too-many'
          : 'expected';
  signals.sort((a, b) => (a.indices[0] ?? 0) - (b.indices[0] ?? 0));
  if (verdict === 'too-few' || verdict === 'too-many') {
    signals.push({ rule: 'runs', verdict, indices: useful, length: useful.length });
  }
  const runs: RunsTest = { count, usefulObservations: useful.length, expected, verdict };

  const chartPoints = points.map((p, index): RunPoint => {
    const ghost = p.ghost === true;
    const rules = new Set<Exclude<RunRule, 'runs'>>();
    const hits: RuleHit<Exclude<RunRule, 'runs'>>[] = [];
    for (const s of signals) {
      if (s.rule === 'runs' || !s.indices.includes(index)) continue;
      rules.add(s.rule);
      hits.push({ rule: s.rule, assessment: s.assessment });
    }
    const position = ghost ? null : sign(index) > 0 ? 'above' : sign(index) < 0 ? 'below' : 'on';
    return {
      index,
      date: p.date,
      value: p.value,
      ghost,
      recalculate: p.recalculate === true,
      ...(p.note === undefined ? {} : { note: p.note }),
      position,
      rules: [...rules],
      ...resolvePoint(hits, input.conflictRule),
    };
  });

  const chart: Omit<RunChart, 'summary'> = {
    kind: 'run',
    ruleSet: RUN_RULE_SET,
    ...(reason === undefined ? {} : { reason }),
    direction,
    target: input.target,
    median: centre,
    points: chartPoints,
    signals,
    runs,
  };
  return { ...chart, summary: runSummary(chart, input) };
}
