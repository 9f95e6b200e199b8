/**
 * The board report's data: every live measure of the team with its chart and
 * its summary row (src/domain/charts/boardRow.ts), for the summary table
 * screen, the review pack and the CSV export. Also the one place a measure's
 * rows become the chart engine's input, so every view draws the same chart.
 */
import {
  boardRow,
  chartMeasure,
  type BoardRow,
  type MeasureChart,
} from '../domain/charts/index.ts';
import { seriesOf } from '../domain/measureSeries.ts';
import { listMeasures, measureData, type MeasureData } from './improvementQueries.ts';
import type { GroundUpDb } from './schema.ts';

/** A measure's chart from its rows, through the pure chart engine. */
export function chartOfData(data: MeasureData): MeasureChart {
  const { measure: m, points, taps, rebaseCycles } = data;
  return chartMeasure({
    points: seriesOf(points, taps, (id) => rebaseCycles.get(id) ?? null),
    direction: m.direction ?? 'higher',
    ...(typeof m.target === 'number' ? { target: m.target } : {}),
    ...(typeof m.baselinePoints === 'number' ? { baselinePoints: m.baselinePoints } : {}),
  });
}

export type BoardEntry = {
  readonly data: MeasureData;
  readonly chart: MeasureChart;
  readonly row: BoardRow;
};

/** Every live measure, by name, with its chart and board row. */
export async function boardData(db: GroundUpDb): Promise<BoardEntry[]> {
  const measures = await listMeasures(db);
  const all = await Promise.all(measures.map((m) => measureData(db, m.id)));
  return all.flatMap((data) => {
    if (data === null) return [];
    const chart = chartOfData(data);
    return [{ data, chart, row: boardRow(chart) }];
  });
}
