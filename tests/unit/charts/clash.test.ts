/**
 * Rule clash: a point caught by an improvement rule and a concern rule is drawn
 * in the class of the stronger rule, as NHS England's SPC SQL query v2.6a does
 * (step 4J, #ConflictRanking) and its "SPC Rule Clash" note v1.0 explains:
 * trend (4) > shift (3) > two of three (2) > single point beyond a limit (1).
 * The measure's conflict setting only breaks a tie (both classes hold the same
 * top rule). See src/domain/charts/assessment.ts.
 *
 * Which pairs can meet on one point: shift, two of three and a point beyond a
 * limit each sit on one side of the mean, and a point is on one side only, so
 * two of them never clash with each other on a chart; the trend is the only
 * rule that can sit on the "wrong" side. The ranking itself is checked for all
 * six pairs directly; the charts below are worked cases of every pair that can
 * happen, in both directions of improvement and with both settings.
 * Dates run one a day from 2025-01-01, so index i is 2025-01-(i + 1).
 */
import { describe, expect, it } from 'vitest';
import { resolvePoint, type RuleHit } from '../../../src/domain/charts/assessment.ts';
import {
  chartMeasure,
  chartMeasureAsRunChart,
  type Assessment,
  type ConflictRule,
  type Direction,
  type XmrRule,
} from '../../../src/domain/charts/index.ts';
import { asRun, asXmr, flagged, range, series } from './helpers.ts';

const SETTINGS: readonly ConflictRule[] = ['improvement', 'concern'];
const other = (a: Assessment): Assessment => (a === 'improvement' ? 'concern' : 'improvement');

describe('the ranking, rule against rule', () => {
  const ranked: readonly XmrRule[] = ['trend', 'shift', 'two-of-three', 'outside-limits'];
  const pairs = ranked.flatMap((strong, i) => ranked.slice(i + 1).map((weak) => [strong, weak]));

  it('has six pairs', () => expect(pairs).toHaveLength(6));

  for (const [strong, weak] of pairs) {
    for (const cls of ['improvement', 'concern'] as const) {
      it(`${strong} (${cls}) beats ${weak} (${other(cls)}) whatever the setting`, () => {
        for (const setting of SETTINGS) {
          const hits: RuleHit<XmrRule>[] = [
            { rule: weak ?? 'trend', assessment: other(cls) },
            { rule: strong ?? 'trend', assessment: cls },
          ];
          expect(resolvePoint(hits, setting)).toEqual({
            special: cls,
            conflict: true,
            decidedBy: { rule: strong, over: weak, bySetting: false },
          });
        }
      });
    }
  }

  it("each side's strength is its top rule, not how many rules it holds", () => {
    // concern: shift + two of three + beyond a limit; improvement: trend alone
    const hits: RuleHit<XmrRule>[] = [
      { rule: 'shift', assessment: 'concern' },
      { rule: 'two-of-three', assessment: 'concern' },
      { rule: 'outside-limits', assessment: 'concern' },
      { rule: 'trend', assessment: 'improvement' },
    ];
    expect(resolvePoint(hits, 'concern')).toMatchObject({
      special: 'improvement',
      decidedBy: { rule: 'trend', over: 'shift', bySetting: false },
    });
  });

  it('the same rule on both sides: the setting decides', () => {
    for (const setting of SETTINGS) {
      const hits: RuleHit<XmrRule>[] = [
        { rule: 'trend', assessment: 'improvement' },
        { rule: 'trend', assessment: 'concern' },
      ];
      expect(resolvePoint(hits, setting)).toEqual({
        special: setting,
        conflict: true,
        decidedBy: { rule: 'trend', over: 'trend', bySetting: true },
      });
    }
  });

  it('no clash: no decision recorded', () => {
    expect(resolvePoint([{ rule: 'shift', assessment: 'concern' }], 'improvement')).toEqual({
      special: 'concern',
      conflict: false,
    });
    expect(resolvePoint([], 'improvement')).toEqual({ special: null, conflict: false });
  });
});

