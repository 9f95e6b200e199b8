/**
 * Staff sign-in by OpenID Connect (decision 0020). The browser goes to
 * /api/v1/auth/start with the team's invite code; the server keeps the flow
 * (state, PKCE verifier, nonce) in a database row and sends the browser to the
 * provider; the provider sends it back to /api/v1/auth/callback, where the
 * server takes the flow, exchanges the code, checks the account's email domain
 * and keeps what it proved as a one-use ticket. The browser lands on
 * /join/CODE with the ticket in the address's fragment (never sent to a
 * server or a log) and joins with it as usual: the device gets its own member
 * token, so offline use is unchanged. While a signed-in member syncs, the
 * server asks the provider now and then (the refresh-token grant) whether the
 * account still exists; a refusal signs the device out on that sync.
 */
import type { Context, Hono } from 'hono';
import * as v from 'valibot';
import { joiningWords } from '../../src/domain/joining.en.ts';
import { teamAdminWords } from '../../src/domain/teamAdmin.en.ts';
import { setSignInRequestSchema } from '../../src/domain/protocol.ts';
import { joinRequestSchema } from '../../src/domain/teamRequests.ts';
import type { SignInStart, TeamSignIn } from '../../src/domain/protocol.ts';
import { requireActor } from '../http/auth.ts';
import { ApiError } from '../http/errors.ts';
import { serverTroubleWords, waitValues } from '../../src/domain/serverTrouble.en.ts';
import type { Limits } from '../http/limits.ts';
import { parseInput, readJson } from '../http/input.ts';
import { CALLBACK_PATH, type Provider } from '../signIn/provider.ts';
import { seal, unseal } from '../signIn/seal.ts';
import { domainAllowed, type SignInSettings } from '../signIn/settings.ts';
import type { Store } from '../store/index.ts';
import { newToken } from '../store/secrets.ts';
import { normaliseInviteCode } from '../store/secrets.ts';

export type SignInDeps = {
  readonly store: Store;
  readonly now: () => number;
  readonly log: (line: string) => void;
  /** Null when sign-in is not set up: the routes answer in words and no team can require it. */
  readonly signIn: { readonly settings: SignInSettings; readonly provider: Provider } | null;
  /** The client's address (see http/clientAddress.ts), for the limit on sign-ins started. */
  readonly clientKey: (c: Context) => string;
  readonly limits: Limits;
  /** A member's account was disabled: their event streams end (routes/events.ts). */
  readonly onDisabled?: (teamId: string, memberId: string) => void;
};

const startQuery = v.object({ code: joinRequestSchema.entries.inviteCode });

/** Where the browser lands, with what it needs in the fragment. */
function landing(path: string, fragment: Record<string, string>): string {
  return `${path}#${new URLSearchParams(fragment).toString()}`;
}

const UNREACHABLE = joiningWords('signInUnreachable');
const RETRY_SOON = { headers: { 'Retry-After': '60' } };

export const NOT_SET_UP = joiningWords('signInNotSetUp');

/** 429: too many sign-ins started from one address; what to do, and when. */
export function tooManySignIns(seconds: number): ApiError {
  return new ApiError(
    429,
    'rate_limited',
    serverTroubleWords('tooManySignIns', waitValues(seconds)),
    { headers: { 'Retry-After': String(seconds) } },
  );
}

/** The app's button asks for JSON; a link the browser follows gets redirects. */
const wantsJson = (c: Context) => (c.req.header('accept') ?? '').includes('application/json');

