/** The fields of each part of a PDSA cycle, in the words a nurse would use. */
import { IMPROVEMENT_LIMITS as L } from '../../../domain/improvement.ts';
import type { FieldSpec } from '../../components/TextField.tsx';
import { type en, t } from './pdsa.en.ts';

type Key = keyof typeof en;

/** A field whose label and hint are read in the chosen language each time (getters). */
function field(key: Key, max: number, long: boolean, hint?: Key): FieldSpec {
  const spec = {
    key,
    max,
    long,
    get label() {
      return t(key);
    },
  };
  return hint
    ? Object.defineProperty(spec, 'hint', { get: () => t(hint), enumerable: true })
    : spec;
}

export const PLAN: readonly FieldSpec[] = [
  field('objective', L.long, true, 'objectiveHint'),
  field('taskWhat', L.long, true),
  field('taskWho', L.short, false),
  field('taskWhen', L.short, false),
  field('taskWhere', L.short, false),
  field('prediction', L.long, true),
  field('predictionWhy', L.long, true),
  field('measureText', L.long, true),
];

export const DO: readonly FieldSpec[] = [
  field('problems', L.long, true, 'problemsHint'),
  field('observations', L.long, true),
];

export const STUDY: readonly FieldSpec[] = [
  field('results', L.long, true),
  field('learning', L.long, true),
];

export const ACT: readonly FieldSpec[] = [field('next', L.long, true, 'nextHint')];

/** The three decisions, their words read in the chosen language each time (getters). */
export const ACT_OPTIONS = (['adopt', 'adapt', 'abandon'] as const).map((value) => ({
  value,
  get label() {
    return t(value);
  },
  get hint() {
    return t(`${value}Hint`);
  },
}));

/** Where a cycle stands, in words (getters, read in the chosen language each time). */
export const STAGE_LABELS: Readonly<Record<'plan' | 'do' | 'study' | 'act' | 'done', string>> =
  Object.defineProperties(
    {},
    Object.fromEntries(
      (['plan', 'do', 'study', 'act', 'done'] as const).map((k) => [
        k,
        { get: () => t(k === 'done' ? 'decided' : k), enumerable: true },
      ]),
    ),
  ) as Record<'plan' | 'do' | 'study' | 'act' | 'done', string>;

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
