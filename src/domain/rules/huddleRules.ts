/**
 * The rules of huddles, dot voting and moving an idea along, as pure verdicts:
 * the server enforces them on every push and the page uses the same ones to
 * hide or refuse what would be rejected.
 */
import { applyFields } from '../idea.ts';
import {
  normaliseName,
  parseIds,
  voteIdOf,
  voterKey,
  type HuddleState,
  type VoteLike,
} from '../huddle.ts';
import { dotsUsed } from '../huddleTally.ts';
import type { Fields } from '../merge.ts';
import type { IdeaStatus, Role } from '../records.ts';
import type { Judge } from './facts.ts';
import { mayLead, no, OK, type Verdict } from './verdict.ts';
import { en as WORDS } from './rules.en.ts';

export { mayLead };

/** The server's words for a vote over the voter's dots, and after the huddle closed. */
export const OVER_YOUR_DOTS = WORDS.overDots;
export const HUDDLE_CLOSED = WORDS.huddleClosed;

/** Statuses a member may set on their own idea; only facilitators and sponsors go further. */
const EARLY: readonly IdeaStatus[] = ['new', 'shortlisted'];

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
): Verdict {
  if (mayLead(role) || from === to) return OK;
  if (!isAuthor) return no('not-lead', 'moveOthers', 'fields.status');
  if (!EARLY.includes(to) || (from !== undefined && !EARLY.includes(from))) {
    return no('not-lead', 'movePast', 'fields.status');
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
export function checkVote(f: VoteFacts): Verdict {
  const { actor, huddle, before, after } = f;
  if (!huddle) return no('no-parent', 'voteNoHuddle', 'fields.huddleId');
  if (huddle.state !== 'open') return no('huddle-closed', 'huddleClosed', 'fields.dots');
  if (!huddle.shortlist.includes(after.ideaId))
    return no('invalid', 'notShortlisted', 'fields.ideaId');
  const forSomeoneElse = after.proxy || after.memberId !== actor.memberId;
  if (forSomeoneElse && actor.role !== 'facilitator')
    return no('not-lead', 'voteForOthers', 'fields.memberId');
  if (after.proxy && (after.proxyName ?? '').trim() === '')
    return no('invalid', 'proxyName', 'fields.proxyName');
  if (after.dots < 0 || after.dots > huddle.dotsPerMember || !Number.isInteger(after.dots))
    return no('invalid', 'dotsRange', 'fields.dots', { n: String(huddle.dotsPerMember) });
  const voter = voterKey(after);
  const old = before ? before.dots : 0;
  const others = dotsUsed(f.votes, after.huddleId, voter) - old;
  const total = others + after.dots;
  // Taking dots off is always allowed, so a person over budget can put it right.
  if (total > huddle.dotsPerMember && after.dots > old)
    return no('over-budget', 'overDots', 'fields.dots');
  return OK;
}

/** A merged vote's fields as the rules read them; null if incomplete. */
export function asVote(fields: Fields): VoteLike | null {
  const { huddleId, ideaId, memberId, dots, proxy, proxyName } = fields;
  if (typeof huddleId !== 'string' || typeof ideaId !== 'string') return null;
  if (typeof memberId !== 'string' || typeof dots !== 'number') return null;
  return {
    huddleId,
    ideaId,
    memberId,
    dots,
    proxy: proxy === true,
    proxyName: typeof proxyName === 'string' ? proxyName : null,
  };
}

/**
 * Only a facilitator runs a huddle. A closed one records its outcome (or a new
 * title), or is reopened by a facilitator (issue 17: closing by mistake was
 * final): it opens with its closing time cleared and, optionally, a new timer.
 */
export const judgeHuddle: Judge<'huddle'> = ({ actor, m, fields, existing, facts }) => {
  if (actor.role !== 'facilitator') return no('not-lead', 'huddleLead');
  if (existing.kind === 'none' && fields['startedBy'] !== actor.memberId)
    return no('not-you', 'huddleStarter', 'fields.startedBy');
  const held = existing.kind === 'own' ? existing.state : undefined;
  if (held?.fields['state'] === 'closed') {
    const reopening = fields['state'] === 'open';
    const allowed = reopening
      ? ['outcome', 'title', 'state', 'closedAt', 'endsAt']
      : ['outcome', 'title', 'state'];
    const changed = Object.keys(fields).find((k) => !allowed.includes(k));
    if (changed)
      return no('invalid', reopening ? 'reopenTimer' : 'closedOutcome', `fields.${changed}`);
    if (reopening && fields['closedAt'] !== null)
      return no('invalid', 'reopenClear', 'fields.closedAt');
  }
  const after = applyFields(held, fields, m.hlc).fields;
  if (after['state'] === 'closed' && typeof after['closedAt'] !== 'number')
    return no('invalid', 'closedTime', 'fields.closedAt');
  const shortlist = parseIds(after['shortlist'] as string | undefined);
  if ('shortlist' in fields && shortlist.some((id) => facts.record('idea', id).kind !== 'own'))
    return no('no-parent', 'shortlistNoIdea', 'fields.shortlist');
  const outcome = parseIds(after['outcome'] as string | undefined);
  if (outcome.some((id) => !shortlist.includes(id)))
    return no('invalid', 'outcomeShortlisted', 'fields.outcome');
  return OK;
};

/** A vote stays the same voter's on the same idea; its dots obey checkVote. */
export const judgeVote: Judge<'vote'> = ({ actor, m, fields, existing, facts }) => {
  const before = existing.kind === 'own' ? asVote(existing.state.fields) : null;
  if (existing.kind === 'own' && before) {
    // Who and what a vote is for never changes (a proxy vote's recorder may).
    for (const key of [
      'huddleId',
      'ideaId',
      'proxy',
      'proxyName',
      ...(before.proxy ? [] : ['memberId']),
    ]) {
      const was = existing.state.fields[key] ?? null;
      const now = fields[key] ?? null;
      // The same colleague typed another way ("Priya", "priya ") is the same voter.
      const same =
        key === 'proxyName' && typeof was === 'string' && typeof now === 'string'
          ? normaliseName(was) === normaliseName(now)
          : was === now;
      if (key in fields && !same) return no('fixed', 'voteFixed', `fields.${key}`);
    }
  }
  const held = existing.kind === 'own' ? existing.state : undefined;
  const after = asVote(applyFields(held, fields, m.hlc).fields);
  if (!after) return no('invalid', 'voteIncomplete', 'fields');
  if (existing.kind === 'none' && voteIdOf(after) !== m.entityId)
    return no('derived-id', 'voteId', 'entityId');
  const huddle = facts.record('huddle', after.huddleId);
  const h = huddle.kind === 'own' ? huddle.state.fields : null;
  return checkVote({
    actor,
    huddle: h
      ? {
          state: h['state'] === 'closed' ? 'closed' : 'open',
          dotsPerMember: Number(h['dotsPerMember']),
          shortlist: parseIds(h['shortlist'] as string | undefined),
        }
      : null,
    before,
    after,
    votes: facts.votesOf(after.huddleId, voterKey(after)),
  });
};