/** The XmR chart of `values`, once per conflict setting; both must agree (no tie). */
function bothSettings(values: number[], direction: Direction) {
  const [a, b] = SETTINGS.map((conflictRule) =>
    asXmr(chartMeasure({ points: series(values), direction, conflictRule })),
  );
  expect(a?.points).toEqual(b?.points);
  if (a === undefined) throw new Error('no chart');
  return a;
}

describe('trend against shift', () => {
  // 14 22 14 22 14 22 14 22 | 11 12 13 14 15 16 (example 16 of xmr.test.ts)
  // mean = 225 / 14 = 16.071429; mean moving range 72 / 13; limits 1.339 to 30.804
  // indices 8..13 are below the mean (a shift below) and rise at every step (a trend up)
  const risingBelow = [14, 22, 14, 22, 14, 22, 14, 22, 11, 12, 13, 14, 15, 16];
  // mirrored (30 − v): mean 30 − 16.071429 = 13.928571, same moving ranges;
  // indices 8..13 (19 18 17 16 15 14) are above the mean and fall at every step
  const fallingAbove = risingBelow.map((v) => 30 - v);

  it('higher is better: a rising trend below the mean is improvement', () => {
    const chart = bothSettings(risingBelow, 'higher');
    expect(flagged(chart)).toEqual({ improvement: range(8, 13), concern: [] });
    expect(chart.variation).toBe('special-cause-improvement');
  });

  it('lower is better: a rising trend below the mean is concern (the default setting used to say improvement)', () => {
    const chart = bothSettings(risingBelow, 'lower');
    expect(flagged(chart)).toEqual({ improvement: [], concern: range(8, 13) });
    expect(chart.points[13]?.decidedBy).toEqual({ rule: 'trend', over: 'shift', bySetting: false });
    expect(chart.variation).toBe('special-cause-concern');
    expect(chart.summary).toContain(
      'Where improvement and concern rules catch the same points, the stronger rule decides ' +
        '(trend, then shift, then two of three, then a point beyond a limit): ' +
        '9 Jan 2025 to 14 Jan 2025 shown as concern: the trend outranks the shift.',
    );
  });

  it("lower is better: a falling trend above the mean is improvement (NHS England's worked example)", () => {
    const chart = bothSettings(fallingAbove, 'lower');
    expect(flagged(chart)).toEqual({ improvement: range(8, 13), concern: [] });
    expect(chart.variation).toBe('special-cause-improvement');
  });

  it('higher is better: a falling trend above the mean is concern', () => {
    const chart = bothSettings(fallingAbove, 'higher');
    expect(flagged(chart)).toEqual({ improvement: [], concern: range(8, 13) });
    expect(chart.variation).toBe('special-cause-concern');
  });
});

describe('trend against two of three', () => {
  // 10 12 … (14 alternating) | 5 6 9 11 13 14
  // mean = (154 + 58) / 20 = 10.6
  // moving ranges: 13 × 2 = 26, then 7 1 3 2 2 1 = 16 → 42 / 19 = 2.210526
  // limits = 10.6 ± 2.66 × 42 / 19 = 10.6 ± 5.88 → 4.72 to 16.48 (5 and 6 are inside)
  // lower 2σ = 10.6 − 3.92 = 6.68: 5 and 6 are beyond it, and 5 6 9 are all below
  // the mean → two of three below at indices 14, 15; 5 6 9 11 13 14 rise → a trend
  // up at 14..19; only three points in a row below the mean → no shift
  const values = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 5, 6, 9, 11, 13, 14];

  for (const [direction, cls] of [
    ['higher', 'improvement'],
    ['lower', 'concern'],
  ] as const) {
    it(`${direction} is better: the rising trend (${cls}) outranks two of three`, () => {
      const chart = bothSettings(values, direction);
      expect(chart.signals.map((s) => [s.rule, s.indices])).toEqual([
        ['two-of-three', [14, 15]],
        ['trend', range(14, 19)],
      ]);
      expect(flagged(chart)[cls]).toEqual(range(14, 19));
      expect(chart.points[14]?.decidedBy).toEqual({
        rule: 'trend',
        over: 'two-of-three',
        bySetting: false,
      });
    });
  }
});

