// Fair use: one member cannot slow the team down. Over a budget (push bytes
// an hour, changes a day, pulls a minute, event streams at once) the member
// is answered 429 with Retry-After and words saying what happened and when to
// try again; other members carry on. Counted in memory beside SQLite and in
// PostgreSQL's rate_limits table beside PostgreSQL.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS, limitsFromEnv, type LimitSettings } from '../../../server/http/limits.ts';
import type { Store } from '../../../server/store/index.ts';
import type { ErrorBody } from '../../../src/domain/protocol.ts';
import { BACKENDS } from './backends.ts';
import { device, harness, type Harness, type Reply, type Session } from './harness.ts';
import { openLimits, type LimitStore } from './limitStores.ts';

const SMALL: LimitSettings = {
  ...DEFAULT_LIMITS,
  pushBytes: { points: 6000, durationSec: 3600 },
  records: { points: 5, durationSec: 86_400 },
  pulls: { points: 3, durationSec: 60 },
  streamsPerMember: 2,
};

function expectRefusal(r: Reply, words: RegExp, maxSeconds: number) {
  expect(r.status).toBe(429);
  const error = (r.body as ErrorBody).error;
  expect(error.code).toBe('rate_limited');
  expect(error.message).toMatch(words);
  expect(error.message).toMatch(/in \d+ (seconds|minutes|hours)/);
  const retry = Number(r.headers.get('retry-after'));
  expect(retry).toBeGreaterThan(0);
  expect(retry).toBeLessThanOrEqual(maxSeconds);
}

describe('the fair-use settings', () => {
  it('default sensibly, read LIMIT_* and refuse a value that is not a whole number', () => {
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS);
    const set = limitsFromEnv({
      LIMIT_PUSH_BYTES_PER_HOUR: '1048576',
      LIMIT_RECORDS_PER_DAY: '100',
      LIMIT_PULLS_PER_MINUTE: '60',
      LIMIT_STREAMS_PER_MEMBER: '1',
      LIMIT_SIGN_INS_PER_10_MINUTES: '20',
    });
    expect(set.signInStarts).toEqual({ points: 20, durationSec: 600 });
    expect([set.pushBytes.points, set.records.points, set.pulls.points]).toEqual([
      1048576, 100, 60,
    ]);
    expect(set.streamsPerMember).toBe(1);
    expect(() => limitsFromEnv({ LIMIT_PULLS_PER_MINUTE: 'lots' })).toThrow(
      /LIMIT_PULLS_PER_MINUTE/,
    );
    expect(() => limitsFromEnv({ LIMIT_RECORDS_PER_DAY: '0' })).toThrow(/from 1/);
  });
});

describe.each(BACKENDS)('fair use per member, on $name', (backend) => {
  let store: Store;
  let limitStore: LimitStore;
  let h: Harness;
  let lead: Session;
  let nurse: Session;
  const phone = device(1);
  beforeEach(async () => {
    store = await backend.open();
    limitStore = await openLimits(store, SMALL);
    h = harness(store, { limits: limitStore.limits });
    lead = await h.createTeam();
    nurse = await h.join(lead.team.inviteCode);
  });
  afterEach(async () => {
    await limitStore.close();
    await store.close();
  });

  const push = (s: Session, mutations: unknown[]) =>
    h.request('POST', '/api/v1/sync/push', {
      token: s.token,
      body: { teamId: s.team.id, mutations },
    });

  it('refuses a push once the member has sent their bytes for the hour; the team carries on', async () => {
    const long = (n: number) =>
      phone.edit(phone.idea(nurse, `Idea ${n}`).entityId, { detail: 'x'.repeat(2500) });
    let sent = 0;
    let refused: Reply | undefined;
    for (let i = 0; i < 10 && !refused; i++) {
      const r = await push(nurse, [long(i)]);
      if (r.status === 429) refused = r;
      else sent++;
    }
    expect(sent).toBe(3); // 3 × ~2.7 KB passes 6,000 bytes; the 4th is refused
    expectRefusal(refused!, /more than 6 KB of changes in an hour/, 3600);
    expect((refused!.body as ErrorBody).error.message).toMatch(/Nothing is lost/);
    expect((await push(lead, [phone.idea(lead, 'Still fine')])).status).toBe(200);
  });

  it('refuses a push once the member has had their changes for the day applied; duplicates do not count', async () => {
    const first = [1, 2, 3].map((n) => phone.idea(nurse, `Idea ${n}`));
    expect((await push(nurse, first)).status).toBe(200);
    expect((await push(nurse, first)).status).toBe(200); // a resend: all duplicate
    expect((await push(nurse, [phone.idea(nurse, 'Four'), phone.idea(nurse, 'Five')])).status).toBe(
      200,
    );
    const over = await push(nurse, [phone.idea(nurse, 'Six')]);
    expectRefusal(over, /more than 5 changes today/, 86_400);
    const ideas = (await h.pull(lead)).changes.filter((ch) => ch.entity === 'idea');
    expect(ideas.map((ch) => ch.fields?.['title'])).not.toContain('Six');
    expect((await push(lead, [phone.idea(lead, 'Lead still writes')])).status).toBe(200);
  });

  it('refuses the member’s fourth pull in a minute, and not a colleague’s', async () => {
    const pull = (s: Session) =>
      h.request('GET', `/api/v1/sync/pull?team=${s.team.id}&cursor=0`, { token: s.token });
    for (let i = 0; i < 3; i++) expect((await pull(nurse)).status).toBe(200);
    expectRefusal(await pull(nurse), /more than 3 times a minute/, 60);
    expect((await pull(lead)).status).toBe(200);
  });

  it('refuses a member’s third event stream at once; a closed one frees its place', async () => {
    const open = (s: Session) =>
      h.app.request(`/api/v1/events?team=${s.team.id}`, {
        headers: { authorization: `Bearer ${s.token}` },
      });
    const first = await open(nurse);
    const second = await open(nurse);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await open(nurse);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('20');
    expect(((await third.json()) as ErrorBody).error.message).toMatch(/live connections open/);
    const colleague = await open(lead);
    expect(colleague.status).toBe(200);

    await first.body!.cancel();
    await vi.waitFor(async () => {
      const again = await open(nurse);
      expect(again.status).toBe(200);
      await again.body!.cancel();
    });
    await second.body!.cancel();
    await colleague.body!.cancel();
  });
});
