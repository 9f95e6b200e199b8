/**
 * Worked XmR examples, each with its arithmetic written out by hand, so that a
 * reviewer can check the limits and the flagged points with a pencil. Rules:
 * NHS England Making Data Count, SPC SQL query v2.6 (see xmrChart.ts). Dates
 * run one a day from 2025-01-01, so index i is 2025-01-(i + 1).
 */
import { describe, expect, it } from 'vitest';
import {
  chartMeasure,
  chartMeasureAsRunChart,
  type XmrSegment,
} from '../../../src/domain/charts/index.ts';
import { asRun, asXmr, day, flagged, range, series } from './helpers.ts';

/** 10, 12, 10, 12 … fourteen points: the quiet baseline several examples build on. */
const ALTERNATING = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];

function expectSegment(seg: XmrSegment | undefined, mean: number, mrMean: number): void {
  // mean ± 2.66 × mean moving range; the 1σ and 2σ lines at thirds of that width.
  const width = 2.66 * mrMean;
  expect(seg?.mean).toBeCloseTo(mean, 9);
  expect(seg?.movingRangeMean).toBeCloseTo(mrMean, 9);
  expect(seg?.upperLimit).toBeCloseTo(mean + width, 9);
  expect(seg?.lowerLimit).toBeCloseTo(mean - width, 9);
  expect(seg?.upperTwoSigma).toBeCloseTo(mean + (2 * width) / 3, 9);
  expect(seg?.upperOneSigma).toBeCloseTo(mean + width / 3, 9);
  expect(seg?.lowerOneSigma).toBeCloseTo(mean - width / 3, 9);
  expect(seg?.lowerTwoSigma).toBeCloseTo(mean - (2 * width) / 3, 9);
}

describe('XmR limits', () => {
  it('example 1: a stable series has limits at mean ± 2.66 × mean moving range and no signal', () => {
    // mean = (7 × 10 + 7 × 12) / 14 = 154 / 14 = 11
    // moving ranges: 13 of |12 − 10| = 2, so their mean is 2
    // limits = 11 ± 2.66 × 2 = 11 ± 5.32 → 5.68 to 16.32
    // 2σ = 11 ± 3.5467 → 7.4533 to 14.5467; 1σ = 11 ± 1.7733 → 9.2267 to 12.7733
    // nothing beyond 2σ, sides alternate (no shift), no 3 rising in a row (no trend)
    const chart = asXmr(chartMeasure({ points: series(ALTERNATING), direction: 'higher' }));
    expect(chart.ruleSet).toBe('Making Data Count (NHS England) XmR rules');
    expect(chart.segments).toHaveLength(1);
    expectSegment(chart.segments[0], 11, 2);
    expect(chart.segments[0]?.upperLimit).toBeCloseTo(16.32, 9);
    expect(chart.segments[0]?.lowerLimit).toBeCloseTo(5.68, 9);
    expect(chart.points.map((p) => p.movingRange)).toEqual([null, ...Array(13).fill(2)]);
    expect(chart.signals).toEqual([]);
    expect(chart.variation).toBe('common-cause');
    expect(chart.assurance).toBeNull();
    expect(chart.warnings).toEqual([]);
  });

  it('example 2: a single point above the upper limit is improvement when higher is better', () => {
    // values: the 14 alternating points, then 26
    // mean = (154 + 26) / 15 = 180 / 15 = 12 (so every 12 is ON the mean)
    // moving ranges: 13 × 2 = 26, plus |26 − 12| = 14 → 40 over 14 ranges = 2.857143
    // limits = 12 ± 2.66 × 40 / 14 = 12 ± 7.6 → 4.4 to 19.6; 26 > 19.6 → rule 1 at index 14
    // 2σ upper = 12 + 5.0667 = 17.0667: only 26 is beyond it, so no two-of-three
    const chart = asXmr(
      chartMeasure({ points: series([...ALTERNATING, 26]), direction: 'higher' }),
    );
    expectSegment(chart.segments[0], 12, 40 / 14);
    expect(chart.segments[0]?.upperLimit).toBeCloseTo(19.6, 9);
    expect(chart.segments[0]?.lowerLimit).toBeCloseTo(4.4, 9);
    expect(chart.signals).toEqual([
      {
        rule: 'outside-limits',
        side: 'above',
        assessment: 'improvement',
        indices: [14],
        length: 1,
      },
    ]);
    expect(flagged(chart)).toEqual({ improvement: [14], concern: [] });
    expect(chart.points[14]?.rules).toEqual(['outside-limits']);
    // The variation icon reads the latest point, which is the outlier.
    expect(chart.variation).toBe('special-cause-improvement');
    expect(chart.summary).toBe(
      'XmR chart, 15 points. Mean 12, limits 4.4 to 19.6. ' +
        'Signals: 1 point above the upper limit (15 Jan 2025, improvement). ' +
        'Variation: special cause improvement. Assurance: no target set.',
    );
  });

  it('example 3: the same data with lower-is-better makes the same point a concern', () => {
    // Same arithmetic as example 2; only the class flips: high is bad when lower is better.
    const chart = asXmr(chartMeasure({ points: series([...ALTERNATING, 26]), direction: 'lower' }));
    expect(chart.signals).toEqual([
      { rule: 'outside-limits', side: 'above', assessment: 'concern', indices: [14], length: 1 },
    ]);
    expect(flagged(chart)).toEqual({ improvement: [], concern: [14] });
    expect(chart.variation).toBe('special-cause-concern');
  });
});

