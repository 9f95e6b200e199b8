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
  /** The cycle number of each PDSA cycle a rebase names, by id (those on this device). */
  readonly rebaseCycles: ReadonlyMap<string, number>;
};

export async function measureData(db: GroundUpDb, id: string): Promise<MeasureData | null> {
  const measure = await db.measures.get(id);
  if (!measure || measure.deleted === true || typeof measure.name !== 'string') return null;
  const points = live(await db.points.where('measureId').equals(id).toArray());
  const taps = live(await db.taps.where('measureId').equals(id).toArray());
  points.sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : 1));
  const named = [...new Set(points.flatMap((p) => (p.rebasePdsaId ? [p.rebasePdsaId] : [])))];
  const rebaseCycles = new Map<string, number>();
  for (const c of await db.pdsas.bulkGet(named)) {
    if (c && typeof c.cycle === 'number') rebaseCycles.set(c.id, c.cycle);
  }
  return { measure, points, taps, rebaseCycles };
}

/** A PDSA cycle a rebase may name: the team's cycles, this measure's idea's first. */
export type CycleChoice = { readonly id: string; readonly label: string };

export async function rebaseChoices(
  db: GroundUpDb,
  ideaId: string | null | undefined,
): Promise<CycleChoice[]> {
  const cycles = live(await db.pdsas.toArray()).filter((c) => typeof c.cycle === 'number');
  const titles = new Map<string, string>();
  for (const idea of await db.ideas.bulkGet([...new Set(cycles.map((c) => c.ideaId))])) {
    if (idea && typeof idea.title === 'string') titles.set(idea.id, idea.title);
  }
  const rank = (c: PdsaRow) => (c.ideaId === ideaId ? 0 : 1);
  return cycles
    .filter((c) => titles.has(c.ideaId))
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (titles.get(a.ideaId) ?? '').localeCompare(titles.get(b.ideaId) ?? '') ||
        (a.cycle ?? 0) - (b.cycle ?? 0),
    )
    .map((c) => ({ id: c.id, label: `${titles.get(c.ideaId) ?? ''}, cycle ${c.cycle ?? 0}` }));
}

/** Dates (yyyy-mm-dd) of the cycles of ideas this measure is for, to mark on the chart's time axis. */
export async function cycleDates(db: GroundUpDb, ideaId: string | null | undefined) {
  if (!ideaId) return [];
  return (await cyclesOf(db, ideaId)).map((c) => ({
    cycle: c.cycle ?? 0,
    date: new Date(c.createdAt ?? 0).toISOString().slice(0, 10),
  }));
}
