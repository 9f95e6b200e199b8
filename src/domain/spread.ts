/**
 * Spreading what worked: the pure parts. A take's id derives from the share
 * and the taking team, so a team counts once however often its phones take it;
 * what was tried is summed up from the PDSA cycles; the count of teams that
 * took a share up.
 */
import { voteId } from './huddle.ts';
import type { PdsaFields } from './improvement.ts';

/** The id of a team's take-up of a shared change. */
export function takeId(shareId: string, teamId: string): string {
  return voteId(shareId, 'take', teamId);
}

const ACT_WORDS = { adopt: 'adopted', adapt: 'adapted', abandon: 'abandoned' } as const;

/** "Cycle 1: <objective>. What happened: … Result: … (adapted)" for each cycle, oldest first. */
export function triedSummary(cycles: readonly Partial<PdsaFields>[]): string {
  return [...cycles]
    .filter((c) => c.deleted !== true)
    .sort((a, b) => (a.cycle ?? 0) - (b.cycle ?? 0))
    .map((c) => {
      const parts = [
        `Cycle ${c.cycle ?? '?'}: ${(c.objective ?? '').trim() || 'no objective written'}`,
      ];
      const happened = (c.problems ?? '').trim() || (c.observations ?? '').trim();
      if (happened) parts.push(`What happened: ${happened}`);
      const results = (c.results ?? '').trim();
      if (results) parts.push(`Result: ${results}`);
      if (c.act) parts.push(`(${ACT_WORDS[c.act]})`);
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
  return `Taken up by ${n} ${n === 1 ? 'team' : 'teams'}`;
}
