/**
 * The board report's row for a measure, read from worked charts of xmr.test.ts
 * and clash.test.ts, so the figures can be checked against their arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { boardRow, chartMeasure } from '../../../src/domain/charts/index.ts';
import { series } from './helpers.ts';

const ALTERNATING = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];

describe('boardRow', () => {
  it('a quiet XmR chart: latest value, mean 11, limits 5.68 to 16.32, common cause, no signal', () => {
    const row = boardRow(
      chartMeasure({ points: series(ALTERNATING), direction: 'higher', target: 5 }),
    );
    expect(row).toMatchObject({
      kind: 'xmr',
      latest: { date: '2025-01-14', value: 12 },
      centre: 11,
      centreLabel: 'mean',
      target: 5,
      variation: 'common-cause',
      assurance: 'will-hit',
      lastSignal: null,
    });
    expect(row.limits?.lower).toBeCloseTo(5.68, 9);
    expect(row.limits?.upper).toBeCloseTo(16.32, 9);
  });

  it('the latest signal and when: the trend that ends last (clash.test.ts, lower is better)', () => {
    const values = [14, 22, 14, 22, 14, 22, 14, 22, 11, 12, 13, 14, 15, 16];
    const row = boardRow(chartMeasure({ points: series(values), direction: 'lower' }));
    // shift (8..13) and trend (8..13) end together: the trend is the stronger rule
    expect(row.variation).toBe('special-cause-concern');
    expect(row.lastSignal).toEqual({
      words: 'a rising trend',
      assessment: 'concern',
      from: '2025-01-09',
      to: '2025-01-14',
    });
    expect(row.assurance).toBeNull();
  });

  it('the limits are those of the latest period after a recalculation', () => {
    const values = [...ALTERNATING, 20, 22, 20, 22];
    const row = boardRow(
      chartMeasure({ points: series(values, { 14: { recalculate: true } }), direction: 'higher' }),
    );
    // the new period 20 22 20 22: mean 21, moving ranges 2 → limits 21 ± 5.32
    expect(row.centre).toBe(21);
    expect(row.limits?.lower).toBeCloseTo(15.68, 9);
    expect(row.limits?.upper).toBeCloseTo(26.32, 9);
  });

  it('a run chart gives its median and no limits or icons; an empty chart gives nothing', () => {
    const run = boardRow(chartMeasure({ points: series([3, 5, 4]), direction: 'higher' }));
    expect(run).toMatchObject({
      kind: 'run',
      centre: 4,
      centreLabel: 'median',
      limits: null,
      variation: null,
      assurance: null,
      latest: { date: '2025-01-03', value: 4 },
    });
    const empty = boardRow(chartMeasure({ points: [], direction: 'higher' }));
    expect(empty).toMatchObject({ kind: 'empty', latest: null, lastSignal: null });
  });
});
