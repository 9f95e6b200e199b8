/**
 * Fixed baselines and rebasing (issue #12, decision 0017), each case worked by
 * hand against Making Data Count's rules so a reviewer can check it with a
 * pencil. MDC: "fix the limits" on a baseline of 12 to 20 points and extend
 * them forward; after a change is put in place, rebase (recalculate) from the
 * point of change, ideally once the new period has at least 12 points; the
 * four rules are judged against the period's own lines (a trend may cross a
 * rebase, SPC SQL v2.2 onward). Dates run one a day from 2025-01-01, so index
 * i is 2025-01-(i + 1).
 */
import { describe, expect, it } from 'vitest';
import { boardRow, chartMeasure, periodWords } from '../../../src/domain/charts/index.ts';
import { asXmr, flagged, range, series } from './helpers.ts';

/** 10, 12 six times: twelve quiet points. */
const TWELVE = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];

/**
 * Twenty-four points of a "lower is better" measure, as in the e2e test:
 * 19, 21, 20 five times (15 points, the baseline), then 21, 20, 19, then a
 * change goes in and the values drop: 15, 17, 16, 15, 17, 16.
 */
const BASE15 = [19, 21, 20, 19, 21, 20, 19, 21, 20, 19, 21, 20, 19, 21, 20];
const TWENTY_FOUR = [...BASE15, 21, 20, 19, 15, 17, 16, 15, 17, 16];