describe('XmR rule 2: shift', () => {
  it('example 4: six points below the mean are a shift; the icon follows the latest point', () => {
    // values: 10 11 10 11 10 11 | 16 12 16 12 16 12 16 12
    // mean = (63 + 4 × 16 + 4 × 12) / 14 = 175 / 14 = 12.5
    // moving ranges: 5 × 1 + |16 − 11| = 5 + 7 × 4 → 38 over 13 = 2.923077
    // limits = 12.5 ± 2.66 × 38 / 13 = 12.5 ± 7.775385 → 4.724615 to 20.275385
    // 2σ = 12.5 ± 5.183590 → 7.316410 to 17.683590: nothing beyond
    // indices 0..5 are below 12.5: six in a row → shift (v2.6 default of 6)
    // after that 16 (above) and 12 (below) alternate: no further run
    const values = [10, 11, 10, 11, 10, 11, 16, 12, 16, 12, 16, 12, 16, 12];
    const chart = asXmr(chartMeasure({ points: series(values), direction: 'higher' }));
    expectSegment(chart.segments[0], 12.5, 38 / 13);
    expect(chart.signals).toEqual([
      { rule: 'shift', side: 'below', assessment: 'concern', indices: range(0, 5), length: 6 },
    ]);
    expect(flagged(chart)).toEqual({ improvement: [], concern: range(0, 5) });
    // MDC reads the variation icon from the last point only: 12 at index 13 is common cause.
    expect(chart.variation).toBe('common-cause');
    expect(chart.summary).toContain(
      'Signals: a shift of 6 points below the mean from 1 Jan 2025 (concern).',
    );
  });

  it('example 5: a point exactly on the mean breaks the run (MDC), so no shift', () => {
    // values: 10 11 10 12.5 11 10 11 | 16 12 16 12 16 12 16 12
    // mean = (75.5 + 112) / 15 = 187.5 / 15 = 12.5, so index 3 is ON the mean
    // below the mean: indices 0..2 and 4..6, three each; MDC counts a point on the
    // mean as neither above nor below, so it ends the run: no run of 6 → no shift
    // moving ranges: 1 + 1 + 2.5 + 1.5 + 1 + 1 + 5 + 7 × 4 = 41 over 14 = 2.928571
    // limits = 12.5 ± 2.66 × 41 / 14 = 12.5 ± 7.79; 2σ = 12.5 ± 5.1933: nothing beyond
    const values = [10, 11, 10, 12.5, 11, 10, 11, 16, 12, 16, 12, 16, 12, 16, 12];
    const chart = asXmr(chartMeasure({ points: series(values), direction: 'higher' }));
    expectSegment(chart.segments[0], 12.5, 41 / 14);
    expect(chart.signals).toEqual([]);
    expect(chart.variation).toBe('common-cause');
  });

  it('example 5b: a decimal value equal to the mean is on it, as in MDC’s decimal arithmetic', () => {
    // values (proportions): .2 .4 .1 .2 .4 .4 .5 .3 .3 .2 .2 .2 .3 .5
    // mean = 4.2 / 14 = 0.3 exactly in decimals, so indices 7, 8 and 12 are ON the mean
    // and break what would otherwise be six below it (indices 7..12) → no shift.
    // Binary floating point can make the mean 0.30000000000000004, putting the 0.3s below it
    // and inventing that shift; the engine compares within a billionth of the data's spread.
    // moving ranges: .2 .3 .1 .2 0 .1 .2 0 .1 0 0 .1 .2 = 1.5 over 13 = 0.115385
    // limits = 0.3 ± 2.66 × 1.5 / 13 = 0.3 ± 0.306923; 2σ = 0.3 ± 0.204615 → .095385 to .504615:
    // 0.5 and 0.1 stay inside, and no six points rise or fall in a row → no signal at all
    const values = [0.2, 0.4, 0.1, 0.2, 0.4, 0.4, 0.5, 0.3, 0.3, 0.2, 0.2, 0.2, 0.3, 0.5];
    const chart = asXmr(chartMeasure({ points: series(values), direction: 'higher' }));
    expectSegment(chart.segments[0], 0.3, 1.5 / 13);
    expect(chart.signals).toEqual([]);
  });
});

