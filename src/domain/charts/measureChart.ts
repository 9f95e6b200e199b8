/**
 * The one entry point: a measure's points in, the chart to draw out. An XmR
 * chart when there are at least 13 non-ghosted points, as the Making Data Count
 * SPC tools do (SQL query v2.6, @SettingMinimumPoints = 13: "Will otherwise
 * display as a run chart"); MDC recommends 15 to 20 for a baseline but draws
 * from 13. Below that, a run chart with the reason; with nothing to count, an
 * empty chart. Pure: the same points always give the same chart.
 */
import { prepare } from './input.ts';
import { runChart } from './runChart.ts';
import type { ChartInput, MeasureChart } from './types.ts';
import { MDC_XMR_RULES } from './mdcSettings.ts';
import { xmrChart } from './xmrChart.ts';
import { t } from './charts.en.ts';

export function chartMeasure(input: ChartInput): MeasureChart {
  const prepared = prepare(input);
  const count = prepared.live.length;
  if (count === 0) {
    const reason =
      prepared.points.length === 0 ? t('noPoints') : t('allGhosted', { n: prepared.points.length });
    return {
      kind: 'empty',
      reason,
      points: prepared.points,
      summary: t('nothing', { reason }),
    };
  }
  if (count < MDC_XMR_RULES.minimumPoints) {
    return runChart(prepared, t('fewer', { n: MDC_XMR_RULES.minimumPoints }));
  }
  return xmrChart(prepared);
}

/** A run chart whatever the number of points, for a team that asks for one. */
export function chartMeasureAsRunChart(input: ChartInput): MeasureChart {
  const prepared = prepare(input);
  if (prepared.live.length === 0) return chartMeasure(input);
  return runChart(prepared);
}