describe('a fixed baseline', () => {
  it('fixes the mean and limits on the first 12 points and judges later points against them', () => {
    // values: TWELVE, then 13, 14, 13, 14, 13, 14, 17 (indices 12..18); higher is better
    // baseline (indices 0..11): mean = (6 × 10 + 6 × 12) / 12 = 132 / 12 = 11
    //   moving ranges among those 12 points: 11 of |12 − 10| = 2 → mean 2
    //   (the range |13 − 12| = 1 at index 12 is shown but not used: it is after the baseline)
    //   limits = 11 ± 2.66 × 2 = 11 ± 5.32 → 5.68 to 16.32, extended to index 18
    //   2σ upper = 11 + 2 × 5.32 / 3 = 14.5467
    // rule 1: 17 > 16.32 → index 18, improvement
    // rule 2: against 11, index 11 (12) and every later point are above: 8 in a row, 11..18
    // rule 3: no six strictly rising (13, 14, 13 … and 14, 17 break)
    // rule 4: only 17 is beyond 14.5467, so no two of three
    const values = [...TWELVE, 13, 14, 13, 14, 13, 14, 17];
    const chart = asXmr(
      chartMeasure({ points: series(values), direction: 'higher', baselinePoints: 12 }),
    );
    expect(chart.segments).toHaveLength(1);
    const seg = chart.segments[0];
    expect(seg).toMatchObject({
      baseline: true,
      pointCount: 19,
      limitPointCount: 12,
      limitEndIndex: 11,
      startIndex: 0,
      endIndex: 18,
    });
    expect(seg?.mean).toBeCloseTo(11, 9);
    expect(seg?.movingRangeMean).toBeCloseTo(2, 9);
    expect(seg?.upperLimit).toBeCloseTo(16.32, 9);
    expect(seg?.lowerLimit).toBeCloseTo(5.68, 9);
    expect(chart.points[12]?.movingRange).toBe(1);
    expect(chart.signals.map((s) => [s.rule, s.indices])).toEqual([
      ['shift', range(11, 18)],
      ['outside-limits', [18]],
    ]);
    expect(flagged(chart)).toEqual({ improvement: range(11, 18), concern: [] });
    expect(chart.variation).toBe('special-cause-improvement');
    expect(chart.warnings).toEqual([]);
    expect(chart.summary).toContain(
      'Baseline from 1 Jan 2025, fixed on the first 12 points: mean 11, limits 5.68 to 16.32, ' +
        'extended to 19 Jan 2025.',
    );

    // Without the baseline the same points move the lines: mean 230 / 19 = 12.105263,
    // moving ranges (22 + 1 + 5 + 3) / 18 = 1.722222.
    const unfixed = asXmr(chartMeasure({ points: series(values), direction: 'higher' }));
    expect(unfixed.segments[0]?.baseline).toBe(false);
    expect(unfixed.segments[0]?.limitPointCount).toBe(19);
    expect(unfixed.segments[0]?.mean).toBeCloseTo(230 / 19, 9);
    expect(unfixed.segments[0]?.movingRangeMean).toBeCloseTo(31 / 18, 9);
  });

  it('24 points, baseline on 15, no rebase: the drop after the change shows as improvement', () => {
    // lower is better. Baseline (indices 0..14): 19, 21, 20 five times
    //   mean = 5 × 60 / 15 = 20
    //   moving ranges: 2, 1, 1 repeated; 14 ranges = 4 × (2 + 1 + 1) + 2 + 1 = 19 → mean 19 / 14
    //   limits = 20 ± 2.66 × 19 / 14 = 20 ± 3.61 → 16.39 to 23.61, extended to index 23
    //   2σ lower = 20 − 2 × 3.61 / 3 = 17.5933
    // rule 1: 15 and 16 are below 16.39 (17 is not): indices 18, 20, 21, 23 → improvement
    //   (below, lower is better)
    // rule 2: index 16 is 20, ON the mean (breaks a run); 17..23 (19, 15, 17, 16, 15, 17, 16)
    //   are all below 20: seven in a row → shift 17..23, improvement
    // rule 3: 21, 20, 19, 15 fall for 4 points only; no trend
    // rule 4: below 17.5933 are 15, 17, 16, 15, 17, 16 (indices 18..23); the window 17..19
    //   (19, 15, 17) holds two of them, and every later window three → one signal 18..23
    const chart = asXmr(
      chartMeasure({ points: series(TWENTY_FOUR), direction: 'lower', baselinePoints: 15 }),
    );
    const seg = chart.segments[0];
    expect(seg).toMatchObject({ baseline: true, limitPointCount: 15, limitEndIndex: 14 });
    expect(seg?.mean).toBeCloseTo(20, 9);
    expect(seg?.movingRangeMean).toBeCloseTo(19 / 14, 9);
    expect(seg?.lowerLimit).toBeCloseTo(16.39, 9);
    expect(seg?.upperLimit).toBeCloseTo(23.61, 9);
    expect(seg?.lowerTwoSigma).toBeCloseTo(20 - (2 * 3.61) / 3, 9);
    expect(chart.signals.map((s) => [s.rule, s.assessment, s.indices])).toEqual([
      ['shift', 'improvement', range(17, 23)],
      ['outside-limits', 'improvement', [18]],
      ['two-of-three', 'improvement', range(18, 23)],
      ['outside-limits', 'improvement', [20]],
      ['outside-limits', 'improvement', [21]],
      ['outside-limits', 'improvement', [23]],
    ]);
    expect(flagged(chart)).toEqual({ improvement: range(17, 23), concern: [] });
    expect(chart.variation).toBe('special-cause-improvement');
    // Unfixed, the change would have dragged the mean down to 456 / 24 = 19.
    const unfixed = asXmr(chartMeasure({ points: series(TWENTY_FOUR), direction: 'lower' }));
    expect(unfixed.segments[0]?.mean).toBeCloseTo(19, 9);
    expect(boardRow(chart).period).toEqual({ from: '2025-01-01', kind: 'baseline', reason: null });
    expect(boardRow(unfixed).period?.kind).toBe('all-points');
  });

  it('with fewer points than the baseline asks for, uses all of them and says the limits will move', () => {
    // 13 points (TWELVE then 10), baseline asked on 15: limits from all 13.
    // mean = (7 × 10 + 6 × 12) / 13 = 142 / 13 = 10.923077; moving ranges 12 × 2 → 2
    const chart = asXmr(
      chartMeasure({ points: series([...TWELVE, 10]), direction: 'higher', baselinePoints: 15 }),
    );
    expect(chart.segments[0]).toMatchObject({ baseline: true, limitPointCount: 13 });
    expect(chart.segments[0]?.mean).toBeCloseTo(142 / 13, 9);
    expect(chart.warnings).toEqual([
      'The baseline is to be fixed on 15 points but has 13 so far: its limits will move with each new point until then.',
    ]);
  });

  it('refuses a baseline that is not a whole number of at least 2 points (a bug upstream)', () => {
    expect(() =>
      chartMeasure({ points: series(TWELVE), direction: 'higher', baselinePoints: 1.5 }),
    ).toThrow(RangeError);
  });
});

