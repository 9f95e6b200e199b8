/**
 * Worked run chart examples, arithmetic by hand, for the IHI rules of Perla,
 * Provost & Murray (BMJ Qual Saf 2011;20:46-51): shift of 6 about the median,
 * trend of 5, too few or too many runs (their Table 1). Also when the engine
 * chooses a run chart: fewer than 13 counted points (Making Data Count), and
 * what it says when there is nothing to chart. Index i is 2025-01-(i + 1).
 */
import { describe, expect, it } from 'vitest';
import {
  chartMeasure,
  chartMeasureAsRunChart,
  expectedRuns,
  RUNS_TABLE,
} from '../../../src/domain/charts/index.ts';
import { asRun, flagged, range, series } from './helpers.ts';

describe('run chart rules', () => {
  it('example R1: points on the median neither add to nor break a shift, nor split a run', () => {
    // values: 2 3 2 5 3 2 3 | 8 9 8 9 8 9 (13 points, asked for as a run chart)
    // sorted: 2 2 2 3 3 3 5 8 8 8 9 9 9 → median is the 7th value, 5; index 3 is ON it
    // below: indices 0 1 2 (4 skipped) 4 5 6 → six useful points → a shift below
    // above: indices 7..12 → six → a shift above
    // runs: the point on the median is ignored, so below-run then above-run = 2 runs
    //   in 12 useful observations; Table 1 at 12 expects 3 to 11 → 2 is too few
    // trend: longest rise is 2 3 8 9 (indices 5..8), 4 points → none
    const chart = asRun(
      chartMeasureAsRunChart({
        points: series([2, 3, 2, 5, 3, 2, 3, 8, 9, 8, 9, 8, 9]),
        direction: 'higher',
      }),
    );
    expect(chart.ruleSet).toBe('IHI run chart rules (Perla, Provost & Murray 2011)');
    expect(chart).not.toHaveProperty('reason');
    expect(chart.median).toBe(5);
    expect(chart.points[3]).toMatchObject({ position: 'on', special: null, rules: [] });
    const useful = [0, 1, 2, 4, 5, 6, ...range(7, 12)];
    expect(chart.signals).toEqual([
      {
        rule: 'shift',
        side: 'below',
        assessment: 'concern',
        indices: [0, 1, 2, 4, 5, 6],
        length: 6,
      },
      { rule: 'shift', side: 'above', assessment: 'improvement', indices: range(7, 12), length: 6 },
      { rule: 'runs', verdict: 'too-few', indices: useful, length: 12 },
    ]);
    expect(chart.runs).toEqual({
      count: 2,
      usefulObservations: 12,
      expected: { lower: 3, upper: 11 },
      verdict: 'too-few',
    });
    expect(flagged(chart)).toEqual({ improvement: range(7, 12), concern: [0, 1, 2, 4, 5, 6] });
    expect(chart.summary).toBe(
      'Run chart, 13 points. Median 5. Signals: ' +
        'a shift of 6 points below the median from 1 Jan 2025 (concern); ' +
        'a shift of 6 points above the median from 8 Jan 2025 (improvement); ' +
        'too few runs (2 in 12 points off the median; 3 to 11 expected).',
    );
  });

  it('example R2: equal neighbours count once in a trend, and lower-is-better makes a rise a concern', () => {
    // values: 3 5 5 6 7 8 4 2 3 1 (10 points → a run chart: fewer than 13)
    // trend: dropping the repeated 5 leaves 3 5 6 7 8 → five points rising → a trend
    //   it spans indices 0..5 (the repeat included) and counts 5; falling 8 4 2 is only 3
    // median: sorted 1 2 3 3 4 5 5 6 7 8 → (4 + 5) / 2 = 4.5
    // sides: below, above × 5, below × 4 → 3 runs in 10 useful; Table 1 at 10: 3 to 9 → as expected
    // longest run on one side is 5 → no shift
    const chart = asRun(
      chartMeasure({ points: series([3, 5, 5, 6, 7, 8, 4, 2, 3, 1]), direction: 'lower' }),
    );
    expect(chart.reason).toBe('Fewer than 13 points: showing a run chart');
    expect(chart.median).toBe(4.5);
    expect(chart.signals).toEqual([
      { rule: 'trend', movement: 'rising', assessment: 'concern', indices: range(0, 5), length: 5 },
    ]);
    expect(chart.runs).toEqual({
      count: 3,
      usefulObservations: 10,
      expected: { lower: 3, upper: 9 },
      verdict: 'expected',
    });
    expect(chart.summary).toBe(
      'Run chart, 10 points. Fewer than 13 points: showing a run chart. Median 4.5. ' +
        'Signals: a trend of 5 points rising from 1 Jan 2025 (concern).',
    );
  });

  it('example R3: repeated values do not add to a trend either', () => {
    // values: 3 5 5 5 6 7 1 2 1 2 → without repeats 3 5 6 7 is only 4 rising → no trend
    // median: sorted 1 1 2 2 3 5 5 5 6 7 → (3 + 5) / 2 = 4; sides b a a a a a b b b b
    // → 3 runs in 10 useful (3 to 9 expected), longest run 5 → no shift
    const chart = asRun(
      chartMeasure({ points: series([3, 5, 5, 5, 6, 7, 1, 2, 1, 2]), direction: 'higher' }),
    );
    expect(chart.median).toBe(4);
    expect(chart.signals).toEqual([]);
    expect(chart.runs.verdict).toBe('expected');
  });

  it('example R4: a measure that flips every time has too many runs', () => {
    // values: 1 3 1 3 … 12 points; median (1 + 3) / 2 = 2; every point is useful and each
    // is its own run: 12 runs in 12 useful; Table 1 at 12 allows at most 11 → too many
    const values = [1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3];
    const chart = asRun(chartMeasure({ points: series(values), direction: 'higher' }));
    expect(chart.median).toBe(2);
    expect(chart.runs).toEqual({
      count: 12,
      usefulObservations: 12,
      expected: { lower: 3, upper: 11 },
      verdict: 'too-many',
    });
    expect(chart.signals).toEqual([
      { rule: 'runs', verdict: 'too-many', indices: range(0, 11), length: 12 },
    ]);
    // The runs rule has no direction: it colours no point.
    expect(flagged(chart)).toEqual({ improvement: [], concern: [] });
  });

  it('example R5: fewer than 10 points off the median are too few to test the number of runs', () => {
    // values: 1 2 3 2 1 2 3 2 1; median 2 (the 5th of 1 1 1 2 2 2 2 3 3)
    // the four 2s sit on the median: 5 useful points, below the table's 10 → not applicable
    // their sides b a b a b make 5 runs; the longest rise 1 2 3 is 3 points → no trend
    const chart = asRun(
      chartMeasure({ points: series([1, 2, 3, 2, 1, 2, 3, 2, 1]), direction: 'higher' }),
    );
    expect(chart.median).toBe(2);
    expect(chart.runs).toEqual({
      count: 5,
      usefulObservations: 5,
      expected: null,
      verdict: 'not-applicable',
    });
    expect(chart.signals).toEqual([]);
  });

  it('example R6: a ghosted point is left out of the median and never flagged', () => {
    // example R2 with a ghosted 100 on day 11: the median of the counted points is still 4.5
    // and the trend is unchanged; the 100 is drawn with no position and no rule
    const chart = asRun(
      chartMeasure({
        points: series([3, 5, 5, 6, 7, 8, 4, 2, 3, 1, 100], { 10: { ghost: true } }),
        direction: 'lower',
      }),
    );
    expect(chart.median).toBe(4.5);
    expect(chart.points[10]).toMatchObject({
      ghost: true,
      position: null,
      rules: [],
      special: null,
    });
    expect(chart.signals.map((s) => s.indices)).toEqual([range(0, 5)]);
    expect(chart.summary).toMatch(/^Run chart, 10 points \(1 ghosted point left out\)\./);
  });
});