describe('XmR rule 3: trend', () => {
  it('example 6: six points each higher than the last are a trend, endpoints included', () => {
    // values: 10 12 10 12 10 12 10 12 | 8.5 9.5 10.5 11.5 12.5 13.5
    // mean = (88 + 66) / 14 = 11
    // moving ranges: 7 × 2 + |8.5 − 12| + 5 × 1 = 14 + 3.5 + 5 = 22.5 over 13 = 1.730769
    // limits = 11 ± 2.66 × 22.5 / 13 = 11 ± 4.603846 → 6.396154 to 15.603846
    // 2σ = 11 ± 3.069231 → 7.930769 to 14.069231: 8.5 and 13.5 stay inside
    // indices 8..13 rise at every step: 6 points → trend (12 → 8.5 falls, so it starts at 8)
    // sides: three below (8.5, 9.5, 10.5) then three above: no shift
    const values = [...ALTERNATING.slice(0, 8), 8.5, 9.5, 10.5, 11.5, 12.5, 13.5];
    const chart = asXmr(chartMeasure({ points: series(values), direction: 'higher' }));
    expectSegment(chart.segments[0], 11, 22.5 / 13);
    expect(chart.signals).toEqual([
      {
        rule: 'trend',
        movement: 'rising',
        assessment: 'improvement',
        indices: range(8, 13),
        length: 6,
      },
    ]);
    expect(chart.variation).toBe('special-cause-improvement');
  });

  it('example 7: an equal neighbour breaks an XmR trend but not a run chart trend', () => {
    // values: 10 12 10 12 10 12 10 12 | 8.5 9.5 11 11 12.5 13.5
    // mean = (88 + 66) / 14 = 11 again; moving ranges 14 + 3.5 + 1 + 1.5 + 0 + 1.5 + 1 = 22.5,
    // so the limits are those of example 6
    // XmR (MDC: strictly rising): 8.5 9.5 11 is 3 points, 11 = 11 ends it, 11 12.5 13.5 is 3 → no trend
    // run chart (IHI: like values neither make nor break a trend): 8.5 9.5 11 12.5 13.5 count 5 → trend
    //   median of the 14 values: sorted, the 7th and 8th are both 11 → median 11
    //   the trend covers indices 8..13 (the repeated 11 included) and counts 5 points
    const values = [...ALTERNATING.slice(0, 8), 8.5, 9.5, 11, 11, 12.5, 13.5];
    const xmr = asXmr(chartMeasure({ points: series(values), direction: 'higher' }));
    expectSegment(xmr.segments[0], 11, 22.5 / 13);
    expect(xmr.signals).toEqual([]);

    const run = asRun(chartMeasureAsRunChart({ points: series(values), direction: 'higher' }));
    expect(run.median).toBe(11);
    expect(run.signals).toEqual([
      {
        rule: 'trend',
        movement: 'rising',
        assessment: 'improvement',
        indices: range(8, 13),
        length: 5,
      },
    ]);
  });

  it('example 8: a trend runs across a recalculation of the limits', () => {
    // values: 12 10 12 10 12 10 9 10 11 | 12 13 14 13 14 13, limits recalculated from index 9
    // period A (0..8): mean = 96 / 9 = 10.666667; moving ranges 5 × 2 + 3 × 1 = 13 over 8 = 1.625
    //   limits = 10.666667 ± 4.3225 → 6.344167 to 14.989167; 2σ ± 2.881667: nothing beyond
    // period B (9..14): mean = 79 / 6 = 13.166667; moving ranges 5 × 1 over 5 = 1
    //   limits = 13.166667 ± 2.66 → 10.506667 to 15.826667; 2σ ± 1.773333: nothing beyond
    // 9 10 11 | 12 13 14 (indices 6..11) rise at every step: a trend across the boundary
    // the latest point, 13, is in no signal → common cause
    const values = [12, 10, 12, 10, 12, 10, 9, 10, 11, 12, 13, 14, 13, 14, 13];
    const chart = asXmr(
      chartMeasure({ points: series(values, { 9: { recalculate: true } }), direction: 'higher' }),
    );
    expect(chart.segments).toHaveLength(2);
    expectSegment(chart.segments[0], 96 / 9, 13 / 8);
    expectSegment(chart.segments[1], 79 / 6, 1);
    expect(chart.points[9]?.movingRange).toBeNull();
    expect(chart.signals).toEqual([
      {
        rule: 'trend',
        movement: 'rising',
        assessment: 'improvement',
        indices: range(6, 11),
        length: 6,
      },
    ]);
    expect(chart.variation).toBe('common-cause');
    expect(chart.warnings).toEqual([
      'The limits from 1 Jan 2025 rest on 9 points; Making Data Count advises at least 12, so treat them as provisional.',
      'The limits from 10 Jan 2025 rest on 6 points; Making Data Count advises at least 12, so treat them as provisional.',
    ]);
  });
});

