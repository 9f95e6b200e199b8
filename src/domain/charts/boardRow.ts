/**
 * One line of the board report ("summary table") for a measure's chart: what
 * a board reads across all of a team's measures — the latest value and when,
 * the centre line and limits the latest point is judged against, the target,
 * Making Data Count's two icons, and the most recent signal and when it was.
 * Pure: the same chart always gives the same row; the screen, the review pack
 * and the CSV export all read it from here.
 */
import { CLASH_RANK } from './assessment.ts';
import { t } from './charts.en.ts';
import type {
  Assessment,
  Assurance,
  MeasureChart,
  RunSignal,
  Variation,
  XmrSignal,
} from './types.ts';

export type BoardRow = {
  readonly kind: MeasureChart['kind'];
  /** The latest non-ghosted point; null when there is none. */
  readonly latest: { readonly date: string; readonly value: number } | null;
  /** XmR: the mean of the latest point's period; run chart: the median. */
  readonly centre: number | null;
  readonly centreLabel: 'mean' | 'median' | null;
  /** XmR only: the process limits of the latest point's period. */
  readonly limits: { readonly lower: number; readonly upper: number } | null;
  /**
   * XmR only: the period the centre and limits are from (the current one): its
   * first date; a fixed baseline, a rebased period (with its reason, if given)
   * or the first period with limits from all its points.
   */
  readonly period: {
    readonly from: string;
    readonly kind: 'baseline' | 'rebased' | 'all-points';
    readonly reason: string | null;
  } | null;
  readonly target: number | null;
  /** XmR only (MDC draws no icons on a run chart). */
  readonly variation: Variation | null;
  readonly assurance: Assurance | null;
  /**
   * The signal that ended most recently (the stronger rule of two ending together,
   * ranked as in a rule clash: trend, shift, two of three, single point), in words,
   * with its first and last dates; "too few/many runs" only when nothing else fired.
   */
  readonly lastSignal: {
    readonly words: string;
    readonly assessment: Assessment | null;
    readonly from: string;
    readonly to: string;
  } | null;
};

export function boardRow(chart: MeasureChart): BoardRow {
  if (chart.kind === 'empty') {
    return {
      kind: 'empty',
      latest: null,
      centre: null,
      centreLabel: null,
      limits: null,
      period: null,
      target: null,
      variation: null,
      assurance: null,
      lastSignal: null,
    };
  }
  const live = chart.points.filter((p) => !p.ghost);
  const last = live[live.length - 1];
  const latest = last ? { date: last.date, value: last.value } : null;
  const dateAt = (i: number | undefined) => chart.points[i ?? -1]?.date ?? '';
  // A directional signal says more than "too few/many runs", which spans the whole chart.
  const all: readonly (XmrSignal | RunSignal)[] = chart.signals;
  const directional = all.filter((s) => s.rule !== 'runs');
  const signals = directional.length > 0 ? directional : all;
  const end = (s: XmrSignal | RunSignal) => s.indices.at(-1) ?? -1;
  const rank = (s: XmrSignal | RunSignal) => (s.rule === 'runs' ? 0 : CLASH_RANK[s.rule]);
  const lastSignal = signals.reduce<(XmrSignal | RunSignal) | null>(
    (best, s) =>
      best === null || end(s) > end(best) || (end(s) === end(best) && rank(s) > rank(best))
        ? s
        : best,
    null,
  );
  const signal =
    lastSignal === null
      ? null
      : {
          words: signalWords(lastSignal, chart.kind),
          assessment: 'assessment' in lastSignal ? lastSignal.assessment : null,
          from: dateAt(lastSignal.indices[0]),
          to: dateAt(lastSignal.indices.at(-1)),
        };
  if (chart.kind === 'run') {
    return {
      kind: 'run',
      latest,
      centre: chart.median,
      centreLabel: 'median',
      limits: null,
      period: null,
      target: chart.target,
      variation: null,
      assurance: null,
      lastSignal: signal,
    };
  }
  const current = chart.points[last?.index ?? -1]?.segment ?? 0;
  const period = chart.segments[current];
  return {
    kind: 'xmr',
    latest,
    centre: period?.mean ?? null,
    centreLabel: 'mean',
    limits: period ? { lower: period.lowerLimit, upper: period.upperLimit } : null,
    period: period
      ? {
          from: period.startDate,
          kind: period.baseline ? 'baseline' : current > 0 ? 'rebased' : 'all-points',
          reason: period.reason ?? null,
        }
      : null,
    target: chart.target,
    variation: chart.variation,
    assurance: chart.assurance,
    lastSignal: signal,
  };
}

function signalWords(s: XmrSignal | RunSignal, kind: 'xmr' | 'run'): string {
  const line = kind === 'xmr' ? 'mean' : 'median';
  switch (s.rule) {
    case 'outside-limits':
      return s.side === 'above' ? t('pointAbove') : t('pointBelow');
    case 'shift':
      return t('shiftRow', { side: s.side, line });
    case 'trend':
      return t('trendRow', { movement: s.movement });
    case 'two-of-three':
      return t('nearLimit', { side: s.side });
    case 'runs':
      return s.verdict === 'too-few' ? t('tooFew') : t('tooMany');
  }
}
