/** A measure's chart from its rows, through the pure chart engine. */
import type { MeasureData } from '../../../db/improvementQueries.ts';
import { chartMeasure, type MeasureChart } from '../../../domain/charts/index.ts';
import { seriesOf } from '../../../domain/measureSeries.ts';

export function chartOf({ measure: m, points, taps }: MeasureData): MeasureChart {
  return chartMeasure({
    points: seriesOf(points, taps),
    direction: m.direction ?? 'higher',
    ...(typeof m.target === 'number' ? { target: m.target } : {}),
  });
}
