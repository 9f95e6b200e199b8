// Creating and joining a team, and what a device gets for a bad token, bad
// input or too many wrong invite codes.
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { openStore, type Store } from '../../../server/store/index.ts';
import { INVITE_ALPHABET } from '../../../server/store/secrets.ts';
import type { ErrorBody, SessionResponse, TeamResponse } from '../../../src/domain/protocol.ts';
import { harness, type Harness } from './harness.ts';

let store: Store;
let h: Harness;
beforeEach(async () => {
  store = await openStore({ sqlitePath: ':memory:' });
  h = harness(store);
});
afterEach(() => store.close());

const errorOf = (body: unknown) => (body as ErrorBody).error;

describe('creating and joining a team', () => {
  it('gives the creator a facilitator session with a readable invite code', async () => {
    const r = await h.request('POST', '/api/v1/teams', {
      body: { teamName: '  Ward 7 ', displayName: 'Priya' },
    });
    expect(r.status).toBe(201);
    const s = r.body as SessionResponse;
    expect(s.team.name).toBe('Ward 7');
    expect(s.member).toMatchObject({ displayName: 'Priya', role: 'facilitator' });
    expect(s.team.inviteCode).toMatch(new RegExp(`^[${INVITE_ALPHABET}]{10}$`));
    expect(s.team.inviteCode).not.toMatch(/[ILOU]/);
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.team.categories.map((c) => c.id)).toContain('safety');
  });

  it('lets a colleague join with the code typed in lower case with dashes, as a member', async () => {
    const lead = await h.createTeam();
    const typed =
      `${lead.team.inviteCode.slice(0, 5)}-${lead.team.inviteCode.slice(5)}`.toLowerCase();
    const r = await h.request('POST', '/api/v1/join', {
      body: { inviteCode: ` ${typed} `, displayName: 'Sam' },
    });
    expect(r.status).toBe(200);
    const s = r.body as SessionResponse;
    expect(s.team).toMatchObject({ id: lead.team.id, inviteCode: lead.team.inviteCode });
    expect(s.member.role).toBe('member');
    expect(s.token).not.toBe(lead.token);

    const team = await h.request('GET', '/api/v1/team', { token: s.token });
    expect(team.status).toBe(200);
    const info = team.body as TeamResponse;
    expect(info.team.name).toBe('Ward 7');
    expect(info.members.map((m) => [m.displayName, m.role])).toEqual([
      ['Priya (charge nurse)', 'facilitator'],
      ['Sam', 'member'],
    ]);
  });

  it('accepts O for 0 and I or L for 1, which no code contains', async () => {
    let lead = await h.createTeam();
    for (let i = 0; !/[01]/.test(lead.team.inviteCode); i++)
      lead = await h.createTeam('Ward 7', 'Priya', `d${i}`);
    const code = lead.team.inviteCode.replace(/0/g, 'o').replace(/1/g, 'I');
    expect(code).not.toBe(lead.team.inviteCode);
    const r = await h.request('POST', '/api/v1/join', {
      body: { inviteCode: code, displayName: 'Sam' },
    });
    expect(r.status).toBe(200);
    expect((r.body as SessionResponse).team.id).toBe(lead.team.id);
  });

  it('tells a person whose code matches no team, naming the field', async () => {
    const r = await h.request('POST', '/api/v1/join', {
      body: { inviteCode: 'ABCDEFGHJK', displayName: 'Sam' },
    });
    expect(r.status).toBe(404);
    expect(errorOf(r.body)).toMatchObject({ code: 'not_found', field: 'inviteCode' });
  });
});

describe('tokens', () => {
  it('refuses a missing, unknown or removed token with 401', async () => {
    const lead = await h.createTeam();
    const colleague = await h.join(lead.team.inviteCode);
    expect((await h.request('GET', '/api/v1/team')).status).toBe(401);
    expect((await h.request('GET', '/api/v1/team', { token: 'x'.repeat(43) })).status).toBe(401);
    expect((await h.request('GET', '/api/v1/team', { token: colleague.token })).status).toBe(200);

    expect(await store.removeMember(lead.team.id, colleague.member.id, Date.now())).toBe(true);
    const after = await h.request('GET', `/api/v1/sync/pull?team=${lead.team.id}&cursor=0`, {
      token: colleague.token,
    });
    expect(after.status).toBe(401);
    expect(errorOf(after.body).code).toBe('unauthorised');
    const team = (await h.request('GET', '/api/v1/team', { token: lead.token }))
      .body as TeamResponse;
    expect(team.members.map((m) => m.displayName)).toEqual(['Priya (charge nurse)']);
  });

  it('never writes a token into the log', async () => {
    const lead = await h.createTeam();
    await h.request('GET', '/api/v1/team', { token: lead.token });
    await h.request('GET', `/api/v1/sync/pull?team=${lead.team.id}&cursor=0&token=${lead.token}`, {
      token: lead.token,
    });
    expect(h.logs.at(-1)).toMatch(/^GET \/api\/v1\/sync\/pull 200 \d+\.\dms$/);
    expect(h.logs.join('\n')).not.toContain(lead.token);
    expect(h.logs.join('\n')).not.toContain('cursor=');
  });
});

