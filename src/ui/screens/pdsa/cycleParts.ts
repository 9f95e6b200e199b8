/** The fields of each part of a PDSA cycle, in the words a nurse would use. */
import { IMPROVEMENT_LIMITS as L } from '../../../domain/improvement.ts';
import type { FieldSpec } from '../../components/TextField.tsx';

export const PLAN: readonly FieldSpec[] = [
  {
    key: 'objective',
    label: 'What are we trying to find out?',
    hint: 'The objective or question',
    long: true,
    max: L.long,
  },
  { key: 'taskWhat', label: 'What will we do?', long: true, max: L.long },
  { key: 'taskWho', label: 'Who will do it?', max: L.short },
  { key: 'taskWhen', label: 'When?', max: L.short },
  { key: 'taskWhere', label: 'Where?', max: L.short },
  { key: 'prediction', label: 'What do we predict will happen?', long: true, max: L.long },
  { key: 'predictionWhy', label: 'Why do we think so?', long: true, max: L.long },
  { key: 'measureText', label: 'What will we measure?', long: true, max: L.long },
];

export const DO: readonly FieldSpec[] = [
  { key: 'problems', label: 'Problems', hint: 'What got in the way', long: true, max: L.long },
  { key: 'observations', label: 'Anything unexpected?', long: true, max: L.long },
];

export const STUDY: readonly FieldSpec[] = [
  {
    key: 'results',
    label: 'What happened, compared with the prediction?',
    long: true,
    max: L.long,
  },
  { key: 'learning', label: 'What did we learn?', long: true, max: L.long },
];

export const ACT: readonly FieldSpec[] = [
  {
    key: 'next',
    label: 'What next?',
    hint: 'For adapt: what changes in the next cycle',
    long: true,
    max: L.long,
  },
];

export const ACT_OPTIONS = [
  { value: 'adopt', label: 'Adopt', hint: 'make it how we work' },
  { value: 'adapt', label: 'Adapt', hint: 'change it and test again (opens the next cycle)' },
  { value: 'abandon', label: 'Abandon', hint: 'stop: it did not work' },
] as const;

export const STAGE_LABELS = {
  plan: 'Plan',
  do: 'Do',
  study: 'Study',
  act: 'Act',
  done: 'Decided',
} as const;

/** The row's values for a part's text fields ('' for anything not filled in). */
export function valuesOf(row: object, fields: readonly FieldSpec[]): Record<string, string> {
  const r = row as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = r[f.key];
    out[f.key] = typeof v === 'string' ? v : '';
  }
  return out;
}