export function signInRoutes(app: Hono, deps: SignInDeps): void {
  const { store, now, log } = deps;

  /** The team's rule as the Team screen shows it. */
  app.get('/api/v1/team/sign-in', async (c) => {
    const actor = await requireActor(c, store);
    return c.json(await describeRule(actor.teamId), 200);
  });

  async function describeRule(teamId: string): Promise<TeamSignIn> {
    const rule = await store.signIn.rule(teamId);
    return {
      available: deps.signIn !== null,
      provider: deps.signIn?.settings.providerName ?? '',
      ...rule,
      signedIn: [...(await store.signIn.signedInMembers(teamId))],
    };
  }

  app.put('/api/v1/team/sign-in', async (c) => {
    const actor = await requireActor(c, store);
    if (actor.role !== 'facilitator')
      throw new ApiError(403, 'forbidden', teamAdminWords('facilitatorJoining'));
    const rule = parseInput(setSignInRequestSchema, await readJson(c));
    if (rule.required && !deps.signIn)
      throw new ApiError(400, 'bad_request', NOT_SET_UP, { field: 'required' });
    await store.signIn.setRule(actor.teamId, rule, now());
    return c.json(await describeRule(actor.teamId), 200);
  });

  app.get('/api/v1/auth/start', async (c) => {
    if (!deps.signIn) throw new ApiError(404, 'not_found', NOT_SET_UP);
    // Counted per address before any work: each start writes a row and asks the provider.
    const wait = await deps.limits.signInStarts.take(deps.clientKey(c));
    if (wait > 0) throw tooManySignIns(wait);
    const { code } = parseInput(startQuery, { code: c.req.query('code') ?? '' });
    const inviteCode = normaliseInviteCode(code);
    let started;
    try {
      started = await deps.signIn.provider.start();
    } catch (err) {
      log(
        `sign-in: the provider did not answer: ${err instanceof Error ? err.message : String(err)}`,
      );
      if (wantsJson(c)) throw new ApiError(503, 'server_error', UNREACHABLE, RETRY_SOON);
      return c.redirect(landing(`/join/${inviteCode}`, { 'sign-in-error': 'unreachable' }), 303);
    }
    await store.signIn.startFlow({ ...started, inviteCode }, now());
    if (wantsJson(c)) return c.json({ url: started.url.href } satisfies SignInStart, 200);
    return c.redirect(started.url.href, 303);
  });

  app.get(CALLBACK_PATH, async (c) => {
    if (!deps.signIn) throw new ApiError(404, 'not_found', NOT_SET_UP);
    const { settings, provider } = deps.signIn;
    const flow = await store.signIn.takeFlow(c.req.query('state') ?? '', now());
    // No flow: too old, used already, or not started here. Start again from the team screen.
    if (!flow) return c.redirect(landing('/team', { 'sign-in-error': 'expired' }), 303);
    const back = `/join/${flow.inviteCode}`;
    if (c.req.query('error') !== undefined) {
      log(`sign-in: the provider said ${c.req.query('error') ?? ''}`);
      return c.redirect(landing(back, { 'sign-in-error': 'failed' }), 303);
    }
    let account;
    try {
      const url = new URL(settings.publicUrl + CALLBACK_PATH + new URL(c.req.url).search);
      account = await provider.finish(url, flow);
    } catch (err) {
      log(`sign-in: exchange failed: ${err instanceof Error ? err.message : String(err)}`);
      return c.redirect(landing(back, { 'sign-in-error': 'failed' }), 303);
    }
    if (account.email === null || !domainAllowed(account.email, settings.allowedDomains)) {
      return c.redirect(
        landing(back, {
          'sign-in-error': 'wrong-domain',
          email: account.email ?? '',
          domains: settings.allowedDomains.join(','),
        }),
        303,
      );
    }
    const ticket = newToken();
    await store.signIn.saveTicket(
      ticket,
      {
        subject: account.subject,
        email: account.email,
        refreshToken:
          account.refreshToken === null ? null : seal(settings.clientSecret, account.refreshToken),
      },
      now(),
    );
    return c.redirect(
      landing(back, {
        'signed-in': ticket,
        email: account.email,
        ...(account.name ? { name: account.name } : {}),
      }),
      303,
    );
  });

  // Before a sync: is the account behind this token still valid at the provider?
  app.use('/api/v1/sync/*', async (c, next) => {
    const token = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (deps.signIn && token !== undefined) await recheck(deps.signIn, token);
    await next();
  });

  async function recheck(signIn: NonNullable<SignInDeps['signIn']>, token: string) {
    const at = now();
    const due = await store.signIn.claimCheck(
      token,
      at,
      at - signIn.settings.recheckMinutes * 60_000,
    );
    if (!due || due.refreshToken === null) return;
    const refreshToken = unseal(signIn.settings.clientSecret, due.refreshToken);
    if (refreshToken === null) {
      log(`sign-in: a member's refresh token cannot be read (new client secret?); not checked`);
      return;
    }
    const answer = await signIn.provider.check(refreshToken);
    if (answer.kind === 'disabled') {
      await store.signIn.disable(due.memberId, at);
      deps.onDisabled?.(due.teamId, due.memberId);
    } else if (answer.kind === 'valid' && answer.refreshToken !== null) {
      await store.signIn.updateRefreshToken(
        due.memberId,
        seal(signIn.settings.clientSecret, answer.refreshToken),
      );
    } else if (answer.kind === 'unknown') {
      log(`sign-in: could not check an account (${answer.why}); the member keeps access`);
    }
  }
}
