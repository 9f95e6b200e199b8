// Organisations (issue 14, decision 0021): linking teams, the organisation's
// own change log of shared changes and take-ups, the leaders' portfolio and
// what it must never show, unlinking, and a leader answering a team's ask.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { pgNotifier } from '../../../server/live/notifier.ts';
import { openStore, withPgUser } from '../../../server/store/index.ts';
import type { OrgSession, Portfolio } from '../../../src/domain/orgProtocol.ts';
import {
  teamResponseSchema,
  type PullResponse,
  type PushResult,
} from '../../../src/domain/protocol.ts';
import { takeId } from '../../../src/domain/takeId.ts';
import { EXPORTED_CHART as EXPORTED } from '../../unit/fixtures.ts';
import { PG_AVAILABLE, PG_URL, dropSchema, uniqueSchema } from './backends.ts';
import {
  describeOnBackends,
  device,
  harness,
  newId,
  T0,
  type Harness,
  type Session,
} from './harness.ts';

const kinds = (rs: PushResult[]) => rs.map((r) => (r.kind === 'rejected' ? r.reason : r.kind));

async function link(h: Harness, s: Session, code: string) {
  return h.request('POST', '/api/v1/team/org', { token: s.token, body: { inviteCode: code } });
}

async function orgPull(h: Harness, token: string, orgId: string, cursor = 0) {
  return h.request('GET', `/api/v1/org/pull?org=${orgId}&cursor=${cursor}`, { token });
}

async function portfolio(h: Harness, token: string) {
  const r = await h.request('GET', '/api/v1/org/portfolio', { token });
  expect(r.status).toBe(200);
  return r.body as Portfolio;
}