describe('XmR rule 4: two of three beyond two sigma', () => {
  it('example 9: two of three points beyond the upper 2σ line, all three above the mean', () => {
    // values: the 12 alternating points, then 17 12 17
    // mean = (132 + 46) / 15 = 178 / 15 = 11.866667
    // moving ranges: 11 × 2 + 3 × 5 = 37 over 14 = 2.642857
    // limits = 11.866667 ± 2.66 × 37 / 14 = ± 7.03 → 4.836667 to 18.896667 (17 is inside)
    // 2σ upper = 11.866667 + 4.686667 = 16.553333: both 17s are beyond it
    // window 12..14 = 17, 12, 17: all above the mean (12 > 11.87), two beyond 2σ → flag 12 and 14
    // only the points beyond 2σ are flagged, not the 12 between them
    const values = [...ALTERNATING.slice(0, 12), 17, 12, 17];
    const chart = asXmr(chartMeasure({ points: series(values), direction: 'lower' }));
    expectSegment(chart.segments[0], 178 / 15, 37 / 14);
    expect(chart.segments[0]?.upperTwoSigma).toBeCloseTo(16.553333, 6);
    expect(chart.signals).toEqual([
      { rule: 'two-of-three', side: 'above', assessment: 'concern', indices: [12, 14], length: 2 },
    ]);
    expect(flagged(chart)).toEqual({ improvement: [], concern: [12, 14] });
    expect(chart.variation).toBe('special-cause-concern');
  });

  it('example 9b: a point beyond the limit also counts towards two of three (MDC v2.6)', () => {
    // values: 11 13 11 13 … (20 points), then 20 13 18
    // mean = (10 × 11 + 10 × 13 + 51) / 23 = 291 / 23 = 12.652174 (11s below, 13s above it)
    // moving ranges: 19 × 2 + |20 − 13| + |13 − 20| + |18 − 13| = 38 + 7 + 7 + 5 = 57 over 22
    //   = 2.590909
    // limits = 12.652174 ± 2.66 × 57 / 22 = ± 6.891818 → 5.760356 to 19.543992: 20 is above
    // 2σ upper = 12.652174 + 4.594545 = 17.246719: 20 and 18 are beyond it, 13 is above the
    // mean → two of three flags indices 20 and 22; before v2.6 only points between the 2σ
    // line and the limit counted, and 20 would not have
    const values = [...Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 11 : 13)), 20, 13, 18];
    const chart = asXmr(chartMeasure({ points: series(values), direction: 'higher' }));
    expectSegment(chart.segments[0], 291 / 23, 57 / 22);
    expect(chart.segments[0]?.upperLimit).toBeCloseTo(19.543992, 6);
    expect(chart.segments[0]?.upperTwoSigma).toBeCloseTo(17.246719, 6);
    expect(chart.signals).toEqual([
      {
        rule: 'outside-limits',
        side: 'above',
        assessment: 'improvement',
        indices: [20],
        length: 1,
      },
      {
        rule: 'two-of-three',
        side: 'above',
        assessment: 'improvement',
        indices: [20, 22],
        length: 2,
      },
    ]);
    expect(chart.points[20]?.rules).toEqual(['outside-limits', 'two-of-three']);
    expect(chart.variation).toBe('special-cause-improvement');
  });

  it('example 10: no signal when the third point is on the other side of the mean', () => {
    // values: the 12 alternating points, then 17 11 17
    // mean = (132 + 45) / 15 = 177 / 15 = 11.8
    // moving ranges: 11 × 2 + 5 + 6 + 6 = 39 over 14 = 2.785714; limits 11.8 ± 7.41
    // 2σ upper = 11.8 + 4.94 = 16.74: both 17s are beyond it, but 11 < 11.8 is below the
    // mean, and MDC requires all three points on the same side → no signal
    const values = [...ALTERNATING.slice(0, 12), 17, 11, 17];
    const chart = asXmr(chartMeasure({ points: series(values), direction: 'lower' }));
    expectSegment(chart.segments[0], 11.8, 39 / 14);
    expect(chart.signals).toEqual([]);
  });
});

