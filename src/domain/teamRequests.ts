/**
 * The requests that start a team and join one (POST /api/v1/teams and
 * /api/v1/join): the server parses them with these schemas, and the phone runs
 * the same check before sending (src/sync/team.ts), so a name with a hidden
 * character or an invite code of the wrong shape is said in words at once, and
 * offline too. Kept out of protocol.ts so that only the team screens carry them.
 */
import * as v from 'valibot';
import { LIMITS } from './records.ts';
import { storedName } from './schemaParts.ts';

export const createTeamRequestSchema = v.strictObject({
  teamName: storedName(LIMITS.teamName),
  displayName: storedName(LIMITS.displayName),
});
export type CreateTeamRequest = v.InferInput<typeof createTeamRequestSchema>;

/** What the invite code's check says (the phone knows it: sync/team.ts says it in words). */
export const INVITE_CODE_PROBLEM = 'must be the code your facilitator gave you';

export const joinRequestSchema = v.strictObject({
  inviteCode: v.pipe(
    v.string(),
    v.transform((s) => s.replace(/[\s-]/g, '').toUpperCase()),
    v.regex(/^[0-9A-Z]{8,32}$/, INVITE_CODE_PROBLEM),
  ),
  displayName: storedName(LIMITS.displayName),
  /**
   * The token this device holds (kept after a facilitator removed it). With it
   * the person joins again as the same member, so changes saved while signed
   * out still name them as author and are accepted.
   */
  previousToken: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,128}$/, 'is not a token this server issued')),
  ),
  /**
   * A finished staff sign-in (decision 0020): the ticket the server put in the
   * address after the provider sent the person back. A team that asks for
   * sign-in answers a join without one 403 (field `signIn`).
   */
  signInTicket: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,128}$/, 'is not a sign-in this server made')),
  ),
});
export type JoinRequest = v.InferInput<typeof joinRequestSchema>;
