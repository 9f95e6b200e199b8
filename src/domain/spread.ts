/**
 * Spreading what worked: the pure parts. What was tried, summed up from the
 * PDSA cycles; the count of teams that took a share up. A take's id is in
 * takeId.ts.
 */
import type { PdsaFields } from './improvement.ts';
import { t } from './portfolio.en.ts';

/** "Cycle 1: <objective>. What happened: … Result: … (adapted)" for each cycle, oldest first. */
export function triedSummary(cycles: readonly Partial<PdsaFields>[]): string {
  return [...cycles]
    .filter((c) => c.deleted !== true)
    .sort((a, b) => (a.cycle ?? 0) - (b.cycle ?? 0))
    .map((c) => {
      const parts = [
        t('triedCycle', {
          n: String(c.cycle ?? '?'),
          objective: (c.objective ?? '').trim() || t('noObjective'),
        }),
      ];
      const happened = (c.problems ?? '').trim() || (c.observations ?? '').trim();
      if (happened) parts.push(t('happened', { text: happened }));
      const results = (c.results ?? '').trim();
      if (results) parts.push(t('result', { text: results }));
      if (c.act) parts.push(t('act', { act: c.act }));
      return parts.join('. ');
    })
    .join('\n');
}

/** How many teams took the share up (live take-ups only). */
export function takenUpBy(
  shareId: string,
  takes: readonly { shareId?: unknown; deleted?: unknown }[],
): number {
  return takes.filter((t) => t.shareId === shareId && t.deleted !== true).length;
}

/** "taken up by 1 team" / "by 3 teams", or null when none has. */
export function takenUpWords(n: number): string | null {
  if (n === 0) return null;
  return t('takenUp', { n });
}
