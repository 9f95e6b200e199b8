/**
 * Staff sign-in by OpenID Connect against a real provider (oidc-provider on
 * loopback), on every backend: a team that requires sign-in lets in only a
 * signed-in account of an allowed domain (with its invite code); the invite
 * code alone is refused in words unless the facilitator allows codes for bank
 * and agency staff; a wrong domain is refused in words; an account the
 * provider disables loses access on its next sync, in words; a provider that
 * does not answer locks nobody out; an old client's join (no ticket) still
 * works for a team that does not require sign-in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProvider } from '../../../server/signIn/provider.ts';
import type { SignInSettings } from '../../../server/signIn/settings.ts';
import type { Store } from '../../../server/store/index.ts';
import {
  settingsFor,
  signInThrough,
  startProvider,
  type TestProvider,
} from '../support/oidcProvider.ts';
import { BACKENDS } from './backends.ts';
import { device, harness, T0, type Harness, type Session } from './harness.ts';

const PUBLIC_URL = 'http://groundup.test';

/** What the callback put in the fragment of /join/CODE#…. */
function landing(location: string | null): { path: string; params: URLSearchParams } {
  const url = new URL(location ?? '', PUBLIC_URL);
  return { path: url.pathname, params: new URLSearchParams(url.hash.slice(1)) };
}

