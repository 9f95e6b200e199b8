/**
 * One huddle as its screens need it, live: the record, its votes, the titles
 * of its shortlisted ideas, who this device is, and the cached members.
 */
import type { GroundUpDb } from '../../../db/index.ts';
import { cachedMembers, ideaTitles, votesIn } from '../../../db/huddleQueries.ts';
import type { HuddleRow, MemberRow, RejectedRow } from '../../../db/schema.ts';
import { getSession } from '../../../db/session.ts';
import { HUDDLE_LIMITS, parseIds, type VoteLike } from '../../../domain/huddle.ts';
import type { SessionResponse } from '../../../domain/protocol.ts';
import { useData } from '../../reads/useData.ts';
import { language } from '../../../i18n/index.ts';
import { codeWords } from '../settings/refusals.en.ts';

export type HuddleView = {
  readonly huddle: HuddleRow;
  readonly shortlist: string[];
  readonly outcome: string[];
  readonly dots: number;
  readonly closed: boolean;
  /** Tallies may be shown: the huddle closed, or votes were never hidden. */
  readonly revealed: boolean;
  readonly votes: VoteLike[];
  readonly titles: Map<string, string>;
  readonly session: SessionResponse | null;
  readonly members: MemberRow[];
  /**
   * Why the server refused this device's votes here ("over your dots"): its own
   * words in English, its code's meaning in another language (as Needs attention).
   */
  readonly refused: string[];
};

/** Why the server refused a vote: its own words in English, its code's meaning in another language. */
export const refusalWords = (r: Pick<RejectedRow, 'reason' | 'code'>) =>
  language() !== 'en' && r.code ? codeWords(r.code) : r.reason;

async function load(db: GroundUpDb, id: string): Promise<HuddleView | null> {
  const huddle = await db.huddles.get(id);
  if (!huddle || typeof huddle.title !== 'string') return null;
  const session = await getSession(db);
  const shortlist = parseIds(huddle.shortlist);
  const closed = huddle.state === 'closed';
  return {
    huddle,
    shortlist,
    outcome: parseIds(huddle.outcome),
    dots: huddle.dotsPerMember ?? HUDDLE_LIMITS.defaultDots,
    closed,
    revealed: closed || huddle.hidden === false,
    votes: await votesIn(db, id),
    titles: await ideaTitles(db, shortlist),
    session,
    members: session ? await cachedMembers(db, session.team.id) : [],
    refused: (await db.rejected.toArray())
      .filter((r) => r.mutation.entity === 'vote' && r.mutation.fields.huddleId === id)
      .map(refusalWords),
  };
}

/** undefined while loading; null when the huddle is not on this device. */
export function useHuddle(id: string): HuddleView | null | undefined {
  return useData((db) => load(db, id), [id]);
}