describe('bad input', () => {
  it('answers 400 naming the field that is wrong', async () => {
    const empty = await h.request('POST', '/api/v1/teams', {
      body: { teamName: '   ', displayName: 'Priya' },
    });
    expect(empty.status).toBe(400);
    expect(errorOf(empty.body)).toMatchObject({ code: 'bad_request', field: 'teamName' });
    expect(errorOf(empty.body).message).toMatch(/teamName must not be empty/);

    const long = await h.request('POST', '/api/v1/join', {
      body: { inviteCode: 'ABCDEFGHJK', displayName: 'x'.repeat(61) },
    });
    expect(long.status).toBe(400);
    expect(errorOf(long.body).field).toBe('displayName');

    const lead = await h.createTeam();
    const pull = await h.request('GET', `/api/v1/sync/pull?team=${lead.team.id}&cursor=-1`, {
      token: lead.token,
    });
    expect(pull.status).toBe(400);
    expect(errorOf(pull.body).field).toBe('cursor');
    const noTeam = await h.request('GET', '/api/v1/sync/pull?cursor=0', { token: lead.token });
    expect(errorOf(noTeam.body).field).toBe('team');
    const push = await h.request('POST', '/api/v1/sync/push', {
      token: lead.token,
      body: { teamId: lead.team.id, mutations: [] },
    });
    expect(push.status).toBe(400);
    expect(errorOf(push.body).field).toBe('mutations');
  });

  it('says so when the body is not JSON', async () => {
    const r = await h.request('POST', '/api/v1/teams', {
      raw: '{"teamName": "Ward',
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(400);
    expect(errorOf(r.body)).toEqual({ code: 'bad_request', message: 'body is not valid JSON' });
  });
});

describe('rate limits', () => {
  it('locks out a device after 10 wrong invite codes, even for the right code, and tells it when to retry', async () => {
    // The limits count in real time (rate-limiter-flexible reads Date.now).
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => void vi.useRealTimers());
    const lead = await h.createTeam();
    for (let i = 0; i < 10; i++) {
      const r = await h.request('POST', '/api/v1/join', {
        body: { inviteCode: `ZZZZZZZZ${i}0`, displayName: 'Guess' },
        client: 'guesser',
      });
      expect(r.status).toBe(404);
    }
    const locked = await h.request('POST', '/api/v1/join', {
      body: { inviteCode: lead.team.inviteCode, displayName: 'Guess' },
      client: 'guesser',
    });
    expect(locked.status).toBe(429);
    expect(errorOf(locked.body).code).toBe('rate_limited');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(600);

    // Another device on the ward is not affected.
    const other = await h.request('POST', '/api/v1/join', {
      body: { inviteCode: lead.team.inviteCode, displayName: 'Jo' },
      client: 'other',
    });
    expect(other.status).toBe(200);

    vi.setSystemTime(Date.now() + 10 * 60_000 + 1);
    const later = await h.request('POST', '/api/v1/join', {
      body: { inviteCode: lead.team.inviteCode, displayName: 'Guess' },
      client: 'guesser',
    });
    expect(later.status).toBe(200);
  });

  it('limits team creation to 20 an hour per device', async () => {
    for (let i = 0; i < 20; i++) await h.createTeam(`Ward ${i}`, 'Priya', 'busy');
    const r = await h.request('POST', '/api/v1/teams', {
      body: { teamName: 'Ward 21', displayName: 'Priya' },
      client: 'busy',
    });
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBeTruthy();
    expect(
      (
        await h.request('POST', '/api/v1/teams', {
          body: { teamName: 'Ward 21', displayName: 'Jo' },
          client: 'quiet',
        })
      ).status,
    ).toBe(201);
  });
});