/** A team with an adopted idea (and a new idea, a comment and a challenge), linked to the org. */
async function wardWithAdoptedIdea(h: Harness, name: string, orgCode: string, seed: number) {
  const lead = await h.createTeam(name, `Lead of ${name}`);
  const phone = device(seed);
  const adopted = phone.idea(lead, `Protected mealtimes on ${name}`);
  const secret = phone.idea(lead, `SECRET new idea of ${name}`);
  const results = await h.push(lead, [
    adopted,
    secret,
    phone.comment(lead, adopted.entityId, `SECRET comment on ${name}`),
    phone.raw({ entity: 'idea', entityId: adopted.entityId, fields: { status: 'testing' } }),
    phone.raw({ entity: 'idea', entityId: adopted.entityId, fields: { status: 'adopted' } }),
  ]);
  expect(kinds(results)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
  expect((await link(h, lead, orgCode)).status).toBe(200);
  return { lead, phone, ideaId: adopted.entityId };
}

function shareOf(s: Session, phone: ReturnType<typeof device>, ideaId: string, id = newId()) {
  return phone.raw({
    entity: 'share',
    entityId: id,
    fields: {
      ideaId,
      title: 'Protected mealtimes',
      tried: 'Cycle 1: a sign on every bay. Result: fewer interruptions (adopted)',
      measureName: 'Meals interrupted',
      unit: 'a week',
      direction: 'lower',
      points: JSON.stringify([
        { date: '2026-01-05', value: 40 },
        { date: '2026-01-12', value: 26 },
      ]),
      contact: 'Ward A, ext 4411',
      teamName: s.team.name,
      sharedBy: s.member.id,
      createdAt: T0,
      withdrawn: false,
    },
  });
}

function takeOf(s: Session, phone: ReturnType<typeof device>, shareId: string) {
  return phone.raw({
    entity: 'take',
    entityId: takeId(shareId, s.team.id),
    fields: { shareId, takenBy: s.team.id, createdAt: T0, deleted: false },
  });
}

describeOnBackends('organisations on $name', (t) => {
  it('links a team by the organisation’s code, only by a facilitator, and refuses a wrong code in words', async () => {
    const org = await t.h.createOrg();
    expect(org.member.role).toBe('admin');
    expect(org.org.inviteCode).toMatch(/^[0-9A-Z]{10}$/);
    const lead = await t.h.createTeam('Ward A');
    const nurse = await t.h.join(lead.team.inviteCode);
    const byNurse = await link(t.h, nurse, org.org.inviteCode!);
    expect(byNurse.status).toBe(403);
    expect(byNurse.text).toContain('Only a facilitator can link the team');
    const wrong = await link(t.h, lead, 'ZZZZZZZZZZ');
    expect(wrong.status).toBe(404);
    expect(wrong.text).toContain('No organisation has that code');
    const ok = await link(t.h, lead, org.org.inviteCode!.toLowerCase());
    expect(ok.body).toEqual({ org: { id: org.org.id, name: 'North Trust' } });
    // Every member's team answer now names the organisation (an additive field).
    const team = await t.h.request('GET', '/api/v1/team', { token: nurse.token });
    expect((team.body as { org: unknown }).org).toEqual({ id: org.org.id, name: 'North Trust' });
    // Last month's app reads the same answer with its schema (no `org`): still valid.
    const { org: _added, ...oldEntries } = teamResponseSchema.entries;
    expect(v.safeParse(v.object(oldEntries), team.body).success).toBe(true);
    const info = await t.h.request('GET', '/api/v1/org', { token: org.token });
    expect((info.body as { teams: unknown }).teams).toEqual([{ id: lead.team.id, name: 'Ward A' }]);
  });

  it('carries a share in the organisation’s log, never the team’s; another team takes it once; withdrawn, it can no longer be taken', async () => {
    const org = await t.h.createOrg();
    const a = await wardWithAdoptedIdea(t.h, 'Ward A', org.org.inviteCode!, 1);
    const b = await t.h.createTeam('Community team', 'Jo (lead)');
    await link(t.h, b, org.org.inviteCode!);
    const member = await t.h.join(a.lead.team.inviteCode);

    // Only a lead shares, and only an adopted or adapted idea.
    const shareId = newId();
    const newIdea = a.phone.idea(a.lead, 'Not tried yet');
    await t.h.push(a.lead, [newIdea]);
    expect(kinds(await t.h.push(member, [shareOf(member, a.phone, a.ideaId)]))).toEqual([
      'Only a facilitator or the sponsor can share a change with the organisation',
    ]);
    expect(kinds(await t.h.push(a.lead, [shareOf(a.lead, a.phone, newIdea.entityId)]))[0]).toMatch(
      /adopted or adapted/,
    );
    const before = await t.h.pull(a.lead);
    const shared = await t.h.push(a.lead, [shareOf(a.lead, a.phone, a.ideaId, shareId)]);
    expect(kinds(shared)).toEqual(['applied']);
    const after = await t.h.pull(a.lead, before.cursor);
    expect(after.changes).toEqual([]);

    const log = (await orgPull(t.h, b.token, org.org.id)).body as PullResponse;
    expect(log.changes.map((c) => [c.entity, c.entityId])).toEqual([['share', shareId]]);
    expect(log.cursor).toBe(1);

    // The community team takes it up: twice from two phones is one take-up.
    const phoneB = device(7);
    expect(kinds(await t.h.push(b, [takeOf(b, phoneB, shareId)]))).toEqual(['applied']);
    expect(kinds(await t.h.push(b, [takeOf(b, device(8), shareId)]))).toEqual(['applied']);
    const takes = (await orgPull(t.h, org.token, org.org.id, log.cursor)).body as PullResponse;
    expect(new Set(takes.changes.map((c) => c.entityId))).toEqual(
      new Set([takeId(shareId, b.team.id)]),
    );
    // Its own team cannot take it up, nor name another team.
    expect(kinds(await t.h.push(a.lead, [takeOf(a.lead, a.phone, shareId)]))).toEqual([
      'Your own team shared this change',
    ]);

    // Withdrawn: the log says so, and a late take-up is refused in words.
    expect(
      kinds(
        await t.h.push(a.lead, [
          a.phone.raw({ entity: 'share', entityId: shareId, fields: { withdrawn: true } }),
        ]),
      ),
    ).toEqual(['applied']);
    const c = await t.h.createTeam('Ward C', 'Cat (lead)');
    await link(t.h, c, org.org.inviteCode!);
    expect(kinds(await t.h.push(c, [takeOf(c, device(9), shareId)]))).toEqual([
      'This change is no longer shared in your organisation: it was withdrawn',
    ]);
  });

  it('keeps the organisation’s log and portfolio from anyone outside it', async () => {
    const org = await t.h.createOrg();
    const other = await t.h.createOrg('South Trust');
    const a = await wardWithAdoptedIdea(t.h, 'Ward A', org.org.inviteCode!, 1);
    await t.h.push(a.lead, [shareOf(a.lead, a.phone, a.ideaId)]);
    const outsider = await t.h.createTeam('Ward Z', 'Zed');
    const hostileMember = await t.h.join(a.lead.team.inviteCode, 'Mallory');

    // An unlinked team's member, another organisation's leader: 403, nothing in the answer.
    const fromOutside = await orgPull(t.h, outsider.token, org.org.id);
    expect(fromOutside.status).toBe(403);
    expect(fromOutside.text).not.toContain('Protected');
    expect((await orgPull(t.h, other.token, org.org.id)).status).toBe(403);
    // A team member is no leader: no portfolio, no organisation info, no answering.
    expect(
      (await t.h.request('GET', '/api/v1/org/portfolio', { token: hostileMember.token })).status,
    ).toBe(401);
    expect((await t.h.request('GET', '/api/v1/org', { token: hostileMember.token })).status).toBe(
      401,
    );
    // A leader's token is no team member's: the team routes refuse it.
    expect(
      (await t.h.request('GET', `/api/v1/sync/pull?team=${a.lead.team.id}`, { token: org.token }))
        .status,
    ).toBe(401);
    // The org feed holds only org records: a linked member reads no other team's records through it.
    const b = await wardWithAdoptedIdea(t.h, 'Ward B', org.org.inviteCode!, 2);
    const feed = await orgPull(t.h, hostileMember.token, org.org.id);
    expect(feed.status).toBe(200);
    const entities = new Set((feed.body as PullResponse).changes.map((c) => c.entity));
    expect([...entities]).toEqual(['share']);
    expect(feed.text).not.toContain('SECRET');
    expect(feed.text).not.toContain(b.ideaId);
  });

  it('shows a leader each linked team’s figures and nothing else; unlinking removes the team and withdraws its shares', async () => {
    const org = await t.h.createOrg();
    const leaderJoin = await t.h.request('POST', '/api/v1/orgs/join', {
      body: { leaderCode: org.org.leaderCode, displayName: 'Ms Shah (chief nurse)' },
    });
    expect(leaderJoin.status).toBe(200);
    const leader = leaderJoin.body as OrgSession;
    expect(leader.member.role).toBe('leader');
    expect(leader.org.inviteCode).toBeUndefined();

    const wards = [
      await wardWithAdoptedIdea(t.h, 'Ward A', org.org.inviteCode!, 1),
      await wardWithAdoptedIdea(t.h, 'Ward B', org.org.inviteCode!, 2),
      await wardWithAdoptedIdea(t.h, 'Community team', org.org.inviteCode!, 3),
    ];
    // Ward A has a challenge with an outcome measure and points, and an ask of the sponsor.
    const a = wards[0]!;
    const measureId = newId();
    const askId = newId();
    const res = await t.h.push(a.lead, [
      a.phone.raw({
        entity: 'measure',
        entityId: measureId,
        fields: {
          name: 'Meals interrupted',
          unit: 'a week',
          direction: 'lower',
          type: 'outcome',
          createdAt: T0,
          deleted: false,
        },
      }),
      ...[40, 38, 30, 25].map((value, i) =>
        a.phone.raw({
          entity: 'point',
          entityId: newId(),
          fields: { measureId, date: `2026-02-0${i + 2}`, value, createdAt: T0, deleted: false },
        }),
      ),
      a.phone.raw({
        entity: 'challenge',
        entityId: newId(),
        fields: {
          goal: 'Halve interrupted meals',
          startDate: '2026-02-01',
          outcomeMeasureId: measureId,
          createdAt: T0,
          deleted: false,
        },
      }),
      a.phone.ask(a.lead, a.ideaId, 'Can estates print the signs?', askId),
    ]);
    expect(new Set(kinds(res))).toEqual(new Set(['applied']));
    const outsider = await wardWithAdoptedIdea(t.h, 'Unlinked ward', org.org.inviteCode!, 4);
    await t.h.request('DELETE', '/api/v1/team/org', { token: outsider.lead.token });

    const p = await portfolio(t.h, leader.token);
    expect(p.teams.map((x) => x.name)).toEqual(['Community team', 'Ward A', 'Ward B']);
    const wardA = p.teams.find((x) => x.name === 'Ward A')!;
    expect(wardA.challenge?.goal).toBe('Halve interrupted meals');
    expect(wardA.challenge?.outcome?.points.map((x) => x.value)).toEqual([40, 38, 30, 25]);
    expect(wardA.ideas.map((i) => [i.title, i.status])).toEqual([
      ['Protected mealtimes on Ward A', 'adopted'],
    ]);
    expect(wardA.asks.map((x) => [x.text, x.answer])).toEqual([
      ['Can estates print the signs?', null],
    ]);
    // Nothing else: no new idea, comment, member, author or the unlinked team.
    const text = JSON.stringify(p);
    for (const leak of ['SECRET', 'Lead of', 'authorName', 'Unlinked ward', a.lead.member.id])
      expect(text).not.toContain(leak);

    // The leader answers the ask; it lands in Ward A's own log as the ask's answer.
    const cursor = (await t.h.pull(a.lead)).cursor;
    const answer = await t.h.request('POST', `/api/v1/org/asks/${askId}/answer`, {
      token: leader.token,
      body: { teamId: a.lead.team.id, answer: 'backed', note: 'Yes: estates will print them' },
    });
    expect(answer.status).toBe(200);
    const pulled = await t.h.pull(a.lead, cursor);
    expect(
      pulled.changes.map((c) => [
        c.entity,
        c.entityId,
        c.fields['answer'],
        c.fields['answeredByName'],
      ]),
    ).toEqual([['ask', askId, 'backed', 'Ms Shah (chief nurse)']]);
    // Not for a team outside the organisation.
    const away = await t.h.request('POST', `/api/v1/org/asks/${askId}/answer`, {
      token: leader.token,
      body: { teamId: outsider.lead.team.id, answer: 'backed' },
    });
    expect(away.status).toBe(404);

    // Ward B shares, then unlinks: gone from the portfolio, its share withdrawn in the log.
    const b = wards[1]!;
    const shareId = newId();
    await t.h.push(b.lead, [shareOf(b.lead, b.phone, b.ideaId, shareId)]);
    const head = ((await orgPull(t.h, leader.token, org.org.id)).body as PullResponse).cursor;
    const unlink = await t.h.request('DELETE', '/api/v1/team/org', { token: b.lead.token });
    expect(unlink.body).toEqual({ org: null });
    expect((await portfolio(t.h, leader.token)).teams.map((x) => x.name)).toEqual([
      'Community team',
      'Ward A',
    ]);
    const tail = (await orgPull(t.h, leader.token, org.org.id, head)).body as PullResponse;
    expect(tail.changes.map((c) => [c.entityId, c.fields])).toEqual([
      [shareId, { withdrawn: true }],
    ]);
    expect((await orgPull(t.h, b.lead.token, org.org.id)).status).toBe(403);
  });

  it('names an ask’s idea only where a leader may see it, and marks an erased idea for the app to word in its language', async () => {
    const org = await t.h.createOrg();
    const leader = (
      await t.h.request('POST', '/api/v1/orgs/join', {
        body: { leaderCode: org.org.leaderCode, displayName: 'Ms Shah' },
      })
    ).body as OrgSession;
    const w = await wardWithAdoptedIdea(t.h, 'Ward C', org.org.inviteCode!, 5);
    const fresh = w.phone.idea(w.lead, 'SECRET still new');
    const hidden = w.phone.idea(w.lead, 'SECRET hidden by the facilitator');
    const ask = (ideaId: string, text: string) => w.phone.ask(w.lead, ideaId, text);
    const pushed = await t.h.push(w.lead, [
      fresh,
      hidden,
      w.phone.raw({ entity: 'idea', entityId: hidden.entityId, fields: { status: 'testing' } }),
      w.phone.raw({
        entity: 'idea',
        entityId: hidden.entityId,
        fields: { hidden: true, hiddenReason: 'Names a patient' },
      }),
      ask(fresh.entityId, 'About the new one'),
      ask(hidden.entityId, 'About the hidden one'),
      ask(w.ideaId, 'About the adopted one'),
    ]);
    expect(new Set(kinds(pushed))).toEqual(new Set(['applied']));
    const erased = await t.h.request('POST', `/api/v1/records/idea/${w.ideaId}/erase`, {
      token: w.lead.token,
      body: { reason: 'An NHS number' },
    });
    expect(erased.status).toBe(200);

    const team = (await portfolio(t.h, leader.token)).teams.find((x) => x.name === 'Ward C')!;
    expect(team.ideas.map((i) => [i.title, i.erased])).toEqual([['(erased)', true]]);
    expect(
      team.asks
        .map((a) => [a.text, a.ideaTitle, a.ideaUnseen, a.ideaErased])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    ).toEqual([
      ['About the adopted one', '(erased)', undefined, true],
      ['About the hidden one', 'an idea of the team', true, undefined],
      ['About the new one', 'an idea of the team', true, undefined],
    ]);
    expect(JSON.stringify(team)).not.toContain('SECRET');
  });

  it('carries a share’s chart picture to other teams, and refuses one that could run or fetch anything, or is too large, in words', async () => {
    const org = await t.h.createOrg();
    const a = await wardWithAdoptedIdea(t.h, 'Ward A', org.org.inviteCode!, 1);
    const b = await t.h.createTeam('Community team', 'Jo (lead)');
    await link(t.h, b, org.org.inviteCode!);
    const withChart = (chartSvg: string) => {
      const m = shareOf(a.lead, a.phone, a.ideaId) as { entityId: string; fields: object };
      return { ...m, fields: { ...m.fields, chartSvg } };
    };
    const hostile = [
      '<svg xmlns="http://www.w3.org/2000/svg" onload="fetch(\'/api/v1/team\')"></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/p.png"/></svg>',
    ];
    const refused = await t.h.push(a.lead, hostile.map(withChart));
    for (const r of refused) {
      expect(r).toMatchObject({ kind: 'rejected', code: 'invalid', field: 'fields.chartSvg' });
      expect(r.kind === 'rejected' && r.reason).toMatch(/^The chart must be a picture/);
    }
    const [tooBig, notSvg] = await t.h.push(a.lead, [
      withChart(
        EXPORTED.replace('</svg></svg>', `<text>${'x'.repeat(100_000)}</text></svg></svg>`),
      ),
      withChart('<p>Meals chart</p>'),
    ]);
    expect(tooBig).toMatchObject({ kind: 'rejected' });
    expect(tooBig?.kind === 'rejected' && tooBig.reason).toMatch(/at most 100,000 characters/);
    expect(notSvg?.kind === 'rejected' && notSvg.reason).toMatch(/an SVG image/);

    const good = withChart(EXPORTED);
    expect(kinds(await t.h.push(a.lead, [good]))).toEqual(['applied']);
    const log = (await orgPull(t.h, b.token, org.org.id)).body as PullResponse;
    expect(log.changes.map((c) => [c.entityId, c.fields['chartSvg']])).toEqual([
      [good.entityId, EXPORTED],
    ]);
  });

  it('tells a leader’s stream and every linked team’s when the organisation’s log changes; only its leaders open its stream', async () => {
    const org = await t.h.createOrg();
    const a = await wardWithAdoptedIdea(t.h, 'Ward A', org.org.inviteCode!, 1);
    const b = await t.h.createTeam('Community team', 'Jo (lead)');
    await link(t.h, b, org.org.inviteCode!);
    const leader = await joinAsLeader(t.h, org);

    const teamB = await openStream(t.h.app, `/api/v1/events?team=${b.team.id}`, b.token);
    const lead = await openStream(t.h.app, `/api/v1/org/events?org=${org.org.id}`, leader.token);
    expect(await teamB.next()).toBe('ready');
    expect(await lead.next()).toBe('ready');
    // Another team shares: both hear it without pulling first.
    expect(kinds(await t.h.push(a.lead, [shareOf(a.lead, a.phone, a.ideaId)]))).toEqual([
      'applied',
    ]);
    expect(await teamB.next()).toBe('change');
    expect(await lead.next()).toBe('change');
    // Ward A unlinks (its shares withdrawn in the log): both hear it again.
    await t.h.request('DELETE', '/api/v1/team/org', { token: a.lead.token });
    expect(await teamB.next()).toBe('change');
    expect(await lead.next()).toBe('change');
    await teamB.close();
    await lead.close();

    // The organisation's stream is a leader's of that organisation only, in words.
    const other = await t.h.createOrg('South Trust');
    const path = `/api/v1/org/events?org=${org.org.id}`;
    const refusals = [
      [await t.h.app.request(path, { headers: { authorization: `Bearer ${b.token}` } }), 401],
      [await t.h.app.request(path, { headers: { authorization: `Bearer ${other.token}` } }), 403],
      [await t.h.app.request(path), 401],
    ] as const;
    for (const [res, status] of refusals) {
      expect(res.status).toBe(status);
      expect(await res.text()).toMatch(/leader/);
    }
  });
});

async function joinAsLeader(h: Harness, org: OrgSession): Promise<OrgSession> {
  const r = await h.request('POST', '/api/v1/orgs/join', {
    body: { leaderCode: org.org.leaderCode!, displayName: 'Ms Shah (chief nurse)' },
  });
  expect(r.status).toBe(200);
  return r.body as OrgSession;
}

/** Reads a server-sent event stream one event name at a time. */
async function openStream(
  app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
  path: string,
  token: string,
) {
  const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<string> {
      for (;;) {
        const match = /event: (\w+)\n(?:data:[^\n]*\n)*\n/.exec(buffer);
        if (match) {
          buffer = buffer.slice(match.index + match[0].length);
          return match[1]!;
        }
        const { value, done } = await reader.read();
        if (done) return 'end';
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => reader.cancel(),
  };
}

describe.skipIf(!PG_AVAILABLE)(
  'organisation live updates across server processes on PostgreSQL',
  () => {
    it('a share taken by one process reaches a leader’s and another team’s streams on another (LISTEN/NOTIFY)', async () => {
      const schema = uniqueSchema();
      const url = withPgUser(PG_URL).toString();
      const [storeA, storeB] = [
        await openStore({ databaseUrl: PG_URL, pgSchema: schema }),
        await openStore({ databaseUrl: PG_URL, pgSchema: schema }),
      ];
      const [liveA, liveB] = [await pgNotifier(url), await pgNotifier(url)];
      try {
        const a = harness(storeA);
        const appA = createApp({ store: storeA, live: liveA, log: () => undefined });
        const appB = createApp({ store: storeB, live: liveB, log: () => undefined });
        const org = await a.createOrg();
        const ward = await wardWithAdoptedIdea(a, 'Ward A', org.org.inviteCode!, 1);
        const b = await a.createTeam('Community team', 'Jo (lead)');
        await link(a, b, org.org.inviteCode!);
        const leader = await joinAsLeader(a, org);
        const teamB = await openStream(appB, `/api/v1/events?team=${b.team.id}`, b.token);
        const lead = await openStream(appB, `/api/v1/org/events?org=${org.org.id}`, leader.token);
        expect(await teamB.next()).toBe('ready');
        expect(await lead.next()).toBe('ready');
        const push = await appA.request('/api/v1/sync/push', {
          method: 'POST',
          headers: {
            authorization: `Bearer ${ward.lead.token}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            teamId: ward.lead.team.id,
            mutations: [shareOf(ward.lead, ward.phone, ward.ideaId)],
          }),
        });
        expect(push.status).toBe(200);
        expect(await teamB.next()).toBe('change');
        expect(await lead.next()).toBe('change');
        await teamB.close();
        await lead.close();
      } finally {
        await liveA.close();
        await liveB.close();
        await storeA.close();
        await storeB.close();
        await dropSchema(schema);
      }
    });
  },
);