describe('recalculation and ghosting', () => {
  it('example 11: a recalculation gives each period its own mean, moving ranges and limits', () => {
    // period A (0..7): 10 12 … mean 11, moving ranges 7 × 2 → 2; limits 11 ± 5.32 → 5.68 to 16.32
    // period B (8..15): 20 24 … mean 22, moving ranges 7 × 4 → 4; limits 22 ± 10.64 → 11.36 to 32.64
    // the range |20 − 12| across the boundary is not used: index 8 has no moving range
    // within each period the points alternate about its mean: no signal
    // target 15, higher is better: 11.36 < 15 < 32.64 in the latest period → hit or miss
    const values = [...ALTERNATING.slice(0, 8), 20, 24, 20, 24, 20, 24, 20, 24];
    const chart = asXmr(
      chartMeasure({
        points: series(values, { 8: { recalculate: true } }),
        direction: 'higher',
        target: 15,
      }),
    );
    expect(chart.segments.map((s) => [s.startIndex, s.endIndex, s.pointCount])).toEqual([
      [0, 7, 8],
      [8, 15, 8],
    ]);
    expectSegment(chart.segments[0], 11, 2);
    expectSegment(chart.segments[1], 22, 4);
    expect(chart.segments[1]?.lowerLimit).toBeCloseTo(11.36, 9);
    expect(chart.segments[1]?.upperLimit).toBeCloseTo(32.64, 9);
    expect(chart.points[8]?.movingRange).toBeNull();
    expect(chart.points.map((p) => p.segment)).toEqual([...Array(8).fill(0), ...Array(8).fill(1)]);
    expect(chart.signals).toEqual([]);
    expect(chart.assurance).toBe('hit-or-miss');
    expect(chart.summary).toContain(
      'From 1 Jan 2025: mean 11, limits 5.7 to 16.3. Rebased from 9 Jan 2025: mean 22, limits 11.4 to 32.6.',
    );
  });

  it('example 12: without the recalculation the same data shows two shifts', () => {
    // one period: mean = (88 + 176) / 16 = 16.5; the first 8 are below it, the last 8 above
    // moving ranges: 7 × 2 + |20 − 12| + 7 × 4 = 50 over 15 = 3.333333; limits 16.5 ± 8.866667
    const values = [...ALTERNATING.slice(0, 8), 20, 24, 20, 24, 20, 24, 20, 24];
    const chart = asXmr(chartMeasure({ points: series(values), direction: 'higher' }));
    expectSegment(chart.segments[0], 16.5, 50 / 15);
    expect(chart.signals.filter((s) => s.rule === 'shift')).toEqual([
      { rule: 'shift', side: 'below', assessment: 'concern', indices: range(0, 7), length: 8 },
      { rule: 'shift', side: 'above', assessment: 'improvement', indices: range(8, 15), length: 8 },
    ]);
  });

  it('example 13: a ghosted outlier moves nothing and is never flagged', () => {
    // the 14 alternating points with a ghosted 100 between index 6 (10) and index 8 (12)
    // counted points are those of example 1: mean 11; the moving range of index 8 is taken
    // from its non-ghosted neighbour, |12 − 10| = 2, so the mean moving range stays 2
    // and the limits stay 5.68 to 16.32; the 100 is drawn but carries no rule
    const values = [10, 12, 10, 12, 10, 12, 10, 100, 12, 10, 12, 10, 12, 10, 12];
    const chart = asXmr(
      chartMeasure({ points: series(values, { 7: { ghost: true } }), direction: 'higher' }),
    );
    expectSegment(chart.segments[0], 11, 2);
    expect(chart.points[7]).toMatchObject({
      ghost: true,
      movingRange: null,
      rules: [],
      special: null,
      conflict: false,
    });
    expect(chart.points[8]?.movingRange).toBe(2);
    expect(chart.signals).toEqual([]);
    expect(chart.summary).toMatch(/^XmR chart, 14 points \(1 ghosted point left out\)\./);
  });

  it('example 14: the same outlier, not ghosted, moves the mean and is flagged', () => {
    // mean = (154 + 100) / 15 = 254 / 15 = 16.933333
    // moving ranges: 12 × 2 + |100 − 10| + |12 − 100| = 24 + 90 + 88 = 202 over 14 = 14.428571
    // limits = 16.933333 ± 2.66 × 202 / 14 = ± 38.38 → −21.446667 to 55.313333: 100 is above
    // every other point is below 16.93: indices 0..6 and 8..14 are two shifts of 7
    const values = [10, 12, 10, 12, 10, 12, 10, 100, 12, 10, 12, 10, 12, 10, 12];
    const chart = asXmr(chartMeasure({ points: series(values), direction: 'higher' }));
    expectSegment(chart.segments[0], 254 / 15, 202 / 14);
    expect(chart.signals).toEqual([
      { rule: 'shift', side: 'below', assessment: 'concern', indices: range(0, 6), length: 7 },
      { rule: 'outside-limits', side: 'above', assessment: 'improvement', indices: [7], length: 1 },
      { rule: 'shift', side: 'below', assessment: 'concern', indices: range(8, 14), length: 7 },
    ]);
  });

  it('example 15: a recalculation that would leave a period of one point is not applied', () => {
    // marked on the last of 14 points: the period after it would hold 1 point, which has no
    // moving range; the chart keeps one period (example 1's limits) and says why
    const chart = asXmr(
      chartMeasure({
        points: series(ALTERNATING, { 13: { recalculate: true } }),
        direction: 'higher',
      }),
    );
    expect(chart.segments).toHaveLength(1);
    expectSegment(chart.segments[0], 11, 2);
    expect(chart.points[13]?.recalculate).toBe(true);
    expect(chart.warnings).toEqual([
      'The rebase at 14 Jan 2025 was not applied: each period needs at least 2 points.',
    ]);
  });
});

