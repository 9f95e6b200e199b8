/**
 * Bearer-token authentication. A missing, unknown or revoked token is 401; a
 * token used for a team it does not belong to is 403 with nothing about that
 * team in the answer.
 */
import { teamAdminWords } from '../../src/domain/teamAdmin.en.ts';
import type { Context } from 'hono';
import type { Actor, Store } from '../store/index.ts';
import { joiningWords } from '../../src/domain/joining.en.ts';
import { ApiError } from './errors.ts';

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,128})$/;

/** The bearer token of the request, or null (none, or not of a token's shape). */
export function bearerToken(c: Context): string | null {
  return BEARER.exec(c.req.header('authorization') ?? '')?.[1] ?? null;
}

export async function requireActor(c: Context, store: Store): Promise<Actor> {
  const token = bearerToken(c);
  const actor = token ? await store.authenticate(token) : null;
  if (!actor) {
    if (token && (await store.signIn.isDisabled(token))) throw ACCOUNT_DISABLED;
    throw new ApiError(401, 'unauthorised', joiningWords('notSignedIn'));
  }
  return actor;
}

/** The provider said the account this member signed in with is no longer valid (decision 0020). */
export const ACCOUNT_DISABLED = new ApiError(401, 'unauthorised', joiningWords('accountDisabled'));

export function requireTeam(actor: Actor, teamId: string): void {
  if (actor.teamId !== teamId) {
    throw new ApiError(403, 'forbidden', teamAdminWords('notMemberDevice'));
  }
}
