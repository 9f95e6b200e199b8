/**
 * A board link for a TV (issue 17): a facilitator makes a read-only display
 * token that shows the team's current huddle board without taking a member
 * seat. These are its wire shapes, shared by the server and the TV page. The
 * display sees only the board: team name, the huddle's title, timer and
 * shortlist, and the tally once votes may be shown; never who voted for what.
 */
import * as v from 'valibot';
import { parseIds, voterKey, type VoteLike } from './huddle.ts';
import { tally } from './huddleTally.ts';

/** Board links a team may hold at once (a ward has one or two TVs). */
export const MAX_DISPLAYS = 5;

export const displayCreatedSchema = v.object({
  id: v.string(),
  /** Shown once: the server keeps only its hash. */
  token: v.string(),
  createdAt: v.number(),
});
export type DisplayCreated = v.InferOutput<typeof displayCreatedSchema>;

export const displayListSchema = v.object({
  displays: v.array(v.object({ id: v.string(), createdAt: v.number() })),
});
export type DisplayList = v.InferOutput<typeof displayListSchema>;

const boardRowSchema = v.object({
  ideaId: v.string(),
  dots: v.number(),
  voters: v.number(),
  rank: v.number(),
  tied: v.boolean(),
});

export const boardSchema = v.object({
  team: v.object({ name: v.string() }),
  huddle: v.nullable(
    v.object({
      id: v.string(),
      title: v.string(),
      closed: v.boolean(),
      endsAt: v.nullable(v.number()),
      /** Each shortlisted idea's title, in the shortlist's order. */
      ideas: v.array(v.object({ id: v.string(), title: v.string() })),
      /** The ranked tally; null while votes are hidden and the huddle is open. */
      rows: v.nullable(v.array(boardRowSchema)),
      /** How many people have put dots down (without saying where). */
      voters: v.number(),
      /** The ideas chosen to test. */
      outcome: v.array(v.string()),
    }),
  ),
});
export type Board = v.InferOutput<typeof boardSchema>;
export type BoardHuddle = NonNullable<Board['huddle']>;

/** The error code of a withdrawn board link, so the TV can say what to do. */
export const DISPLAY_WITHDRAWN = 'display_withdrawn';

type HuddleFields = {
  readonly title?: unknown;
  readonly state?: unknown;
  readonly endsAt?: unknown;
  readonly hidden?: unknown;
  readonly shortlist?: unknown;
  readonly outcome?: unknown;
  readonly startedAt?: unknown;
};
type IdeaFields = {
  readonly title?: unknown;
  readonly hidden?: unknown;
  readonly erased?: unknown;
};

/** The huddle a TV shows: the open one started last, else the one started last. */
export function currentHuddle<T extends { readonly fields: HuddleFields }>(
  huddles: readonly T[],
): T | null {
  const started = (h: T) => (typeof h.fields.startedAt === 'number' ? h.fields.startedAt : 0);
  const titled = huddles.filter((h) => typeof h.fields.title === 'string');
  const open = titled.filter((h) => h.fields.state !== 'closed');
  const pool = open.length > 0 ? open : titled;
  return pool.reduce<T | null>((best, h) => (!best || started(h) > started(best) ? h : best), null);
}

/** An idea's title as a TV may show it: never the words of a hidden or erased idea. */
export function boardTitle(idea: IdeaFields | undefined): string {
  if (!idea) return 'An idea not on the server yet';
  if (idea.erased === true) return 'An idea whose words were erased';
  if (idea.hidden === true) return 'An idea hidden by a facilitator';
  return typeof idea.title === 'string' ? idea.title : 'An idea';
}

/** What the TV shows of one huddle, from the merged records. */
export function boardOf(
  id: string,
  huddle: HuddleFields,
  ideas: ReadonlyMap<string, IdeaFields>,
  votes: readonly VoteLike[],
): BoardHuddle {
  const shortlist = parseIds(typeof huddle.shortlist === 'string' ? huddle.shortlist : null);
  const closed = huddle.state === 'closed';
  const revealed = closed || huddle.hidden === false;
  const ours = votes.filter((v) => v.huddleId === id);
  return {
    id,
    title: typeof huddle.title === 'string' ? huddle.title : 'Huddle',
    closed,
    endsAt: typeof huddle.endsAt === 'number' ? huddle.endsAt : null,
    ideas: shortlist.map((i) => ({ id: i, title: boardTitle(ideas.get(i)) })),
    rows: revealed ? tally(shortlist, ours, id) : null,
    voters: new Set(ours.filter((v) => v.dots > 0).map(voterKey)).size,
    outcome: parseIds(typeof huddle.outcome === 'string' ? huddle.outcome : null),
  };
}
