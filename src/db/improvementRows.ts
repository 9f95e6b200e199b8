/**
 * The device's rows of PDSA cycles, measures, data points and tally taps
 * (Dexie schema version 3), and how a merged change becomes a row.
 */
import type { Hlc } from '../domain/hlc.ts';
import type {
  AskFields,
  ChallengeFields,
  ImprovementEntity,
  MeasureFields,
  PdsaFields,
  PointFields,
  TapFields,
} from '../domain/improvement.ts';
import type { Stamped } from '../domain/merge.ts';

type StampsOf<F> = Partial<Record<keyof F, Hlc>>;
type RowOf<F, Parent extends string = never> = Partial<F> & {
  id: string;
  teamId: string | null;
  stamps: StampsOf<F>;
} & Record<Parent, string>;

export type PdsaRow = RowOf<PdsaFields, 'ideaId'>;
export type MeasureRow = RowOf<MeasureFields>;
export type PointRow = RowOf<PointFields, 'measureId'>;
export type TapRow = RowOf<TapFields, 'measureId'>;
export type ChallengeRow = RowOf<ChallengeFields>;
export type AskRow = RowOf<AskFields, 'ideaId'>;
export type ImprovementRow = PdsaRow | MeasureRow | PointRow | TapRow | ChallengeRow | AskRow;

/** The row for a merged record; the parent id is indexed, so it is always a string. */
export function improvementRow(
  entity: ImprovementEntity,
  id: string,
  merged: Stamped,
  teamId: string | null,
): ImprovementRow {
  const base = { ...merged.fields, id, teamId, stamps: merged.stamps };
  if (entity === 'challenge') return base as ChallengeRow;
  if (entity === 'ask') return { ...base, ideaId: String(merged.fields['ideaId'] ?? '') } as AskRow;
  if (entity === 'pdsa')
    return { ...base, ideaId: String(merged.fields['ideaId'] ?? '') } as PdsaRow;
  if (entity === 'measure') return base as MeasureRow;
  return { ...base, measureId: String(merged.fields['measureId'] ?? '') } as PointRow | TapRow;
}
