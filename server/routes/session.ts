/**
 * Becoming a member: creating a team (its first member is the facilitator),
 * joining one by invite code, and reading the team. Creating and failed joins
 * are rate-limited per client key, so invite codes cannot be guessed in bulk.
 */
import { joiningWords } from '../../src/domain/joining.en.ts';
import { nameTakenWords } from '../../src/domain/names.ts';
import type { Context, Hono } from 'hono';
import { createTeamRequestSchema, joinRequestSchema } from '../../src/domain/teamRequests.ts';
import { requireActor } from '../http/auth.ts';
import { ApiError, rateLimited } from '../http/errors.ts';
import { parseInput, readJson } from '../http/input.ts';
import type { Limits } from '../http/limits.ts';
import type { Store } from '../store/index.ts';
import { normaliseInviteCode } from '../store/secrets.ts';

export type SessionDeps = {
  readonly store: Store;
  readonly now: () => number;
  /** The client's address (see http/clientAddress.ts). */
  readonly clientKey: (c: Context) => string;
  readonly limits: Limits;
};

export function sessionRoutes(app: Hono, deps: SessionDeps): void {
  const { store, now, clientKey } = deps;
  const { joinFailures, teamCreations: creations } = deps.limits;

  app.post('/api/v1/teams', async (c) => {
    const key = clientKey(c);
    const wait = await creations.wait(key);
    if (wait > 0) throw rateLimited(wait);
    const input = parseInput(createTeamRequestSchema, await readJson(c));
    await creations.add(key, 1);
    return c.json(await store.createTeam(input, now()), 201);
  });

  app.post('/api/v1/join', async (c) => {
    const key = clientKey(c);
    const wait = await joinFailures.wait(key);
    if (wait > 0) throw rateLimited(wait);
    const input = parseInput(joinRequestSchema, await readJson(c));
    const inviteCode = normaliseInviteCode(input.inviteCode);
    const session = await store.joinTeam({ ...input, inviteCode }, now());
    if (!session) {
      await joinFailures.add(key, 1);
      throw new ApiError(404, 'not_found', joiningWords('noTeamForCode'), {
        field: 'inviteCode',
      });
    }
    if ('signInRequired' in session) {
      throw new ApiError(
        403,
        'forbidden',
        joiningWords(session.signInRequired.expired ? 'signInExpired' : 'signInRequired'),
        { field: 'signIn' },
      );
    }
    if ('nameTaken' in session)
      throw new ApiError(400, 'bad_request', nameTakenWords(session.nameTaken), {
        field: 'displayName',
      });
    return c.json(session, 200);
  });

  app.get('/api/v1/team', async (c) => {
    const actor = await requireActor(c, store);
    const info = await store.teamInfo(actor.teamId);
    if (!info) throw new ApiError(404, 'not_found', 'This team no longer exists.');
    // Additive: a scheduled deletion, so the app can warn (old clients ignore it).
    const deletion = await store.teamDeletion(actor.teamId);
    // Additive (decision 0021): the organisation the team is linked to, or null.
    const org = await store.orgs.teamOrg(actor.teamId);
    return c.json({ ...info, ...(deletion ? { deletion } : {}), org }, 200);
  });
}
