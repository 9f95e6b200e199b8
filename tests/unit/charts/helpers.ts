/**
 * Builders for the chart tests: a day-by-day series from a list of values, and
 * narrowing helpers that fail the test (rather than cast) when the engine
 * returns a different kind of chart from the one the example expects.
 */
import type {
  ChartPointInput,
  MeasureChart,
  RunChart,
  XmrChart,
} from '../../../src/domain/charts/index.ts';

/** `2025-01-01` plus `i` days, as an ISO date. */
export function day(i: number): string {
  return new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
}

/** One point a day from 2025-01-01; `extra` sets ghost/recalculate/note by index. */
export function series(
  values: readonly number[],
  extra: Readonly<Record<number, Omit<ChartPointInput, 'date' | 'value'>>> = {},
): ChartPointInput[] {
  return values.map((value, i) => ({ date: day(i), value, ...extra[i] }));
}

export function asXmr(chart: MeasureChart): XmrChart {
  if (chart.kind !== 'xmr') throw new Error(`expected an XmR chart, got ${chart.kind}`);
  return chart;
}

export function asRun(chart: MeasureChart): RunChart {
  if (chart.kind !== 'run') throw new Error(`expected a run chart, got ${chart.kind}`);
  return chart;
}

/** The indices of the points drawn in each class. */
export function flagged(chart: XmrChart | RunChart): { improvement: number[]; concern: number[] } {
  return {
    improvement: chart.points.filter((p) => p.special === 'improvement').map((p) => p.index),
    concern: chart.points.filter((p) => p.special === 'concern').map((p) => p.index),
  };
}

/** A range of integers, `from` to `to` inclusive. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}
