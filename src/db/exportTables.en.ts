/**
 * The CSV files' own words (exportTables.ts, decision 0028): their column
 * headings and fixed cells. The questions of a test of change, idea statuses
 * and category names come from the screens' catalogues, so a file says what
 * the screen said. The English stays word for word as it was.
 */
import { messages } from '../i18n/index.ts';

export const en = {
  // ideas.csv
  idea: 'Idea',
  moreDetail: 'More detail',
  category: 'Category',
  status: 'Status',
  raisedBy: 'Raised by',
  captured: 'Captured (local time)',
  id: 'Id',
  // votes.csv
  huddle: 'Huddle',
  voter: 'Voter',
  dots: 'Dots',
  everyoneHidden: 'Everyone (the votes were hidden)',
  // tests-of-change.csv
  cycle: 'Cycle',
  asPlanned: 'Done as planned?',
  decision: 'Decision',
  started: 'Started (local time)',
  // measures.csv
  measure: 'Measure',
  type: 'Type',
  unit: 'Unit',
  betterIs: 'Better is',
  target: 'Target',
  date: 'Date',
  value: 'Value',
  note: 'Note',
  ghost: 'Left out of the limits (ghost)',
  rebase: 'Limits recalculated from here (rebase)',
  whyRebased: 'Why rebased',
  fixedOn: 'Limits fixed on the first (points)',
  typeCell: '{type, select, outcome {outcome} process {process} balancing {balancing} other {}}',
  directionCell: '{direction, select, lower {Lower} other {Higher}}',
  // board-report.csv: headings and cells in lower case, as it was first written
  boardMeasure: 'measure',
  boardUnit: 'unit',
  boardBetterIs: 'better is',
  boardChart: 'chart',
  latestDate: 'latest date',
  latestValue: 'latest value',
  centreLine: 'centre line',
  centre: 'centre',
  lowerLimit: 'lower limit',
  upperLimit: 'upper limit',
  boardTarget: 'target',
  variation: 'variation',
  assurance: 'assurance',
  lastSignal: 'last signal',
  lastSignalClass: 'last signal class',
  lastSignalFrom: 'last signal from',
  lastSignalTo: 'last signal to',
  limitsFrom: 'limits from',
  limitsPeriod: 'limits period',
  rebaseReason: 'rebase reason',
  boardDirection: '{direction, select, lower {lower} other {higher}}',
  chartKind: '{kind, select, xmr {XmR} run {run chart} other {no points}}',
  centreKind: '{line, select, mean {mean} other {median}}',
  signalClass: '{assessment, select, improvement {improvement} other {concern}}',
  noSignal: 'none',
  period: '{kind, select, baseline {baseline, fixed} rebased {rebased} other {every point}}',
};

export const t = messages('db/exportTables', en);
