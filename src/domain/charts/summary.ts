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

type Formatters = Pick<PreparedInput, 'formatValue' | 'formatDate' | 'points' | 'live'>;

/*
 * Periods read "Mean …" (one period), "Baseline from …, fixed on the first 15
 * points: …, extended to …" (a fixed baseline, decision 0017), "From …" (the
 * first of several periods) and "Rebased from … (reason): …" (each later one).
 */

export function xmrSummary(chart: Omit<XmrChart, 'summary'>, f: Formatters): string {
  const v = f.formatValue;
  const periods = chart.segments.map((s, i) => {
    const lines = `mean ${v(s.mean)}, limits ${v(s.lowerLimit)} to ${v(s.upperLimit)}`;
    if (s.baseline) {
      const extended = s.limitEndIndex < s.endIndex ? `, extended to ${dateOf(f, s.endIndex)}` : '';
      return (
        `Baseline from ${f.formatDate(s.startDate)}, fixed on the first ` +
        `${points(s.limitPointCount)}: ${lines}${extended}.`
      );
    }
    if (i > 0) {
      const why = s.reason === undefined ? '' : ` (${s.reason})`;
      return `Rebased from ${f.formatDate(s.startDate)}${why}: ${lines}.`;
    }
    if (chart.segments.length === 1) return `${lines[0]?.toUpperCase() ?? ''}${lines.slice(1)}.`;
    return `From ${f.formatDate(s.startDate)}: ${lines}.`;
  });
  const outside = (['above', 'below'] as const).flatMap((side) => {
    const hits = chart.signals.filter((s) => s.rule === 'outside-limits' && s.side === side);
    const first = hits[0];
    if (first === undefined) return [];
    const dates = hits.map((s) => dateOf(f, s.indices[0]));
    const limit = side === 'above' ? 'above the upper limit' : 'below the lower limit';
    return [`${points(hits.length)} ${limit} (${list(dates)}, ${first.assessment})`];
  });
  const others = chart.signals
    .filter((s) => s.rule !== 'outside-limits')
    .map((s) => xmrSignal(s, f));
  return [
    `XmR chart, ${points(f.live.length)}${ghosted(f)}.`,
    ...periods,
    `Signals: ${[...outside, ...others].join('; ') || 'none'}.`,
    ...clashes(chart.points, f),
    `Variation: ${VARIATION[chart.variation]}.`,
    `Assurance: ${assurance(chart.assurance, chart.target, v)}.`,
    ...chart.warnings,
  ].join(' ');
}

export function runSummary(chart: Omit<RunChart, 'summary'>, f: Formatters): string {
  const signals = chart.signals.map((s) => runSignal(s, chart, f));
  return [
    `Run chart, ${points(f.live.length)}${ghosted(f)}.`,
    ...(chart.reason === undefined ? [] : [`${chart.reason}.`]),
    `Median ${f.formatValue(chart.median)}.`,
    `Signals: ${signals.join('; ') || 'none'}.`,
    ...clashes(chart.points, f),
  ].join(' ');
}

const RULE_WORDS: Record<XmrRule, string> = {
  trend: 'trend',
  shift: 'shift',
  'two-of-three': 'two of three',
  'outside-limits': 'point beyond a limit',
};

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
    const when = first === last ? dateOf(f, first) : `${dateOf(f, first)} to ${dateOf(f, last)}`;
    const why = d.bySetting
      ? `a ${RULE_WORDS[d.rule]} each way, so the measure's conflict setting decides`
      : `the ${RULE_WORDS[d.rule]} outranks the ${RULE_WORDS[d.over]}`;
    return `${when} shown as ${special}: ${why}`;
  });
  return [
    'Where improvement and concern rules catch the same points, the stronger rule decides ' +
      `(trend, then shift, then two of three, then a point beyond a limit): ${parts.join('; ')}.`,
  ];
}

const VARIATION: Record<Variation, string> = {
  'common-cause': 'common cause',
  'special-cause-improvement': 'special cause improvement',
  'special-cause-concern': 'special cause concern',
};

function assurance(a: Assurance | null, target: number | null, v: (n: number) => string): string {
  if (a === null || target === null) return 'no target set';
  if (a === 'will-hit') return `will consistently hit the target of ${v(target)}`;
  if (a === 'will-miss') return `will consistently miss the target of ${v(target)}`;
  return `hit or miss against the target of ${v(target)}`;
}

function xmrSignal(s: XmrSignal, f: Formatters): string {
  const from = `from ${dateOf(f, s.indices[0])} (${s.assessment})`;
  switch (s.rule) {
    case 'shift':
      return `a shift of ${s.length} points ${s.side} the mean ${from}`;
    case 'trend':
      return `a trend of ${s.length} points ${s.movement} ${from}`;
    case 'two-of-three': {
      const limit = s.side === 'above' ? 'upper' : 'lower';
      return `${points(s.length)} close to the ${limit} limit, two of three beyond two sigma, ${from}`;
    }
    case 'outside-limits':
      return `${points(1)} ${s.side} the ${s.side === 'above' ? 'upper' : 'lower'} limit ${from}`;
  }
}

function runSignal(s: RunSignal, chart: Omit<RunChart, 'summary'>, f: Formatters): string {
  if (s.rule === 'runs') {
    const e = chart.runs.expected;
    const range = e === null ? '' : `; ${e.lower} to ${e.upper} expected`;
    const few = s.verdict === 'too-few' ? 'too few runs' : 'too many runs';
    return `${few} (${chart.runs.count} in ${s.length} points off the median${range})`;
  }
  const from = `from ${dateOf(f, s.indices[0])} (${s.assessment})`;
  if (s.rule === 'shift') return `a shift of ${s.length} points ${s.side} the median ${from}`;
  return `a trend of ${s.length} points ${s.movement} ${from}`;
}

function dateOf(f: Formatters, index: number | undefined): string {
  return f.formatDate(f.points[index ?? -1]?.date ?? '');
}

function points(n: number): string {
  return n === 1 ? '1 point' : `${n} points`;
}

function ghosted(f: Formatters): string {
  const n = f.points.length - f.live.length;
  return n === 0 ? '' : ` (${n === 1 ? '1 ghosted point' : `${n} ghosted points`} left out)`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