describe('rebasing', () => {
  it('24 points, baseline on 15, rebased at the 19th after a change: the new period has its own lines', () => {
    // Baseline period (indices 0..17): lines fixed on 0..14 as above, 20 and 16.39 to 23.61,
    //   extended to index 17 (21, 20, 19: all inside, 20 on the mean; no signal).
    // Rebased period (indices 18..23): 15, 17, 16, 15, 17, 16, all its own points
    //   mean = 96 / 6 = 16; moving ranges 2, 1, 1, 2, 1 = 7 / 5 = 1.4
    //   limits = 16 ± 2.66 × 1.4 = 16 ± 3.724 → 12.276 to 19.724
    //   sides against 16: below, above, on, below, above, on → no shift; nothing beyond 2σ
    //   (16 ± 2.4827); trend across the rebase: 21, 20, 19, 15 fall for 4 only → none.
    // So no signal at all: the new level is the process now, and the latest point is common
    // cause. The period rests on 6 points (< 12): MDC says wait for 12 to 15, so it warns.
    const extra = {
      18: { recalculate: true, reason: 'PDSA cycle 1: call bells answered in bay order' },
    };
    const chart = asXmr(
      chartMeasure({
        points: series(TWENTY_FOUR, extra),
        direction: 'lower',
        baselinePoints: 15,
      }),
    );
    expect(chart.segments).toHaveLength(2);
    const [base, rebased] = chart.segments;
    expect(base).toMatchObject({
      baseline: true,
      startIndex: 0,
      endIndex: 17,
      pointCount: 18,
      limitPointCount: 15,
      limitEndIndex: 14,
    });
    expect(base?.mean).toBeCloseTo(20, 9);
    expect(base?.lowerLimit).toBeCloseTo(16.39, 9);
    expect(rebased).toMatchObject({
      baseline: false,
      startIndex: 18,
      endIndex: 23,
      pointCount: 6,
      limitPointCount: 6,
      limitEndIndex: 23,
      reason: 'PDSA cycle 1: call bells answered in bay order',
    });
    expect(rebased?.mean).toBeCloseTo(16, 9);
    expect(rebased?.movingRangeMean).toBeCloseTo(1.4, 9);
    expect(rebased?.lowerLimit).toBeCloseTo(12.276, 9);
    expect(rebased?.upperLimit).toBeCloseTo(19.724, 9);
    // No moving range across the rebase: index 18 starts the new period.
    expect(chart.points[18]?.movingRange).toBeNull();
    expect(chart.points[18]?.segment).toBe(1);
    expect(chart.signals).toEqual([]);
    expect(chart.variation).toBe('common-cause');
    expect(chart.warnings).toEqual([
      'The limits from 19 Jan 2025 rest on 6 points; Making Data Count advises at least 12, so treat them as provisional.',
    ]);
    expect(chart.summary).toBe(
      'XmR chart, 24 points. ' +
        'Baseline from 1 Jan 2025, fixed on the first 15 points: mean 20, limits 16.39 to 23.61, ' +
        'extended to 18 Jan 2025. ' +
        'Rebased from 19 Jan 2025 (PDSA cycle 1: call bells answered in bay order): ' +
        'mean 16, limits 12.28 to 19.72. ' +
        'Signals: none. Variation: common cause. Assurance: no target set. ' +
        'The limits from 19 Jan 2025 rest on 6 points; Making Data Count advises at least 12, ' +
        'so treat them as provisional.',
    );

    // The board report reads the current (rebased) period.
    const row = boardRow(chart);
    expect(row.centre).toBeCloseTo(16, 9);
    expect(row.limits?.lower).toBeCloseTo(12.276, 9);
    expect(row.period).toEqual({
      from: '2025-01-19',
      kind: 'rebased',
      reason: 'PDSA cycle 1: call bells answered in bay order',
    });
  });

  it('a rebase inside the baseline ends it early: the baseline rests on the points before it', () => {
    // baseline asked on 15, rebase at index 9: the baseline period is indices 0..8,
    // 19, 21, 20 three times: mean 20, ranges 2, 1, 1, 2, 1, 1, 2, 1 = 11 / 8 = 1.375.
    // It holds 9 points, fewer than the 15 asked for and the 12 advised: two warnings.
    const chart = asXmr(
      chartMeasure({
        points: series(TWENTY_FOUR, { 9: { recalculate: true } }),
        direction: 'lower',
        baselinePoints: 15,
      }),
    );
    const [base, rebased] = chart.segments;
    expect(base).toMatchObject({ baseline: true, endIndex: 8, limitPointCount: 9 });
    expect(base?.mean).toBeCloseTo(20, 9);
    expect(base?.movingRangeMean).toBeCloseTo(11 / 8, 9);
    // The rebased period takes all its own 15 points; no reason was given.
    expect(rebased).toMatchObject({ baseline: false, startIndex: 9, limitPointCount: 15 });
    expect(rebased?.reason).toBeUndefined();
    expect(chart.summary).toContain('Rebased from 10 Jan 2025: mean');
    expect(chart.warnings).toEqual([
      'The baseline was to be fixed on 15 points, but the rebase at 10 Jan 2025 ends it after 9: its limits rest on those.',
      'The limits from 1 Jan 2025 rest on 9 points; Making Data Count advises at least 12, so treat them as provisional.',
    ]);
  });
});

describe('the data table’s period words', () => {
  it('names the baseline points, the extension, the rebase and its reason', () => {
    const chart = chartMeasure({
      points: series(TWENTY_FOUR, { 18: { recalculate: true, reason: 'PDSA cycle 1: bay order' } }),
      direction: 'lower',
      baselinePoints: 15,
    });
    expect(periodWords(chart, 0)).toBe('Baseline: the limits are fixed on these 15 points');
    expect(periodWords(chart, 14)).toBe('Baseline: the limits are fixed on these 15 points');
    expect(periodWords(chart, 15)).toBe('Baseline limits extended');
    expect(periodWords(chart, 18)).toBe('Rebased here: PDSA cycle 1: bay order');
    expect(periodWords(chart, 19)).toBe('Rebased period from 19 Jan 2025');
    const plain = chartMeasure({ points: series(TWENTY_FOUR), direction: 'lower' });
    expect(periodWords(plain, 3)).toBe('');
  });
});
