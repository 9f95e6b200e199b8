/** Words drawn on a measure's chart and its icons' names (components/chart/*). */
import { messages } from '../../../i18n/index.ts';

export const en = {
  baselineFixed: 'Baseline ({n} points, fixed)',
  rebased: 'Rebased',
  median: 'Median {value}',
  upper: 'Upper limit {value}',
  mean: 'Mean {value}',
  lower: 'Lower limit {value}',
  target: 'Target {value}',
  pdsa: 'PDSA {n}',
  variation: 'Variation: {words}',
  assurance: 'Assurance: {words}',
};

export const t = messages('ui/components/chart/chart', en);