describe('trend against a single point beyond a limit', () => {
  // 10 12 … (14 alternating) | 3 9 11 13 14 15
  // mean = (154 + 65) / 20 = 10.95
  // moving ranges: 26, then 9 6 2 2 1 1 = 21 → 47 / 19 = 2.473684
  // limits = 10.95 ± 2.66 × 47 / 19 = 10.95 ± 6.58 → 4.37 to 17.53: 3 is below
  // lower 2σ = 6.5633: only 3 is beyond it (9 is not) → no two of three
  // 3 9 11 13 14 15 rise → a trend up at 14..19
  const values = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 3, 9, 11, 13, 14, 15];

  for (const [direction, cls] of [
    ['higher', 'improvement'],
    ['lower', 'concern'],
  ] as const) {
    it(`${direction} is better: the rising trend (${cls}) outranks the point below the limit`, () => {
      const chart = bothSettings(values, direction);
      expect(chart.signals.map((s) => [s.rule, s.indices])).toEqual([
        ['outside-limits', [14]],
        ['trend', range(14, 19)],
      ]);
      expect(flagged(chart)[cls]).toEqual(range(14, 19));
      expect(chart.points[14]?.decidedBy).toEqual({
        rule: 'trend',
        over: 'outside-limits',
        bySetting: false,
      });
    });
  }
});

describe('a trend each way: the tie the setting breaks', () => {
  // 2 4 6 8 10 12 10 8 6 4 2 6 8: mean 86 / 13 = 6.615385
  // moving ranges: ten of 2, then 4 and 2 → 26 / 12 = 2.166667
  // limits 6.615385 ± 5.763333 → 0.852 to 12.379: nothing beyond
  // upper 2σ 10.4576: in 10 12 10 only 12 is beyond → no two of three
  // above the mean: 8 10 12 10 8 (five) → no shift
  // 2..12 rise (indices 0..5), 12..2 fall (5..10): index 5 ends one and starts the other
  const values = [2, 4, 6, 8, 10, 12, 10, 8, 6, 4, 2, 6, 8];

  for (const direction of ['higher', 'lower'] as const) {
    for (const setting of SETTINGS) {
      it(`${direction} is better, setting ${setting}: the peak is ${setting}`, () => {
        const chart = asXmr(
          chartMeasure({ points: series(values), direction, conflictRule: setting }),
        );
        expect(chart.points[5]).toMatchObject({
          special: setting,
          conflict: true,
          decidedBy: { rule: 'trend', over: 'trend', bySetting: true },
        });
        const rising = direction === 'higher' ? 'improvement' : 'concern';
        expect(flagged(chart)[rising]).toEqual(setting === rising ? range(0, 5) : range(0, 4));
        expect(chart.summary).toContain(
          `6 Jan 2025 shown as ${setting}: a trend each way, so the measure's conflict setting decides.`,
        );
      });
    }
  }
});

describe('run charts rank their two rules the same way', () => {
  // 4 10 4 10 4 10 | 1 2 3 4 5 6 | 12 11 12 11 12 11: nine values below 8 and nine
  // above, so the median is (6 + 10) / 2 = 8
  // indices 6..11 are below the median (a shift of 6) and 1 2 3 4 5 6 12 rise (a trend
  // of 7, indices 6..12); indices 12..17 are a shift above
  const values = [4, 10, 4, 10, 4, 10, 1, 2, 3, 4, 5, 6, 12, 11, 12, 11, 12, 11];

  for (const [direction, cls] of [
    ['higher', 'improvement'],
    ['lower', 'concern'],
  ] as const) {
    it(`${direction} is better: the rising trend (${cls}) outranks the shift`, () => {
      for (const setting of SETTINGS) {
        const chart = asRun(
          chartMeasureAsRunChart({ points: series(values), direction, conflictRule: setting }),
        );
        expect(chart.median).toBe(8);
        expect(range(6, 11).map((i) => chart.points[i]?.special)).toEqual(Array(6).fill(cls));
        expect(chart.points.filter((p) => p.conflict).map((p) => p.index)).toEqual(range(6, 11));
        expect(chart.points[6]?.decidedBy).toEqual({
          rule: 'trend',
          over: 'shift',
          bySetting: false,
        });
        expect(chart.summary).toContain(
          `7 Jan 2025 to 12 Jan 2025 shown as ${cls}: the trend outranks the shift.`,
        );
      }
    });
  }
});
