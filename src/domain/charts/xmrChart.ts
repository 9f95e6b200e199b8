/**
 * The XmR (individuals) chart of NHS England "Making Data Count" (MDC), put
 * together from its periods and lines (xmrLimits.ts) and its four rules
 * (xmrRules.ts), with MDC's two summary icons as its SPC SQL query v2.6 sets
 * them in step 4K:
 *
 * - Variation icon: read from the last non-ghosted point only. Improvement if
 *   that point is special cause improvement, concern if special cause concern
 *   (after the conflict rule, step 4J), otherwise common cause. A signal that
 *   has ended before the latest point does not change the icon.
 * - Assurance icon: the target against the limits of the last non-ghosted
 *   point's period. Higher is better: target at or below the lower limit,
 *   "pass" (will consistently hit); at or above the upper limit, "fail" (will
 *   consistently miss); between them, "hit or miss". Mirrored when lower is
 *   better. A target on a limit counts as beyond it (v2.1).
 */
import { compare } from './arithmetic.ts';
import { resolvePoint, type RuleHit } from './assessment.ts';
import type { PreparedInput } from './input.ts';
import { MDC_XMR_RULES } from './mdcSettings.ts';
import { xmrSummary } from './summary.ts';
import {
  XMR_RULE_SET,
  type Assurance,
  type Variation,
  type XmrChart,
  type XmrPoint,
  type XmrRule,
  type XmrSegment,
} from './types.ts';
import { xmrPeriods } from './xmrLimits.ts';
import { xmrSignals } from './xmrRules.ts';
import { t } from './charts.en.ts';

export function xmrChart(input: PreparedInput): XmrChart {
  const { points, live } = input;
  const periods = xmrPeriods(input);
  const signals = xmrSignals(input, periods);
  const isLive = new Set(live);

  const chartPoints = points.map((p, index): XmrPoint => {
    const rules = new Set<XmrRule>();
    const hits: RuleHit<XmrRule>[] = [];
    for (const s of signals) {
      if (!s.indices.includes(index)) continue;
      rules.add(s.rule);
      hits.push({ rule: s.rule, assessment: s.assessment });
    }
    return {
      index,
      date: p.date,
      value: p.value,
      ghost: !isLive.has(index),
      recalculate: p.recalculate === true,
      ...(p.note === undefined ? {} : { note: p.note }),
      segment: periods.periodOf[index] ?? 0,
      movingRange: periods.movingRange.get(index) ?? null,
      rules: [...rules],
      ...resolvePoint(hits, input.conflictRule),
    };
  });

  const latest = chartPoints[live[live.length - 1] ?? -1];
  const variation: Variation =
    latest?.special === 'improvement'
      ? 'special-cause-improvement'
      : latest?.special === 'concern'
        ? 'special-cause-concern'
        : 'common-cause';
  const latestPeriod = periods.segments[latest?.segment ?? 0];
  const assurance =
    input.target === null || latestPeriod === undefined
      ? null
      : assuranceOf(input.target, latestPeriod, input);

  const chart: Omit<XmrChart, 'summary'> = {
    kind: 'xmr',
    ruleSet: XMR_RULE_SET,
    direction: input.direction,
    target: input.target,
    points: chartPoints,
    segments: periods.segments,
    signals,
    variation,
    assurance,
    warnings: warnings(periods.segments, periods.ignored, input),
  };
  return { ...chart, summary: xmrSummary(chart, input) };
}

function assuranceOf(target: number, period: XmrSegment, input: PreparedInput): Assurance {
  const atOrBelowLower = compare(target, period.lowerLimit, input.tolerance) <= 0;
  const atOrAboveUpper = compare(target, period.upperLimit, input.tolerance) >= 0;
  const [hit, miss] =
    input.direction === 'higher'
      ? [atOrBelowLower, atOrAboveUpper]
      : [atOrAboveUpper, atOrBelowLower];
  if (hit) return 'will-hit';
  if (miss) return 'will-miss';
  return 'hit-or-miss';
}

/** What a reader should know about how far to trust the limits (MDC step 5 warnings). */
function warnings(
  segments: readonly XmrSegment[],
  ignored: readonly number[],
  { points, formatDate, baselinePoints }: PreparedInput,
): string[] {
  const advised = MDC_XMR_RULES.advisedPeriodPoints;
  return [
    ...ignored.map((i) => t('rebaseIgnored', { date: formatDate(points[i]?.date ?? '') })),
    ...segments.flatMap((seg, s) => {
      const asked = baselinePoints ?? 0;
      if (!seg.baseline || seg.limitPointCount >= asked) return [];
      const next = segments[s + 1];
      return next === undefined
        ? [t('baselineSoFar', { asked, n: seg.limitPointCount })]
        : [
            t('baselineCut', {
              asked,
              date: formatDate(next.startDate),
              n: seg.limitPointCount,
            }),
          ];
    }),
    ...segments
      .filter((seg) => seg.limitPointCount < advised)
      .map((seg) =>
        t('provisional', { date: formatDate(seg.startDate), n: seg.limitPointCount, advised }),
      ),
  ];
}
