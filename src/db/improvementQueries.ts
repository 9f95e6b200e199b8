/** Reads for the test-of-change and measure screens (wrapped in liveQuery by the screens). */
import type { MeasureRow, PdsaRow, PointRow, TapRow } from './improvementRows.ts';
import type { GroundUpDb } from './schema.ts';

const live = <T extends { deleted?: boolean }>(rows: T[]) => rows.filter((r) => r.deleted !== true);

/** An idea's cycles, first to last. */
export async function cyclesOf(db: GroundUpDb, ideaId: string): Promise<PdsaRow[]> {
  const rows = await db.pdsas.where('ideaId').equals(ideaId).toArray();
  return live(rows).sort((a, b) => (a.cycle ?? 0) - (b.cycle ?? 0));
}

/** The team's measures, by name. */
export async function listMeasures(db: GroundUpDb): Promise<MeasureRow[]> {
  const rows = live(await db.measures.toArray()).filter((m) => typeof m.name === 'string');
  return rows.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
}

export type MeasureData = {
  readonly measure: MeasureRow;
  readonly points: PointRow[];
  readonly taps: TapRow[];
};

export async function measureData(db: GroundUpDb, id: string): Promise<MeasureData | null> {
  const measure = await db.measures.get(id);
  if (!measure || measure.deleted === true || typeof measure.name !== 'string') return null;
  const points = live(await db.points.where('measureId').equals(id).toArray());
  const taps = live(await db.taps.where('measureId').equals(id).toArray());
  points.sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : 1));
  return { measure, points, taps };
}

/** Dates (yyyy-mm-dd) of the cycles of ideas this measure is for, to mark on the chart's time axis. */
export async function cycleDates(db: GroundUpDb, ideaId: string | null | undefined) {
  if (!ideaId) return [];
  return (await cyclesOf(db, ideaId)).map((c) => ({
    cycle: c.cycle ?? 0,
    date: new Date(c.createdAt ?? 0).toISOString().slice(0, 10),
  }));
}