describe.each(BACKENDS)('staff sign-in on $name', (backend) => {
  let store: Store;
  let h: Harness;
  let idp: TestProvider;
  let lead: Session;
  let settings: SignInSettings;

  beforeEach(async () => {
    store = await backend.open();
    idp = await startProvider(`${PUBLIC_URL}/api/v1/auth/callback`);
    settings = settingsFor(idp, PUBLIC_URL, 1);
    h = harness(store, { signIn: { settings, provider: createProvider(settings) } });
    lead = await h.createTeam();
  });
  afterEach(async () => {
    await idp.close();
    await store.close();
  });

  async function requireSignIn(allowInviteCodes = false) {
    const r = await h.request('PUT', '/api/v1/team/sign-in', {
      token: lead.token,
      body: { required: true, allowInviteCodes },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ available: true, required: true, allowInviteCodes });
  }

  /** Start, sign in at the provider's forms as `login`, come back: where the browser lands. */
  async function signIn(login: string) {
    const start = await h.request('GET', `/api/v1/auth/start?code=${lead.team.inviteCode}`);
    expect(start.status).toBe(303);
    const back = await signInThrough(start.headers.get('location') ?? '', login);
    expect(back.origin + back.pathname).toBe(`${PUBLIC_URL}/api/v1/auth/callback`);
    const done = await h.request('GET', back.pathname + back.search);
    expect(done.status).toBe(303);
    return landing(done.headers.get('location'));
  }

  /** Signs in as `login` and joins as `displayName`. */
  async function signedIn(login: string, displayName: string): Promise<Session> {
    const landed = await signIn(login);
    const r = await join({ signInTicket: landed.params.get('signed-in') ?? '', displayName });
    expect(r.status).toBe(200);
    return r.body as Session;
  }

  function join(body: Record<string, string>) {
    return h.request('POST', '/api/v1/join', {
      body: { inviteCode: lead.team.inviteCode, displayName: 'Anna', ...body },
    });
  }

  it('signs in and joins a team that requires it; the code alone is refused in words', async () => {
    await requireSignIn();
    const alone = await join({});
    expect(alone.status).toBe(403);
    expect(alone.body).toMatchObject({
      error: {
        field: 'signIn',
        message: expect.stringContaining('sign in with their work account'),
      },
    });

    const landed = await signIn('anna@nhs.net');
    expect(landed.path).toBe(`/join/${lead.team.inviteCode}`);
    expect(landed.params.get('email')).toBe('anna@nhs.net');
    expect(landed.params.get('name')).toBe('Anna');
    const ticket = landed.params.get('signed-in') ?? '';
    const joined = await join({ signInTicket: ticket });
    expect(joined.status).toBe(200);
    const anna = joined.body as Session;

    // The device syncs with its own token, as any member's does.
    const phone = device(5);
    h.advance(2 * 60_000); // past the recheck interval: the account is asked about, and valid
    expect((await h.push(anna, [phone.idea(anna, 'Spare chargers by bay 3')]))[0]).toMatchObject({
      kind: 'applied',
    });
    const rule = await h.request('GET', '/api/v1/team/sign-in', { token: lead.token });
    expect(rule.body).toMatchObject({ signedIn: [anna.member.id] });
    // Her subject access download says which account she signed in with.
    const mine = await h.request('GET', '/api/v1/me/export', { token: anna.token });
    expect(mine.body).toMatchObject({ signIn: { email: 'anna@nhs.net', disabledAt: null } });
    // A ticket is used once.
    const again = await join({ signInTicket: ticket, displayName: 'Someone else' });
    expect(again.status).toBe(403);
    expect(again.text).toContain('Your sign-in has run out');
  });

  it('refuses an account of another domain, in words, with no way to join', async () => {
    await requireSignIn();
    const landed = await signIn('mallory@gmail.com');
    expect(landed.path).toBe(`/join/${lead.team.inviteCode}`);
    expect(landed.params.get('sign-in-error')).toBe('wrong-domain');
    expect(landed.params.get('email')).toBe('mallory@gmail.com');
    expect(landed.params.get('domains')).toBe('nhs.net');
    expect(landed.params.get('signed-in')).toBeNull();
    const members = await h.request('GET', '/api/v1/team', { token: lead.token });
    expect((members.body as { members: unknown[] }).members).toHaveLength(1);
  });

  it('lets the invite code alone in when the facilitator allows codes for bank and agency staff', async () => {
    await requireSignIn(true);
    const bank = await join({ displayName: 'Bank nurse' });
    expect(bank.status).toBe(200);
    const rule = await h.request('GET', '/api/v1/team/sign-in', { token: lead.token });
    expect(rule.body).toMatchObject({ signedIn: [] });
  });

  it('only a facilitator sets the rule', async () => {
    const sam = await h.join(lead.team.inviteCode);
    const r = await h.request('PUT', '/api/v1/team/sign-in', {
      token: sam.token,
      body: { required: true, allowInviteCodes: false },
    });
    expect(r.status).toBe(403);
    expect(r.text).toContain('Only a facilitator');
  });

  it('an account the provider disabled loses access on its next sync, in words', async () => {
    await requireSignIn();
    const bob = await signedIn('bob@nhs.net', 'Bob');
    // Checked (and its refresh token rotated) while the account is valid.
    h.advance(2 * 60_000);
    expect((await h.pull(bob)).changes).toEqual([]);
    h.advance(2 * 60_000);
    expect((await h.pull(bob)).changes).toEqual([]);

    idp.disable('bob@nhs.net');
    // Within the interval nothing is asked: the next sync after it is refused.
    expect((await h.pull(bob)).changes).toEqual([]);
    h.advance(2 * 60_000);
    const next = await h.request('GET', `/api/v1/sync/pull?team=${bob.team.id}&cursor=0`, {
      token: bob.token,
    });
    expect(next.status).toBe(401);
    expect(next.text).toContain('no longer active');
    expect(next.text).toContain('IT service desk');
    // Every route, not only sync; and the team no longer lists Bob.
    const team = await h.request('GET', '/api/v1/team', { token: bob.token });
    expect(team.status).toBe(401);
    const members = await h.request('GET', '/api/v1/team', { token: lead.token });
    expect(JSON.stringify(members.body)).not.toContain('Bob');
    // The lead, who never signed in, is not affected.
    expect((await h.pull(lead)).cursor).toBeGreaterThanOrEqual(0);
  });

  it('a provider that does not answer locks nobody out', async () => {
    await requireSignIn();
    const cara = await signedIn('cara@nhs.net', 'Cara');
    await idp.close();
    h.advance(2 * 60_000);
    const r = await h.request('GET', `/api/v1/sync/pull?team=${cara.team.id}&cursor=0`, {
      token: cara.token,
    });
    expect(r.status).toBe(200);
    expect(h.logs.some((l) => l.includes('could not check an account'))).toBe(true);
    idp = await startProvider(`${PUBLIC_URL}/api/v1/auth/callback`); // for afterEach
  });

  it('a purged team leaves no account, rule or sign-in under way', async () => {
    await requireSignIn();
    const dan = await signedIn('dan@nhs.net', 'Dan');
    const pending = await h.request('GET', `/api/v1/auth/start?code=${lead.team.inviteCode}`);
    const state = new URL(pending.headers.get('location') ?? '').searchParams.get('state');
    expect([...(await store.signIn.signedInMembers(lead.team.id))]).toEqual([dan.member.id]);

    await store.purgeTeam(lead.team.id);
    expect([...(await store.signIn.signedInMembers(lead.team.id))]).toEqual([]);
    expect(await store.signIn.rule(lead.team.id)).toEqual({
      required: false,
      allowInviteCodes: false,
    });
    expect(await store.signIn.takeFlow(state ?? '', T0)).toBeNull();
  });

  it("an old client's join (no ticket) works for a team that does not require sign-in", async () => {
    const r = await h.request('POST', '/api/v1/join', {
      body: { inviteCode: lead.team.inviteCode, displayName: 'Dee' },
    });
    expect(r.status).toBe(200);
  });

  it('a sign-in that comes back unknown or twice lands on the team screen with a reason', async () => {
    const r = await h.request('GET', '/api/v1/auth/callback?code=x&state=never-started');
    expect(r.status).toBe(303);
    expect(landing(r.headers.get('location'))).toMatchObject({ path: '/team' });
    expect(landing(r.headers.get('location')).params.get('sign-in-error')).toBe('expired');
  });
});

describe.each(BACKENDS)('sign-in not set up, on $name', (backend) => {
  it('refuses to require it, in words', async () => {
    const store = await backend.open();
    try {
      const h = harness(store);
      const lead = await h.createTeam();
      const r = await h.request('PUT', '/api/v1/team/sign-in', {
        token: lead.token,
        body: { required: true, allowInviteCodes: false },
      });
      expect(r.status).toBe(400);
      expect(r.text).toContain('Sign-in is not set up on this server');
      const rule = await h.request('GET', '/api/v1/team/sign-in', { token: lead.token });
      expect(rule.body).toMatchObject({ available: false, required: false });
    } finally {
      await store.close();
    }
  });
});
