/**
 * The rules of dot voting and of moving an idea along, as pure verdicts: the
 * server enforces them on every push (server/store/huddleRules.ts) and the
 * page uses the same ones to hide or refuse what would be rejected.
 */
import { voterKey, type HuddleState, type VoteLike } from './huddle.ts';
import { dotsUsed } from './huddleTally.ts';
import type { IdeaStatus, Role } from './records.ts';

export type RuleVerdict =
  { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly field?: string };

const OK: RuleVerdict = { ok: true };
const no = (reason: string, field?: string): RuleVerdict =>
  field === undefined ? { ok: false, reason } : { ok: false, reason, field };

export const OVER_YOUR_DOTS = 'over your dots';
export const HUDDLE_CLOSED = 'This huddle has closed, so this vote was not counted';

/** Statuses a member may set on their own idea; only facilitators and sponsors go further. */
const EARLY: readonly IdeaStatus[] = ['new', 'shortlisted'];

export function mayLead(role: Role): boolean {
  return role === 'facilitator' || role === 'sponsor';
}

/**
 * May this person move an idea from `from` to `to`? Facilitators and sponsors
 * may move any idea anywhere; a member may only move their own idea between
 * new and shortlisted.
 */
export function checkStatusMove(
  role: Role,
  isAuthor: boolean,
  from: IdeaStatus | undefined,
  to: IdeaStatus,
): RuleVerdict {
  if (mayLead(role) || from === to) return OK;
  if (!isAuthor)
    return no('Only a facilitator or sponsor can move someone else’s idea', 'fields.status');
  if (!EARLY.includes(to) || (from !== undefined && !EARLY.includes(from))) {
    return no('Only a facilitator or sponsor can move an idea past shortlisted', 'fields.status');
  }
  return OK;
}

/** The statuses this person may choose for an idea now at `from`. */
export function allowedStatuses(
  role: Role,
  isAuthor: boolean,
  from: IdeaStatus,
  all: readonly IdeaStatus[],
): IdeaStatus[] {
  return all.filter((to) => checkStatusMove(role, isAuthor, from, to).ok);
}

export type VoteFacts = {
  readonly actor: { readonly memberId: string; readonly role: Role };
  /** The huddle as held now; null when there is none. */
  readonly huddle: {
    readonly state: HuddleState;
    readonly dotsPerMember: number;
    readonly shortlist: readonly string[];
  } | null;
  /** The vote record before and after this change is merged in. */
  readonly before: VoteLike | null;
  readonly after: VoteLike;
  /** Every vote of the huddle as held now (this record's old value included). */
  readonly votes: readonly VoteLike[];
};

/**
 * May this vote change be applied? Only in an open huddle, on a shortlisted
 * idea, by the voter or (tablet, proxy) a facilitator, within 0..dotsPerMember,
 * and never taking the voter's total over their dots.
 */
export function checkVote(f: VoteFacts): RuleVerdict {
  const { actor, huddle, before, after } = f;
  if (!huddle) return no('This vote is for a huddle your team does not have', 'fields.huddleId');
  if (huddle.state !== 'open') return no(HUDDLE_CLOSED, 'fields.dots');
  if (!huddle.shortlist.includes(after.ideaId))
    return no('This idea is not on the huddle’s shortlist', 'fields.ideaId');
  const forSomeoneElse = after.proxy || after.memberId !== actor.memberId;
  if (forSomeoneElse && actor.role !== 'facilitator')
    return no('Only a facilitator can record a vote for someone else', 'fields.memberId');
  if (after.proxy && (after.proxyName ?? '').trim() === '')
    return no('A vote for a colleague without the app needs their name', 'fields.proxyName');
  if (after.dots < 0 || after.dots > huddle.dotsPerMember || !Number.isInteger(after.dots))
    return no(`Each idea can take 0 to ${huddle.dotsPerMember} dots`, 'fields.dots');
  const voter = voterKey(after);
  const old = before ? before.dots : 0;
  const others = dotsUsed(f.votes, after.huddleId, voter) - old;
  const total = others + after.dots;
  // Taking dots off is always allowed, so a person over budget can put it right.
  if (total > huddle.dotsPerMember && after.dots > old) return no(OVER_YOUR_DOTS, 'fields.dots');
  return OK;
}
