/**
 * The chart in words, for screen readers and for anyone who cannot see the
 * colours: what kind of chart, the centre line and limits, each signal with its
 * date and class, and MDC's two icons (variation, assurance). One paragraph,
 * plain sentences, no abbreviations a screen reader would spell out.
 */
import type { PreparedInput } from './input.ts';
import type {
  Assessment,
  Assurance,
  ClashDecision,
  RunChart,
  RunSignal,
  Variation,
  XmrChart,
  XmrRule,
  XmrSignal,
} from './types.ts';
import { t } from './charts.en.ts';

type Formatters = Pick<PreparedInput, 'formatValue' | 'formatDate' | 'points' | 'live'>;

/*
 * Periods read "Mean …" (one period), "Baseline from …, fixed on the first 15
 * points: …, extended to …" (a fixed baseline, decision 0017), "From …" (the
 * first of several periods) and "Rebased from … (reason): …" (each later one).
 */

export function xmrSummary(chart: Omit<XmrChart, 'summary'>, f: Formatters): string {
  const v = f.formatValue;
  const periods = chart.segments.map((s, i) => {
    const limits = { mean: v(s.mean), lower: v(s.lowerLimit), upper: v(s.upperLimit) };
    const lines = t('lines', limits);
    const from = f.formatDate(s.startDate);
    if (s.baseline) {
      const fixed = { from, points: points(s.limitPointCount), lines };
      return s.limitEndIndex < s.endIndex
        ? t('baselineExtended', { ...fixed, to: dateOf(f, s.endIndex) })
        : t('baseline', fixed);
    }
    if (i > 0) {
      return s.reason === undefined
        ? t('rebased', { from, lines })
        : t('rebasedWhy', { from, why: s.reason, lines });
    }
    if (chart.segments.length === 1) return t('linesFirst', limits);
    return t('period', { from, lines });
  });
  const outside = (['above', 'below'] as const).flatMap((side) => {
    const hits = chart.signals.filter((s) => s.rule === 'outside-limits' && s.side === side);
    const first = hits[0];
    if (first === undefined) return [];
    const dates = hits.map((s) => dateOf(f, s.indices[0]));
    return [
      t('outside', {
        points: points(hits.length),
        side,
        dates: list(dates),
        assessment: assessed(first.assessment),
      }),
    ];
  });
  const others = chart.signals
    .filter((s) => s.rule !== 'outside-limits')
    .map((s) => xmrSignal(s, f));
  return [
    t('xmrChart', { points: points(f.live.length), ghosted: ghosted(f) }),
    ...periods,
    t('signals', { signals: [...outside, ...others].join('; ') || t('none') }),
    ...clashes(chart.points, f),
    t('variation', { variation: VARIATION[chart.variation]() }),
    t('assurance', { assurance: assurance(chart.assurance, chart.target, v) }),
    ...chart.warnings,
  ].join(' ');
}

export function runSummary(chart: Omit<RunChart, 'summary'>, f: Formatters): string {
  const signals = chart.signals.map((s) => runSignal(s, chart, f));
  return [
    t('runChart', { points: points(f.live.length), ghosted: ghosted(f) }),
    ...(chart.reason === undefined ? [] : [t('reason', { reason: chart.reason })]),
    t('median', { median: f.formatValue(chart.median) }),
    t('signals', { signals: signals.join('; ') || t('none') }),
    ...clashes(chart.points, f),
  ].join(' ');
}

const RULE_WORDS: Record<XmrRule, () => string> = {
  trend: () => t('ruleTrend'),
  shift: () => t('ruleShift'),
  'two-of-three': () => t('ruleTwoOfThree'),
  'outside-limits': () => t('ruleOutside'),
};

/** "improvement" or "concern" in the chosen language. */
const assessed = (a: Assessment) => t(a === 'improvement' ? 'improvement' : 'concern');

type ClashPoint = {
  readonly index: number;
  readonly special: Assessment | null;
  readonly decidedBy?: ClashDecision<XmrRule>;
};

/**
 * One sentence naming, for each stretch of points caught by both improvement
 * and concern rules, the class shown and the rule that decided it (assessment.ts).
 */
function clashes(chartPoints: readonly ClashPoint[], f: Formatters): string[] {
  const groups: { first: number; last: number; special: Assessment; d: ClashDecision<XmrRule> }[] =
    [];
  for (const p of chartPoints) {
    const d = p.decidedBy;
    if (d === undefined || p.special === null) continue;
    const g = groups[groups.length - 1];
    const same =
      g !== undefined &&
      g.special === p.special &&
      g.d.rule === d.rule &&
      g.d.over === d.over &&
      g.d.bySetting === d.bySetting;
    if (same) g.last = p.index;
    else groups.push({ first: p.index, last: p.index, special: p.special, d });
  }
  if (groups.length === 0) return [];
  const parts = groups.map(({ first, last, special, d }) => {
    const when =
      first === last
        ? dateOf(f, first)
        : t('range', { from: dateOf(f, first), to: dateOf(f, last) });
    const shown = { when, special: assessed(special), rule: RULE_WORDS[d.rule]() };
    return d.bySetting
      ? t('eachWay', shown)
      : t('outranks', { ...shown, over: RULE_WORDS[d.over]() });
  });
  return [t('clashes', { parts: parts.join('; ') })];
}

const VARIATION: Record<Variation, () => string> = {
  'common-cause': () => t('commonCause'),
  'special-cause-improvement': () => t('specialImprovement'),
  'special-cause-concern': () => t('specialConcern'),
};

function assurance(a: Assurance | null, target: number | null, v: (n: number) => string): string {
  if (a === null || target === null) return t('noTarget');
  if (a === 'will-hit') return t('willHit', { target: v(target) });
  if (a === 'will-miss') return t('willMiss', { target: v(target) });
  return t('hitOrMiss', { target: v(target) });
}

function xmrSignal(s: XmrSignal, f: Formatters): string {
  const from = t('from', { date: dateOf(f, s.indices[0]), assessment: assessed(s.assessment) });
  switch (s.rule) {
    case 'shift':
      return t('shiftMean', { n: s.length, side: s.side, from });
    case 'trend':
      return t('trend', { n: s.length, movement: s.movement, from });
    case 'two-of-three':
      return t('twoOfThree', { points: points(s.length), side: s.side, from });
    case 'outside-limits':
      return t('onePointOutside', { points: points(1), side: s.side, from });
  }
}

function runSignal(s: RunSignal, chart: Omit<RunChart, 'summary'>, f: Formatters): string {
  if (s.rule === 'runs') {
    const e = chart.runs.expected;
    const range = e === null ? '' : t('runsExpected', { lower: e.lower, upper: e.upper });
    const few = s.verdict === 'too-few' ? 'yes' : 'no';
    return t('runs', { few, count: chart.runs.count, n: s.length, range });
  }
  const from = t('from', { date: dateOf(f, s.indices[0]), assessment: assessed(s.assessment) });
  if (s.rule === 'shift') return t('shiftMedian', { n: s.length, side: s.side, from });
  return t('trend', { n: s.length, movement: s.movement, from });
}

function dateOf(f: Formatters, index: number | undefined): string {
  return f.formatDate(f.points[index ?? -1]?.date ?? '');
}

function points(n: number): string {
  return t('points', { n });
}

function ghosted(f: Formatters): string {
  const n = f.points.length - f.live.length;
  return n === 0 ? '' : t('ghosted', { n });
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return t('and', { a: items.slice(0, -1).join(', '), b: items[items.length - 1] ?? '' });
}
