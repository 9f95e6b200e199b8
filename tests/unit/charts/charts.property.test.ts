/**
 * Properties any honest chart engine must have, checked on random series (with
 * ghosted points, recalculations and targets): the limits sit symmetrically
 * about the mean; changing the unit (adding a constant, scaling by a positive
 * factor) moves the lines with the data and flags exactly the same points; and
 * turning "higher is better" into "lower is better" swaps improvement and
 * concern and changes nothing else. If any failed, a ward's chart would tell a
 * different story depending on whether they recorded minutes or hours.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chartMeasure,
  type Assessment,
  type ChartInput,
  type ChartPointInput,
  type Direction,
  type MeasureChart,
} from '../../../src/domain/charts/index.ts';
import { day } from './helpers.ts';

const rarely = (p: number) =>
  fc.oneof(
    { weight: Math.round((1 - p) * 100), arbitrary: fc.constant(false) },
    { weight: Math.round(p * 100), arbitrary: fc.constant(true) },
  );

/**
 * Series of 1 to 40 points (so both run charts and XmR charts), of small integers,
 * some drawn from only a few values, so ties with the mean, the median and each
 * other are common: ties are where the rules are subtle. The length is drawn
 * explicitly because fast-check's default array sizes would rarely reach 13.
 */
const pointsArb: fc.Arbitrary<ChartPointInput[]> = fc
  .record({
    length: fc.integer({ min: 1, max: 40 }),
    max: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 7, max: 50 })),
  })
  .chain(({ length, max }) =>
    fc.array(
      fc.record({
        value: fc.integer({ min: 0, max }),
        ghost: rarely(0.1),
        recalculate: rarely(0.08),
      }),
      { minLength: length, maxLength: length },
    ),
  )
  .map((rows) =>
    rows.map(({ value, ghost, recalculate }, i) => ({
      date: day(i),
      value,
      ...(ghost ? { ghost } : {}),
      ...(recalculate ? { recalculate } : {}),
    })),
  );

const inputArb: fc.Arbitrary<ChartInput> = fc.record(
  {
    points: pointsArb,
    direction: fc.constantFrom<Direction>('higher', 'lower'),
    target: fc.integer({ min: -5, max: 55 }),
    conflictRule: fc.constantFrom<Assessment>('improvement', 'concern'),
  },
  { requiredKeys: ['points', 'direction'] },
);

/** Everything about a chart except its numbers: which points carry which rule and class. */
function flags(chart: MeasureChart) {
  if (chart.kind === 'empty') return { kind: chart.kind };
  return {
    kind: chart.kind,
    points: chart.points.map((p) => ({ rules: p.rules, special: p.special, conflict: p.conflict })),
    signals: chart.signals,
    ...(chart.kind === 'xmr'
      ? {
          variation: chart.variation,
          assurance: chart.assurance,
          periods: chart.segments.map((s) => [s.startIndex, s.endIndex]),
        }
      : { runs: { ...chart.runs } }),
  };
}

/** The chart's lines, in the order they are drawn. */
function lines(chart: MeasureChart): number[] {
  if (chart.kind === 'run') return [chart.median];
  if (chart.kind === 'empty') return [];
  return chart.segments.flatMap((s) => [
    s.lowerLimit,
    s.lowerTwoSigma,
    s.lowerOneSigma,
    s.mean,
    s.upperOneSigma,
    s.upperTwoSigma,
    s.upperLimit,
  ]);
}

function transform(input: ChartInput, f: (x: number) => number): ChartInput {
  return {
    ...input,
    points: input.points.map((p) => ({ ...p, value: f(p.value) })),
    ...(input.target === undefined ? {} : { target: f(input.target) }),
  };
}

function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, k) => {
    const e = expected[k] ?? NaN;
    expect(Math.abs(a - e)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));
  });
}

const swap = (a: Assessment | null) =>
  a === 'improvement' ? 'concern' : a === 'concern' ? 'improvement' : null;