describe('which chart', () => {
  const thirteen = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10];

  it('example R7: 12 counted points make a run chart, 13 an XmR chart', () => {
    expect(chartMeasure({ points: series(thirteen.slice(0, 12)), direction: 'higher' }).kind).toBe(
      'run',
    );
    expect(chartMeasure({ points: series(thirteen), direction: 'higher' }).kind).toBe('xmr');
  });

  it('example R8: ghosted points do not count towards the 13', () => {
    // 13 points of which one is ghosted: 12 count → a run chart, with the reason
    const chart = asRun(
      chartMeasure({ points: series(thirteen, { 4: { ghost: true } }), direction: 'higher' }),
    );
    expect(chart.reason).toBe('Fewer than 13 points: showing a run chart');
    expect(chart.points).toHaveLength(13);
  });

  it('says there is nothing to chart when there are no points, or only ghosted ones', () => {
    expect(chartMeasure({ points: [], direction: 'higher' })).toEqual({
      kind: 'empty',
      reason: 'No points yet',
      points: [],
      summary: 'No points yet: nothing to chart.',
    });
    const ghosts = series([1, 2], { 0: { ghost: true }, 1: { ghost: true } });
    const chart = chartMeasure({ points: ghosts, direction: 'higher' });
    expect(chart.kind).toBe('empty');
    expect(chart.summary).toBe('All 2 points are ghosted: nothing to chart.');
  });
});

describe('the runs table (Perla, Provost & Murray 2011, Table 1, corrected where it breaks 2.5% a tail)', () => {
  it('covers 10 to 60 useful observations, one row each, with sensible limits', () => {
    expect(RUNS_TABLE.map(([n]) => n)).toEqual(range(10, 60));
    RUNS_TABLE.forEach(([n, lower, upper], k) => {
      expect(lower).toBeGreaterThanOrEqual(2);
      expect(upper).toBeLessThanOrEqual(n);
      expect(lower).toBeLessThan(upper);
      const previous = RUNS_TABLE[k - 1];
      if (previous) {
        expect(lower).toBeGreaterThanOrEqual(previous[1]);
        expect(upper).toBeGreaterThanOrEqual(previous[2]);
      }
    });
  });

  it('gives the limits for a count in the table and none outside it', () => {
    expect(expectedRuns(10)).toEqual({ lower: 3, upper: 9 });
    expect(expectedRuns(20)).toEqual({ lower: 6, upper: 16 });
    expect(expectedRuns(41)).toEqual({ lower: 15, upper: 28 }); // the paper: 16 to 26 (runsTable.ts)
    expect(expectedRuns(60)).toEqual({ lower: 24, upper: 38 }); // the paper: 24 to 37
    expect(expectedRuns(9)).toBeNull();
    expect(expectedRuns(61)).toBeNull();
  });
});
