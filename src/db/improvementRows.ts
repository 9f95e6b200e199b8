/**
 * The device's rows of PDSA cycles, measures, data points, tally taps, the
 * challenge and asks (Dexie schema version 3). apply.ts builds them, for every
 * kind alike, from the registry.
 */
import type { Hlc } from '../domain/hlc.ts';
import type {
  AskFields,
  ChallengeFields,
  MeasureFields,
  PdsaFields,
  PointFields,
  TapFields,
} from '../domain/improvement.ts';

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