describe('chart properties', () => {
  it('XmR limits and sigma lines are symmetric about the mean, at thirds of the width', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const chart = chartMeasure(input);
        if (chart.kind !== 'xmr') return;
        for (const s of chart.segments) {
          const width = s.upperLimit - s.mean;
          expectClose([s.mean - s.lowerLimit], [width]);
          expectClose(
            [s.upperTwoSigma - s.mean, s.mean - s.lowerTwoSigma],
            [(2 * width) / 3, (2 * width) / 3],
          );
          expectClose([s.upperOneSigma - s.mean, s.mean - s.lowerOneSigma], [width / 3, width / 3]);
          expectClose([width], [2.66 * s.movingRangeMean]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('adding a constant moves every line by it and flags the same points', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: -1000, max: 1000 }), (input, c) => {
        const before = chartMeasure(input);
        const after = chartMeasure(transform(input, (x) => x + c));
        expect(flags(after)).toEqual(flags(before));
        expectClose(
          lines(after),
          lines(before).map((x) => x + c),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('scaling by a positive factor scales every line and flags the same points', () => {
    const factor = fc.double({ min: 1e-3, max: 1e3, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(inputArb, factor, (input, k) => {
        const before = chartMeasure(input);
        const after = chartMeasure(transform(input, (x) => x * k));
        expect(flags(after)).toEqual(flags(before));
        expectClose(
          lines(after),
          lines(before).map((x) => x * k),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('recording a percentage as a proportion (÷ 100) or in tenths flags the same points', () => {
    // Decimal fractions are inexact in binary: without the comparison tolerance a value
    // equal to the mean can land a hair above or below it and make or break a shift.
    fc.assert(
      fc.property(inputArb, fc.constantFrom(10, 100, 1000), (input, divisor) => {
        const before = chartMeasure(input);
        const after = chartMeasure(transform(input, (x) => x / divisor));
        expect(flags(after)).toEqual(flags(before));
      }),
      { numRuns: 1000 },
    );
  });

  it('reversing the direction swaps improvement and concern and nothing else', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const higher = chartMeasure({ ...input, direction: 'higher' });
        const lower = chartMeasure({ ...input, direction: 'lower' });
        if (higher.kind === 'empty' || lower.kind === 'empty') return;
        expect(lower.kind).toBe(higher.kind);
        expect(lines(lower)).toEqual(lines(higher));
        expect(lower.signals).toEqual(
          higher.signals.map((s) =>
            'assessment' in s ? { ...s, assessment: swap(s.assessment) } : s,
          ),
        );
        const rule = input.conflictRule ?? 'improvement';
        lower.points.forEach((p, i) => {
          const h = higher.points[i];
          expect(p.rules).toEqual(h?.rules);
          expect(p.conflict).toBe(h?.conflict);
          // A clash is settled by the stronger rule, which swaps class with the direction;
          // only a tie (the same rule on both sides) is drawn by the measure's setting.
          expect(p.decidedBy).toEqual(h?.decidedBy);
          expect(p.special).toBe(p.decidedBy?.bySetting === true ? rule : swap(h?.special ?? null));
        });
        if (higher.kind === 'xmr' && lower.kind === 'xmr') {
          const flip = {
            'will-hit': 'will-miss',
            'will-miss': 'will-hit',
            'hit-or-miss': 'hit-or-miss',
          };
          // Limits of zero width sitting on the target (a flat latest period at the
          // target): the target is on both limits, so it is met whichever way is better.
          const last = higher.segments.at(-1);
          const pinned =
            last !== undefined &&
            last.upperLimit === last.lowerLimit &&
            last.upperLimit === input.target;
          expect(lower.assurance).toBe(
            higher.assurance === null ? null : pinned ? 'will-hit' : flip[higher.assurance],
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a ghosted point is never flagged and carries no moving range', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const chart = chartMeasure(input);
        if (chart.kind === 'empty') return;
        for (const p of chart.points) {
          if (!p.ghost) continue;
          expect(p.rules).toEqual([]);
          expect(p.special).toBeNull();
          expect(chart.signals.some((s) => s.indices.includes(p.index))).toBe(false);
          if (chart.kind === 'xmr')
            expect(chart.points[p.index]).toMatchObject({ movingRange: null });
        }
      }),
      { numRuns: 300 },
    );
  });
});
