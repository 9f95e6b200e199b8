/**
 * Counting dots: a voter's budget, what they have left, and the ranked result
 * of a huddle with ties shown as ties. Pure functions of the merged vote
 * records, so every device and the server count the same.
 */
import { voterKey, type VoteLike } from './huddle.ts';

/** Dots a voter has placed in a huddle, over all ideas. */
export function dotsUsed(votes: readonly VoteLike[], huddleId: string, voter: string): number {
  let used = 0;
  for (const v of votes) if (v.huddleId === huddleId && voterKey(v) === voter) used += v.dots;
  return used;
}

export function dotsLeft(
  votes: readonly VoteLike[],
  huddleId: string,
  voter: string,
  dotsPerMember: number,
): number {
  return Math.max(0, dotsPerMember - dotsUsed(votes, huddleId, voter));
}

export type TallyRow = {
  readonly ideaId: string;
  readonly dots: number;
  /** How many different people put at least one dot on it. */
  readonly voters: number;
  /** 1 for the most dots; ideas with equal dots share a rank (1, 1, 3). */
  readonly rank: number;
  /** True when another idea has the same number of dots. */
  readonly tied: boolean;
};

/**
 * The ranked result over the shortlist: most dots first; equal dots share a
 * rank and keep the shortlist's order between them. Votes for ideas not on the
 * shortlist are not counted.
 */
export function tally(
  shortlist: readonly string[],
  votes: readonly VoteLike[],
  huddleId: string,
): TallyRow[] {
  const dots = new Map<string, number>();
  const voters = new Map<string, Set<string>>();
  for (const id of shortlist) {
    dots.set(id, 0);
    voters.set(id, new Set());
  }
  for (const v of votes) {
    if (v.huddleId !== huddleId || v.dots <= 0 || !dots.has(v.ideaId)) continue;
    dots.set(v.ideaId, (dots.get(v.ideaId) ?? 0) + v.dots);
    voters.get(v.ideaId)?.add(voterKey(v));
  }
  const order = [...new Set(shortlist)];
  const sorted = order
    .map((ideaId, i) => ({ ideaId, i, dots: dots.get(ideaId) ?? 0 }))
    .sort((x, y) => y.dots - x.dots || x.i - y.i);
  return sorted.map(({ ideaId, dots: n }) => ({
    ideaId,
    dots: n,
    voters: voters.get(ideaId)?.size ?? 0,
    rank: 1 + sorted.filter((o) => o.dots > n).length,
    tied: sorted.some((o) => o.ideaId !== ideaId && o.dots === n),
  }));
}
