/**
 * Whether sending a refused change again could ever succeed, by the rule's
 * code (issue 17: "needs attention" offered "Try again" first for refusals
 * that can never pass). A refusal is final when the same mutation would meet
 * the same rule again: it is about who sent it, what it names or its shape
 * (not-owner, not-lead, not-you, fixed, derived-id, other-team, invalid,
 * no-parent, not-created), or about a huddle that has closed or a vote budget
 * (huddle-closed, over-budget: a resent copy carries the same dots). Only a
 * clock ahead of the server's may pass later, once the clock is right. A
 * refusal with no code (an older server, or a change the server could not
 * read) is unknown: both ways stay open, discarding first.
 */
import type { VerdictCode } from './verdict.ts';

export type RetryChance = 'never' | 'later' | 'unknown';

const CHANCE = {
  'other-team': 'never',
  'not-created': 'never',
  'no-parent': 'never',
  'not-owner': 'never',
  'not-lead': 'never',
  'not-you': 'never',
  fixed: 'never',
  'derived-id': 'never',
  invalid: 'never',
  'over-budget': 'never',
  'huddle-closed': 'never',
  'clock-ahead': 'later',
} as const satisfies Record<VerdictCode, RetryChance>;

/** Could sending this refused change again succeed? */
export function retryChance(code: VerdictCode | undefined): RetryChance {
  return code === undefined ? 'unknown' : CHANCE[code];
}
