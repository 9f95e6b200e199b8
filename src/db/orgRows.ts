/**
 * The device's rows of the organisation's records (Dexie schema version 7):
 * shared changes and take-ups, from the organisation's log. apply.ts builds
 * them from the registry like every kind; `teamId` holds the organisation's
 * id here (the scope they arrived in), so unlinking can drop them.
 */
import type { Hlc } from '../domain/hlc.ts';

export type ShareFields = {
  ideaId: string;
  title: string;
  tried: string;
  category: string | null;
  measureName: string | null;
  unit: string | null;
  direction: 'higher' | 'lower' | null;
  /** JSON list of {date, value} (orgSchema.ts parseSharedPoints). */
  points: string;
  /** The chart's picture as it stood when shared (an SVG), or null; absent from older shares. */
  chartSvg: string | null;
  contact: string;
  teamName: string;
  sharedBy: string;
  createdAt: number;
  withdrawn: boolean;
};

export type TakeFields = { shareId: string; takenBy: string; createdAt: number; deleted: boolean };

type RowOf<F> = Partial<F> & { id: string; stamps: Partial<Record<keyof F, Hlc>> };

/** `teamId`: the organisation the row arrived from. */
export type ShareRow = RowOf<ShareFields> & { teamId: string | null };
export type TakeRow = RowOf<TakeFields> & { teamId: string | null };
