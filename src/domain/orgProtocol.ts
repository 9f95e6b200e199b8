/**
 * The organisation's part of the wire protocol (v1-additive: old clients
 * never call these routes, and the one field added to an old answer, the
 * team's `org` in GET /api/v1/team, is optional). Decision 0021.
 *
 *   POST   /api/v1/orgs              CreateOrgRequest -> OrgSession (you are its admin)
 *   POST   /api/v1/orgs/join         JoinOrgRequest   -> OrgSession (a leader)
 *   GET    /api/v1/org               (org token)      -> OrgInfo
 *   POST   /api/v1/team/org          (facilitator)    LinkOrgRequest -> TeamOrgResponse
 *   DELETE /api/v1/team/org          (facilitator)    -> TeamOrgResponse {org: null}
 *   GET    /api/v1/org/pull?org=&cursor=  (org token, or a linked team's) -> PullResponse
 *   GET    /api/v1/org/portfolio     (org token)      -> Portfolio
 *   POST   /api/v1/org/asks/:id/answer (org token)    AnswerAskRequest -> AnswerAskResponse
 */
import * as v from 'valibot';
import { ANSWERS } from './improvement.ts';
import { LIMITS } from './records.ts';
import { idString, storedName, text } from './schemaParts.ts';
import { IMPROVEMENT_LIMITS } from './improvement.ts';

const code = (words: string) =>
  v.pipe(
    v.string(),
    v.transform((s) => s.replace(/[\s-]/g, '').toUpperCase()),
    v.regex(/^[0-9A-Z]{8,32}$/, words),
  );

export const createOrgRequestSchema = v.strictObject({
  orgName: storedName(LIMITS.teamName),
  displayName: storedName(LIMITS.displayName),
});
export type CreateOrgRequest = v.InferInput<typeof createOrgRequestSchema>;

export const joinOrgRequestSchema = v.strictObject({
  leaderCode: code('must be the leader code the organisation’s admin gave you'),
  displayName: storedName(LIMITS.displayName),
});
export type JoinOrgRequest = v.InferInput<typeof joinOrgRequestSchema>;

export const linkOrgRequestSchema = v.strictObject({
  inviteCode: code('must be the organisation’s code its admin gave you'),
});
export type LinkOrgRequest = v.InferInput<typeof linkOrgRequestSchema>;

export const ORG_ROLES = ['leader', 'admin'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

const orgSchema = v.object({
  id: v.string(),
  name: v.string(),
  /** The code a facilitator links a team with; the code a leader joins with (admins only). */
  inviteCode: v.optional(v.string()),
  leaderCode: v.optional(v.string()),
});

export const orgSessionSchema = v.object({
  org: orgSchema,
  member: v.object({ id: v.string(), displayName: v.string(), role: v.picklist(ORG_ROLES) }),
  token: v.string(),
});
export type OrgSession = v.InferOutput<typeof orgSessionSchema>;

/** The organisation a team is linked to, as its members see it (null: none). */
export const teamOrgSchema = v.nullable(v.object({ id: v.string(), name: v.string() }));
export type TeamOrg = v.InferOutput<typeof teamOrgSchema>;
export const teamOrgResponseSchema = v.object({ org: teamOrgSchema });
export type TeamOrgResponse = v.InferOutput<typeof teamOrgResponseSchema>;

export const orgInfoSchema = v.object({
  org: orgSchema,
  teams: v.array(v.object({ id: v.string(), name: v.string() })),
});
export type OrgInfo = v.InferOutput<typeof orgInfoSchema>;

export const answerAskRequestSchema = v.strictObject({
  teamId: idString,
  answer: v.picklist(ANSWERS, 'must be backed, needs-more or not-now'),
  note: v.optional(text(IMPROVEMENT_LIMITS.long), ''),
});
export type AnswerAskRequest = v.InferInput<typeof answerAskRequestSchema>;
export const answerAskResponseSchema = v.object({ seq: v.number() });

// ---- the portfolio: what a leader sees of each linked team -----------------

const pointSchema = v.object({
  date: v.string(),
  value: v.number(),
  ghost: v.optional(v.boolean()),
});
const ideaItem = v.object({
  id: v.string(),
  title: v.string(),
  status: v.string(),
  /** The category's label: the theme a leader filters by. */
  theme: v.nullable(v.string()),
  statusAt: v.nullable(v.number()),
  /** Its words were erased; `title` then holds an English placeholder for apps older than this field. */
  erased: v.optional(v.literal(true)),
});

export const portfolioTeamSchema = v.object({
  id: v.string(),
  name: v.string(),
  challenge: v.nullable(
    v.object({
      goal: v.string(),
      startDate: v.string(),
      outcome: v.nullable(
        v.object({
          name: v.string(),
          unit: v.string(),
          direction: v.picklist(['higher', 'lower']),
          target: v.nullable(v.number()),
          points: v.array(pointSchema),
        }),
      ),
    }),
  ),
  ideas: v.array(ideaItem),
  asks: v.array(
    v.object({
      id: v.string(),
      kind: v.string(),
      text: v.string(),
      ideaTitle: v.string(),
      /** The idea is not one a leader may see (still new, say); `ideaTitle` then holds an English placeholder for older apps. */
      ideaUnseen: v.optional(v.literal(true)),
      /** The idea's words were erased; `ideaTitle` then holds an English placeholder for older apps. */
      ideaErased: v.optional(v.literal(true)),
      theme: v.nullable(v.string()),
      createdAt: v.number(),
      answer: v.nullable(v.string()),
      answeredAt: v.nullable(v.number()),
    }),
  ),
});
export type PortfolioTeam = v.InferOutput<typeof portfolioTeamSchema>;

export const portfolioSchema = v.object({
  org: v.object({ id: v.string(), name: v.string() }),
  /** When the server summed it up, in ms since the epoch. */
  at: v.number(),
  teams: v.array(portfolioTeamSchema),
});
export type Portfolio = v.InferOutput<typeof portfolioSchema>;
