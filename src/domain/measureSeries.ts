/**
 * A measure's data points and tally taps as the chart engine's input: a day's
 * tally value is the number of live taps that day, added to any point entered
 * for that date (a tally day is usually tap-only). See docs/decisions/0005-tally.md.
 */
import type { ChartPointInput } from './charts/index.ts';
import type { PointFields, TapFields } from './improvement.ts';

type P = Partial<PointFields>;
type T = Partial<TapFields>;

/** Live taps per day, yyyy-mm-dd → count. */
export function tapsByDay(taps: readonly T[]): Map<string, number> {
  const days = new Map<string, number>();
  for (const t of taps) {
    if (t.deleted === true || t.date === undefined) continue;
    days.set(t.date, (days.get(t.date) ?? 0) + 1);
  }
  return days;
}

/**
 * Why the limits were rebased at a point, in words: the reason given and the
 * PDSA cycle it followed ("new call-bell rota, after PDSA cycle 2"); undefined when
 * neither was given (a recalculation marked before reasons existed).
 */
export function rebaseWords(reason: string | undefined, cycle: number | null): string | undefined {
  const why = reason?.trim() ?? '';
  if (cycle === null) return why === '' ? undefined : why;
  return why === '' ? `after PDSA cycle ${cycle}` : `${why}, after PDSA cycle ${cycle}`;
}

/**
 * The chart engine's input. `cycleOf` gives the number of a rebase's linked
 * PDSA cycle (null when this device does not hold it).
 */
export function seriesOf(
  points: readonly P[],
  taps: readonly T[],
  cycleOf: (pdsaId: string) => number | null = () => null,
): ChartPointInput[] {
  const days = tapsByDay(taps);
  const out: ChartPointInput[] = [];
  for (const p of points) {
    if (p.deleted === true || p.date === undefined || typeof p.value !== 'number') continue;
    const extra = days.get(p.date) ?? 0;
    days.delete(p.date);
    const reason =
      p.recalculate === true
        ? rebaseWords(p.rebaseReason, p.rebasePdsaId ? cycleOf(p.rebasePdsaId) : null)
        : undefined;
    out.push({
      date: p.date,
      value: p.value + extra,
      ...(p.ghost === true ? { ghost: true } : {}),
      ...(p.recalculate === true ? { recalculate: true } : {}),
      ...(reason === undefined ? {} : { reason }),
      ...(p.note ? { note: p.note } : {}),
    });
  }
  for (const [date, value] of days) out.push({ date, value });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
