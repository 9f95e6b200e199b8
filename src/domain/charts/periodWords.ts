/**
 * Which period of an XmR chart a point is in, in words, for the chart's data
 * table (decision 0017): whether it is one of the points a fixed baseline's
 * limits rest on, judged against the baseline's limits extended forward, the
 * point a rebase starts at (with its reason), or in a rebased period.
 */
import type { MeasureChart } from './types.ts';
import { chartDate, t } from './charts.en.ts';

/** '' for a chart with one period calculated from every point, and for run charts. */
export function periodWords(chart: MeasureChart, index: number): string {
  if (chart.kind !== 'xmr') return '';
  const point = chart.points[index];
  const seg = chart.segments[point?.segment ?? -1];
  if (point === undefined || seg === undefined) return '';
  if (seg.baseline) {
    return index <= seg.limitEndIndex
      ? t('baselineFixed', { n: seg.limitPointCount })
      : t('baselineExtendedRow');
  }
  const date = chartDate(seg.startDate);
  if (point.segment === 0) return chart.segments.length > 1 ? t('periodFrom', { date }) : '';
  if (index === seg.startIndex)
    return seg.reason ? t('rebasedHereWhy', { why: seg.reason }) : t('rebasedHere');
  return t('rebasedPeriod', { date });
}