describe('improvement, concern and conflicts', () => {
  // values: 14 22 14 22 14 22 14 22 | 11 12 13 14 15 16
  // mean = (144 + 81) / 14 = 225 / 14 = 16.071429
  // moving ranges: 7 × 8 + |11 − 22| + 5 × 1 = 56 + 11 + 5 = 72 over 13 = 5.538462
  // limits = 16.071429 ± 2.66 × 72 / 13 = ± 14.732308 → 1.339121 to 30.803736
  // 2σ = 16.071429 ± 9.821538 → 6.249890 to 25.892967: nothing beyond
  // indices 8..13 are all below the mean (16 < 16.07): a shift below, concern when higher is better
  // and the same six rise at every step: a trend up, improvement → each of them is in conflict
  const values = [14, 22, 14, 22, 14, 22, 14, 22, 11, 12, 13, 14, 15, 16];

  it('example 16: a rising trend below the mean is improvement: the trend outranks the shift', () => {
    const chart = asXmr(chartMeasure({ points: series(values), direction: 'higher' }));
    expectSegment(chart.segments[0], 225 / 14, 72 / 13);
    expect(chart.signals).toEqual([
      { rule: 'shift', side: 'below', assessment: 'concern', indices: range(8, 13), length: 6 },
      {
        rule: 'trend',
        movement: 'rising',
        assessment: 'improvement',
        indices: range(8, 13),
        length: 6,
      },
    ]);
    for (const i of range(8, 13)) {
      expect(chart.points[i]).toMatchObject({
        special: 'improvement',
        conflict: true,
        rules: ['shift', 'trend'],
      });
    }
    expect(chart.variation).toBe('special-cause-improvement');
  });

  it('example 17: the conflict setting no longer overturns a stronger rule (MDC v2.6a)', () => {
    // the trend (rank 4) outranks the shift (rank 3) whatever the setting: clash.test.ts
    const chart = asXmr(
      chartMeasure({ points: series(values), direction: 'higher', conflictRule: 'concern' }),
    );
    expect(flagged(chart)).toEqual({ improvement: range(8, 13), concern: [] });
    expect(chart.points[8]?.decidedBy).toEqual({ rule: 'trend', over: 'shift', bySetting: false });
    expect(chart.variation).toBe('special-cause-improvement');
  });
});

