/**
 * The organisation's routes (decision 0021; the list is in
 * src/domain/orgProtocol.ts). A leader's token is not a team member's: team
 * routes answer it 401, and only the organisation's own routes take it. A
 * team member reads the organisation's log only while the team is linked to
 * it, and never the portfolio.
 */
import { orgAdminWords } from '../../src/domain/orgAdmin.en.ts';
import type { Context, Hono } from 'hono';
import * as v from 'valibot';
import {
  answerAskRequestSchema,
  createOrgRequestSchema,
  joinOrgRequestSchema,
  linkOrgRequestSchema,
  type TeamOrgResponse,
} from '../../src/domain/orgProtocol.ts';
import { LIMITS } from '../../src/domain/records.ts';
import { idString } from '../../src/domain/schemaParts.ts';
import { bearerToken, requireActor } from '../http/auth.ts';
import { ApiError, rateLimited } from '../http/errors.ts';
import { checkPull } from '../http/fairUse.ts';
import { parseInput, readJson } from '../http/input.ts';
import type { Limits } from '../http/limits.ts';
import type { OrgActor, Store } from '../store/index.ts';
import { normaliseInviteCode } from '../store/secrets.ts';

export type OrgDeps = {
  readonly store: Store;
  readonly now: () => number;
  readonly clientKey: (c: Context) => string;
  readonly limits: Limits;
  /** Called after the server wrote to a team's log (a leader's answer): live updates. */
  readonly onApplied?: (teamId: string) => void;
  /**
   * Called after a team was linked to or unlinked from an organisation (its
   * phones learn it, and an unlink's withdrawals are in the organisation's log).
   */
  readonly onLinkChanged?: (teamId: string, orgId: string) => void;
};

/** A leader's (or admin's) token for the organisation, or 401 in words. */
export async function requireOrgActor(c: Context, store: Store): Promise<OrgActor> {
  const token = bearerToken(c);
  const actor = token ? await store.orgs.authenticateOrg(token) : null;
  if (!actor) throw new ApiError(401, 'unauthorised', orgAdminWords('notLeaderDevice'));
  return actor;
}

function requireFacilitator(role: string, refusal: 'facilitatorLink' | 'facilitatorUnlink'): void {
  if (role !== 'facilitator') throw new ApiError(403, 'forbidden', orgAdminWords(refusal));
}

const pullQuery = v.object({
  org: idString,
  cursor: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'must be a whole number'), v.transform(Number)),
    '0',
  ),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,4}$/, 'must be a whole number'),
      v.transform(Number),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(LIMITS.pullPage, `must be at most ${LIMITS.pullPage}`),
    ),
    String(LIMITS.pullPage),
  ),
});

const NOT_LINKED = orgAdminWords('notLinked');

export function orgRoutes(app: Hono, deps: OrgDeps): void {
  const { store, now, clientKey } = deps;
  const { joinFailures, teamCreations } = deps.limits;

  app.post('/api/v1/orgs', async (c) => {
    const key = clientKey(c);
    const wait = await teamCreations.wait(key);
    if (wait > 0) throw rateLimited(wait);
    const input = parseInput(createOrgRequestSchema, await readJson(c));
    await teamCreations.add(key, 1);
    return c.json(await store.orgs.createOrg(input, now()), 201);
  });

  app.post('/api/v1/orgs/join', async (c) => {
    const key = clientKey(c);
    const wait = await joinFailures.wait(key);
    if (wait > 0) throw rateLimited(wait);
    const input = parseInput(joinOrgRequestSchema, await readJson(c));
    const session = await store.orgs.joinOrg(
      { ...input, leaderCode: normaliseInviteCode(input.leaderCode) },
      now(),
    );
    if (!session) {
      await joinFailures.add(key, 1);
      throw new ApiError(404, 'not_found', orgAdminWords('noOrgForLeaderCode'), {
        field: 'leaderCode',
      });
    }
    return c.json(session, 200);
  });

  app.get('/api/v1/org', async (c) => {
    const actor = await requireOrgActor(c, store);
    const info = await store.orgs.orgInfo(actor);
    if (!info) throw new ApiError(404, 'not_found', orgAdminWords('orgGone'));
    return c.json(info, 200);
  });

  app.post('/api/v1/team/org', async (c) => {
    const actor = await requireActor(c, store);
    requireFacilitator(actor.role, 'facilitatorLink');
    const key = clientKey(c);
    const wait = await joinFailures.wait(key);
    if (wait > 0) throw rateLimited(wait);
    const input = parseInput(linkOrgRequestSchema, await readJson(c));
    const outcome = await store.orgs.linkTeam(
      actor.teamId,
      normaliseInviteCode(input.inviteCode),
      now(),
    );
    if (outcome.kind === 'no-such-code') {
      await joinFailures.add(key, 1);
      throw new ApiError(404, 'not_found', orgAdminWords('noOrgForCode'), {
        field: 'inviteCode',
      });
    }
    if (outcome.kind === 'already-linked')
      throw new ApiError(
        400,
        'bad_request',
        orgAdminWords('alreadyLinked', { org: outcome.org.name }),
        { field: 'inviteCode' },
      );
    deps.onLinkChanged?.(actor.teamId, outcome.org.id);
    return c.json({ org: outcome.org } satisfies TeamOrgResponse, 200);
  });

  app.delete('/api/v1/team/org', async (c) => {
    const actor = await requireActor(c, store);
    requireFacilitator(actor.role, 'facilitatorUnlink');
    const org = await store.orgs.teamOrg(actor.teamId);
    await store.orgs.unlinkTeam(actor.teamId, now());
    if (org) deps.onLinkChanged?.(actor.teamId, org.id);
    return c.json({ org: null } satisfies TeamOrgResponse, 200);
  });

  app.get('/api/v1/org/pull', async (c) => {
    // Who is asking first (a leader, or a linked team's member; anyone else 401), then what.
    const token = bearerToken(c);
    const leader = token ? await store.orgs.authenticateOrg(token) : null;
    const actor = leader ? null : await requireActor(c, store);
    const query = parseInput(pullQuery, c.req.query());
    if (leader) {
      if (leader.orgId !== query.org)
        throw new ApiError(403, 'forbidden', orgAdminWords('notLeader'));
      await checkPull(deps.limits, leader.memberId);
    } else if (actor) {
      await checkPull(deps.limits, actor.memberId);
      const org = await store.orgs.teamOrg(actor.teamId);
      if (org?.id !== query.org) throw new ApiError(403, 'forbidden', NOT_LINKED);
    }
    return c.json(await store.orgs.orgPull(query.org, query.cursor, query.limit), 200);
  });

  app.get('/api/v1/org/portfolio', async (c) => {
    const actor = await requireOrgActor(c, store);
    const found = await store.orgs.portfolio(actor.orgId, now());
    if (!found) throw new ApiError(404, 'not_found', orgAdminWords('orgGone'));
    return c.json(found, 200);
  });

  app.post('/api/v1/org/asks/:id/answer', async (c) => {
    const actor = await requireOrgActor(c, store);
    const { id } = parseInput(v.object({ id: idString }), { id: c.req.param('id') });
    const input = parseInput(answerAskRequestSchema, await readJson(c));
    const outcome = await store.orgs.answerAsk(actor, { ...input, askId: id }, now());
    if (outcome.kind === 'not-found')
      throw new ApiError(404, 'not_found', orgAdminWords('askGone'), {
        field: 'id',
      });
    if (outcome.kind === 'refused') throw new ApiError(400, 'bad_request', outcome.reason);
    deps.onApplied?.(input.teamId);
    return c.json({ seq: outcome.seq }, 200);
  });
}
