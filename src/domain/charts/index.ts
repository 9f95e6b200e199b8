/**
 * The chart engine for measures (issue "Tests of change, measures with run
 * charts and SPC"): run charts with the IHI rules, XmR charts with the Making
 * Data Count rules. Pure and synchronous; no drawing. See measureChart.ts.
 */
export { chartMeasure, chartMeasureAsRunChart } from './measureChart.ts';
export { IHI_RUN_RULES } from './runChart.ts';
export { MDC_XMR_RULES } from './mdcSettings.ts';
export { PERLA_RUNS_TABLE, RUNS_TABLE, expectedRuns } from './runsTable.ts';
export { RUN_RULE_SET, XMR_RULE_SET } from './types.ts';
export type {
  Assessment,
  Assurance,
  ChartInput,
  ChartPointInput,
  ConflictRule,
  Direction,
  EmptyChart,
  MeasureChart,
  Movement,
  RunChart,
  RunPoint,
  RunRule,
  RunSignal,
  RunsTest,
  Side,
  Variation,
  XmrChart,
  XmrPoint,
  XmrRule,
  XmrSegment,
  XmrSignal,
} from './types.ts';
export { boardRow, type BoardRow } from './boardRow.ts';
export { assuranceWords, highOrLow, variationWords } from './iconWords.ts';
export { periodWords } from './periodWords.ts';
