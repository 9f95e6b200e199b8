/**
 * The chart engine's sentences (summary.ts, measureChart.ts, xmrChart.ts,
 * iconWords.ts, periodWords.ts, annotations.ts, boardRow.ts): what a screen
 * reader reads and a board paper quotes. Dates arrive already formatted.
 */
import { cached, messages } from '../../i18n/index.ts';
import { RUN_RULE_SET, XMR_RULE_SET } from './types.ts';

export const en = {
  points: '{n, plural, one {# point} other {# points}}',
  ghosted: ' ({n, plural, one {# ghosted point} other {# ghosted points}} left out)',
  lines: 'mean {mean}, limits {lower} to {upper}',
  linesFirst: 'Mean {mean}, limits {lower} to {upper}.',
  baseline: 'Baseline from {from}, fixed on the first {points}: {lines}.',
  baselineExtended: 'Baseline from {from}, fixed on the first {points}: {lines}, extended to {to}.',
  rebased: 'Rebased from {from}: {lines}.',
  rebasedWhy: 'Rebased from {from} ({why}): {lines}.',
  period: 'From {from}: {lines}.',
  outside:
    '{points} {side, select, above {above the upper limit} other {below the lower limit}} ({dates}, {assessment})',
  xmrChart: 'XmR chart, {points}{ghosted}.',
  runChart: 'Run chart, {points}{ghosted}.',
  reason: '{reason}.',
  median: 'Median {median}.',
  signals: 'Signals: {signals}.',
  none: 'none',
  variation: 'Variation: {variation}.',
  assurance: 'Assurance: {assurance}.',
  ruleTrend: 'trend',
  ruleShift: 'shift',
  ruleTwoOfThree: 'two of three',
  ruleOutside: 'point beyond a limit',
  range: '{from} to {to}',
  eachWay:
    "{when} shown as {special}: a {rule} each way, so the measure's conflict setting decides",
  outranks: '{when} shown as {special}: the {rule} outranks the {over}',
  clashes:
    'Where improvement and concern rules catch the same points, the stronger rule decides (trend, then shift, then two of three, then a point beyond a limit): {parts}.',
  improvement: 'improvement',
  concern: 'concern',
  commonCause: 'common cause',
  specialImprovement: 'special cause improvement',
  specialConcern: 'special cause concern',
  noTarget: 'no target set',
  willHit: 'will consistently hit the target of {target}',
  willMiss: 'will consistently miss the target of {target}',
  hitOrMiss: 'hit or miss against the target of {target}',
  from: 'from {date} ({assessment})',
  shiftMean: 'a shift of {n} points {side, select, above {above} other {below}} the mean {from}',
  shiftMedian:
    'a shift of {n} points {side, select, above {above} other {below}} the median {from}',
  trend: 'a trend of {n} points {movement, select, rising {rising} other {falling}} {from}',
  twoOfThree:
    '{points} close to the {side, select, above {upper} other {lower}} limit, two of three beyond two sigma, {from}',
  onePointOutside:
    '{points} {side, select, above {above the upper} other {below the lower}} limit {from}',
  runs: '{few, select, yes {too few runs} other {too many runs}} ({count} in {n} points off the median{range})',
  runsExpected: '; {lower} to {upper} expected',
  and: '{a} and {b}',
  noPoints: 'No points yet',
  allGhosted: 'All {n} points are ghosted',
  nothing: '{reason}: nothing to chart.',
  fewer: 'Fewer than {n} points: showing a run chart',
  rebaseIgnored: 'The rebase at {date} was not applied: each period needs at least 2 points.',
  baselineSoFar:
    'The baseline is to be fixed on {asked} points but has {n} so far: its limits will move with each new point until then.',
  baselineCut:
    'The baseline was to be fixed on {asked} points, but the rebase at {date} ends it after {n}: its limits rest on those.',
  provisional:
    'The limits from {date} rest on {n} points; Making Data Count advises at least {advised}, so treat them as provisional.',
  noIcon: 'no icon (fewer than 13 points)',
  commonCauseVariation: 'common cause variation',
  specialCause:
    'special cause {kind, select, improvement {improvement} other {concern}} ({level, select, high {high} other {low}})',
  willPass: 'will consistently pass the target',
  willFail: 'will consistently fail the target',
  hitAndMiss: 'hit and miss: will sometimes pass the target and sometimes fail',
  baselineFixed: 'Baseline: the limits are fixed on these {n} points',
  baselineExtendedRow: 'Baseline limits extended',
  periodFrom: 'Period from {date}',
  rebasedHere: 'Rebased here',
  rebasedHereWhy: 'Rebased here: {why}',
  rebasedPeriod: 'Rebased period from {date}',
  cycleOn: 'cycle {cycle} on {date}',
  cyclesStarted: 'PDSA cycles started: {each}.',
  noteOn: '{date}, “{note}”',
  notes: 'Notes: {each}.',
  pointAbove: 'a point above the upper limit',
  pointBelow: 'a point below the lower limit',
  shiftRow:
    'a shift {side, select, above {above} other {below}} the {line, select, mean {mean} other {median}}',
  trendRow: 'a {movement, select, rising {rising} other {falling}} trend',
  nearLimit: 'two of three points near the {side, select, above {upper} other {lower}} limit',
  tooFew: 'too few runs',
  tooMany: 'too many runs',
  /** A chart's `ruleSet`, in words. */
  ruleSetXmr: XMR_RULE_SET as string,
  ruleSetRun: RUN_RULE_SET as string,
};

export const t = messages('domain/charts/charts', en);

/** "2026-11-03" → "3 Nov 2026" ("3 Tach 2026"), as people read a day, in the chosen language. */
export function chartDate(iso: string): string {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms)) return iso;
  const day = cached(
    'chart-day',
    (l) =>
      new Intl.DateTimeFormat(l, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }),
  );
  return day.format(ms);
}
