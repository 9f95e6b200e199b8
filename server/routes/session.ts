/**
 * Becoming a member: creating a team (its first member is the facilitator),
 * joining one by invite code, and reading the team. Creating and failed joins
 * are rate-limited per client key, so invite codes cannot be guessed in bulk.
 */
import type { Context, Hono } from 'hono';
import { createTeamRequestSchema, joinRequestSchema } from '../../src/domain/protocol.ts';
import { requireActor } from '../http/auth.ts';
import { ApiError } from '../http/errors.ts';
import { parseInput, readJson } from '../http/input.ts';
import { createRateLimiter } from '../http/rateLimit.ts';
import type { Store } from '../store/index.ts';
import { normaliseInviteCode } from '../store/secrets.ts';

export type SessionDeps = {
  readonly store: Store;
  readonly now: () => number;
  readonly clientKey: (c: Context) => string;
};

/** Failed joins allowed per client key in the window. */
export const JOIN_FAILURES = { limit: 10, windowMs: 10 * 60_000 };
/** Teams created per client key in the window. */
export const TEAM_CREATIONS = { limit: 20, windowMs: 60 * 60_000 };

function rateLimited(seconds: number): ApiError {
  return new ApiError(
    429,
    'rate_limited',
    `Too many attempts from this device. Try again in ${Math.ceil(seconds / 60)} minutes.`,
    {
      headers: { 'Retry-After': String(seconds) },
    },
  );
}

export function sessionRoutes(app: Hono, deps: SessionDeps): void {
  const { store, now, clientKey } = deps;
  const joinFailures = createRateLimiter(JOIN_FAILURES);
  const creations = createRateLimiter(TEAM_CREATIONS);

  app.post('/api/v1/teams', async (c) => {
    const key = clientKey(c);
    const wait = creations.retryAfter(key, now());
    if (wait > 0) throw rateLimited(wait);
    const input = parseInput(createTeamRequestSchema, await readJson(c));
    creations.record(key, now());
    return c.json(await store.createTeam(input, now()), 201);
  });

  app.post('/api/v1/join', async (c) => {
    const key = clientKey(c);
    const wait = joinFailures.retryAfter(key, now());
    if (wait > 0) throw rateLimited(wait);
    const input = parseInput(joinRequestSchema, await readJson(c));
    const inviteCode = normaliseInviteCode(input.inviteCode);
    const session = await store.joinTeam({ ...input, inviteCode }, now());
    if (!session) {
      joinFailures.record(key, now());
      throw new ApiError(
        404,
        'not_found',
        'No team has that invite code. Check it with your facilitator.',
        {
          field: 'inviteCode',
        },
      );
    }
    return c.json(session, 200);
  });

  app.get('/api/v1/team', async (c) => {
    const actor = await requireActor(c, store);
    const info = await store.teamInfo(actor.teamId);
    if (!info) throw new ApiError(404, 'not_found', 'This team no longer exists.');
    return c.json(info, 200);
  });
}
