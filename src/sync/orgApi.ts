/**
 * The organisation's routes from the phone (decision 0021; the list is in
 * src/domain/orgProtocol.ts), apart from api.ts so a device in no
 * organisation, and the capture screen, carry none of it.
 */
import * as v from 'valibot';
import {
  answerAskResponseSchema,
  orgInfoSchema,
  orgSessionSchema,
  portfolioSchema,
  teamOrgResponseSchema,
  type AnswerAskRequest,
  type CreateOrgRequest,
  type JoinOrgRequest,
  type OrgInfo,
  type OrgSession,
  type Portfolio,
  type TeamOrgResponse,
} from '../domain/orgProtocol.ts';
import { pullResponseSchema } from '../domain/protocol.ts';
import { apiCaller, type ApiResult, type Fetch, type PullPage } from './api.ts';

export type OrgApi = {
  createOrg(body: CreateOrgRequest): Promise<ApiResult<OrgSession>>;
  joinOrg(body: JoinOrgRequest): Promise<ApiResult<OrgSession>>;
  orgInfo(orgToken: string): Promise<ApiResult<OrgInfo>>;
  /** A team's facilitator links the team with the organisation's code. */
  link(teamToken: string, inviteCode: string): Promise<ApiResult<TeamOrgResponse>>;
  unlink(teamToken: string): Promise<ApiResult<TeamOrgResponse>>;
  /** The organisation's log after `cursor`: with a leader's token, or a linked team member's. */
  pull(token: string, orgId: string, cursor: number): Promise<ApiResult<PullPage>>;
  portfolio(orgToken: string): Promise<ApiResult<Portfolio>>;
  answerAsk(orgToken: string, askId: string, body: AnswerAskRequest): Promise<ApiResult<unknown>>;
};

const pullPageSchema = v.object({ ...pullResponseSchema.entries, epoch: v.optional(v.string()) });

export function createOrgApi(baseUrl = '', fetchImpl?: Fetch): OrgApi {
  const { call, json, auth } = apiCaller(baseUrl, fetchImpl);
  return {
    createOrg: (body) => call('/api/v1/orgs', orgSessionSchema, json(body)),
    joinOrg: (body) => call('/api/v1/orgs/join', orgSessionSchema, json(body)),
    orgInfo: (token) => call('/api/v1/org', orgInfoSchema, auth(token)),
    link: (token, inviteCode) =>
      call('/api/v1/team/org', teamOrgResponseSchema, json({ inviteCode }, token)),
    unlink: (token) =>
      call('/api/v1/team/org', teamOrgResponseSchema, { ...auth(token), method: 'DELETE' }),
    pull: (token, orgId, cursor) =>
      call(
        `/api/v1/org/pull?org=${encodeURIComponent(orgId)}&cursor=${cursor}`,
        pullPageSchema,
        auth(token),
        { inPass: true },
      ),
    portfolio: (token) =>
      call('/api/v1/org/portfolio', portfolioSchema, auth(token), { inPass: true }),
    answerAsk: (token, askId, body) =>
      call(
        `/api/v1/org/asks/${encodeURIComponent(askId)}/answer`,
        answerAskResponseSchema,
        json(body, token),
      ),
  };
}