describe('assurance against a target', () => {
  // Example 1's data: mean 11, limits 5.68 to 16.32 (11 ± 2.66 × 2).
  const assurance = (target: number, direction: 'higher' | 'lower') =>
    asXmr(chartMeasure({ points: series(ALTERNATING), direction, target })).assurance;

  it('example 18: higher is better, target below the lower limit → will consistently hit', () => {
    expect(assurance(5, 'higher')).toBe('will-hit'); // 5 ≤ 5.68
    expect(assurance(5.68, 'higher')).toBe('will-hit'); // on the limit counts as beyond (MDC v2.1)
  });

  it('example 19: higher is better, target above the upper limit → will consistently miss', () => {
    expect(assurance(17, 'higher')).toBe('will-miss'); // 17 ≥ 16.32
    expect(assurance(16.32, 'higher')).toBe('will-miss');
  });

  it('example 20: target between the limits → hit or miss, whichever way is better', () => {
    expect(assurance(12, 'higher')).toBe('hit-or-miss'); // 5.68 < 12 < 16.32
    expect(assurance(12, 'lower')).toBe('hit-or-miss');
  });

  it('example 21: lower is better mirrors the verdicts', () => {
    expect(assurance(17, 'lower')).toBe('will-hit'); // every value stays below 16.32 < 17
    expect(assurance(5, 'lower')).toBe('will-miss'); // every value stays above 5.68 > 5
  });

  it('reads the limits of the latest period and says so in words', () => {
    // example 11's latest period runs 11.36 to 32.64; a target of 10 is below it → will hit
    const values = [...ALTERNATING.slice(0, 8), 20, 24, 20, 24, 20, 24, 20, 24];
    const chart = asXmr(
      chartMeasure({
        points: series(values, { 8: { recalculate: true } }),
        direction: 'higher',
        target: 10,
      }),
    );
    expect(chart.assurance).toBe('will-hit');
    expect(chart.summary).toContain('Assurance: will consistently hit the target of 10.');
  });
});

describe('input handling', () => {
  it('charts points in date order and passes annotations through', () => {
    const points = series([...ALTERNATING, 26], { 14: { note: 'new discharge checklist' } });
    const chart = asXmr(chartMeasure({ points: [...points].reverse(), direction: 'higher' }));
    expect(chart.points.map((p) => p.date)).toEqual(points.map((p) => p.date));
    expect(chart.points[14]).toMatchObject({ date: day(14), note: 'new discharge checklist' });
    expect(chart.points[0]).not.toHaveProperty('note');
  });

  it('refuses a value that is not a finite number: the measure schema should never let one in', () => {
    const points = series([...ALTERNATING.slice(0, 13), Number.NaN]);
    expect(() => chartMeasure({ points, direction: 'higher' })).toThrow(RangeError);
  });
});
