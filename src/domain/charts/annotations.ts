/**
 * A chart's annotations in words: when each PDSA cycle of the measure's idea
 * started, and the notes people added to points. The chart draws them (cycle
 * lines, the data table's notes); this sentence puts them in the text a screen
 * reader reads and a board paper quotes, next to the engine's summary.
 */

import { chartDate, t } from './charts.en.ts';

export type CycleStart = { readonly cycle: number; readonly date: string };

/** One or two sentences, or '' when there is nothing to say. */
export function annotationWords(
  points: readonly { readonly date: string; readonly note?: string }[],
  cycles: readonly CycleStart[],
): string {
  const parts: string[] = [];
  const starts = [...cycles].sort((a, b) => a.cycle - b.cycle);
  if (starts.length > 0) {
    const each = starts.map((c) =>
      t('cycleOn', { cycle: String(c.cycle), date: chartDate(c.date) }),
    );
    parts.push(t('cyclesStarted', { each: each.join(', ') }));
  }
  const notes = points.filter((p) => p.note !== undefined && p.note.trim() !== '');
  if (notes.length > 0) {
    const each = notes.map((p) =>
      t('noteOn', { date: chartDate(p.date), note: (p.note ?? '').trim() }),
    );
    parts.push(t('notes', { each: each.join('; ') }));
  }
  return parts.join(' ');
}

/** The cycles that start on or before this point and after the one before it. */
export function cyclesAtPoint(
  points: readonly { readonly date: string }[],
  index: number,
  cycles: readonly CycleStart[],
): CycleStart[] {
  const date = points[index]?.date;
  if (date === undefined) return [];
  const previous = points[index - 1]?.date;
  return cycles.filter((c) => c.date <= date && (previous === undefined || c.date > previous));
}
