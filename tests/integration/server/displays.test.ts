// A board link for a TV (issue 17): a facilitator makes a read-only display
// token that shows the team's current huddle board without a member seat. It
// reads the board and nothing else (every other route of the API answers it
// 401), and withdrawing it stops it: the next read says so in words and an
// open stream ends at once. On SQLite and PostgreSQL.
import { uuidv7 } from 'uuidv7';
import { expect, it } from 'vitest';
import { boardSchema, DISPLAY_WITHDRAWN, MAX_DISPLAYS } from '../../../src/domain/display.ts';
import * as v from 'valibot';
import {
  describeOnBackends,
  device,
  streamReader,
  T0,
  type Harness,
  type Session,
} from './harness.ts';

const phone = device(9);

async function huddleWithVotes(h: Harness, lead: Session, nurse: Session, hidden: boolean) {
  const made = [phone.idea(lead, 'Fridge key on a lanyard'), phone.idea(lead, 'Bay 3 pumps')];
  await h.push(lead, made);
  const ideas = made.map((m) => m.entityId);
  const huddleId = uuidv7();
  await h.push(lead, [phone.huddle(huddleId, lead, ideas, { hidden })]);
  const vote = (idea: string, who: Session, dots: number) => phone.vote(huddleId, idea, who, dots);
  const kinds = (rs: { kind: string }[]) => rs.map((r) => r.kind);
  expect(kinds(await h.push(nurse, [vote(ideas[1]!, nurse, 2)]))).toEqual(['applied']);
  expect(kinds(await h.push(lead, [vote(ideas[1]!, lead, 1), vote(ideas[0]!, lead, 1)]))).toEqual([
    'applied',
    'applied',
  ]);
  return { huddleId, ideas };
}

async function makeLink(h: Harness, lead: Session) {
  const r = await h.request('POST', '/api/v1/team/displays', { token: lead.token });
  expect(r.status).toBe(201);
  return r.body as { id: string; token: string };
}

async function board(h: Harness, token: string) {
  const r = await h.request('GET', '/api/v1/display/board', { token });
  expect(r.status).toBe(200);
  return v.parse(boardSchema, r.body);
}

describeOnBackends('board links for a TV, on $name', (t) => {
  it('shows the team’s current huddle: titles and, when votes are open, the tally', async () => {
    const lead = await t.h.createTeam('Ward 7B');
    const nurse = await t.h.join(lead.team.inviteCode, 'Helen');
    const link = await makeLink(t.h, lead);
    expect((await board(t.h, link.token)).huddle).toBeNull();
    const { ideas } = await huddleWithVotes(t.h, lead, nurse, false);
    const b = await board(t.h, link.token);
    expect(b.team.name).toBe('Ward 7B');
    expect(b.huddle?.title).toBe('Monday huddle');
    expect(b.huddle?.ideas.map((i) => i.title)).toEqual(['Fridge key on a lanyard', 'Bay 3 pumps']);
    expect(b.huddle?.rows?.map((r) => [r.ideaId, r.dots, r.voters])).toEqual([
      [ideas[1], 3, 2],
      [ideas[0], 1, 1],
    ]);
    expect(b.huddle?.voters).toBe(2);
  });

  it('keeps hidden votes hidden until the huddle closes, and never names a voter', async () => {
    const lead = await t.h.createTeam();
    const nurse = await t.h.join(lead.team.inviteCode, 'Helen');
    const link = await makeLink(t.h, lead);
    await huddleWithVotes(t.h, lead, nurse, true);
    const r = await t.h.request('GET', '/api/v1/display/board', { token: link.token });
    const b = v.parse(boardSchema, r.body);
    expect(b.huddle?.rows).toBeNull();
    expect(b.huddle?.voters).toBe(2);
    for (const secret of [nurse.member.id, lead.member.id, 'Helen', 'Priya', lead.token]) {
      expect(r.text).not.toContain(secret);
    }
  });

  it('is refused by every route but the board’s own: no push, no change log, no team data', async () => {
    const lead = await t.h.createTeam();
    const link = await makeLink(t.h, lead);
    const routes = t.h.app.routes.filter(
      (r) =>
        r.method !== 'ALL' &&
        r.path.startsWith('/api/v1/') &&
        !r.path.startsWith('/api/v1/display/'),
    );
    const tried = routes.map((r) => `${r.method} ${r.path}`);
    expect(tried).toEqual(
      expect.arrayContaining([
        'POST /api/v1/sync/push',
        'GET /api/v1/sync/pull',
        'GET /api/v1/events',
        'GET /api/v1/team',
        'GET /api/v1/team/export',
        'POST /api/v1/team/displays',
      ]),
    );
    // Open to anyone by design: starting a team or an organisation, joining one
    // (each needs its code), the push key, and a staff sign-in's start and return.
    const open = new Set([
      'POST /api/v1/teams',
      'POST /api/v1/join',
      'GET /api/v1/push/key',
      'POST /api/v1/orgs',
      'POST /api/v1/orgs/join',
      'GET /api/v1/auth/start',
      'GET /api/v1/auth/callback',
    ]);
    for (const r of routes) {
      if (open.has(`${r.method} ${r.path}`)) continue;
      const path = r.path
        .replace(':entity', 'idea')
        .replace(/:[a-z]+/g, lead.member.id)
        .concat(`?team=${lead.team.id}&cursor=0`);
      const body = r.method === 'GET' ? {} : { body: {} };
      const reply = await t.h.request(r.method, path, { token: link.token, ...body });
      expect({ route: `${r.method} ${r.path}`, status: reply.status }).toEqual({
        route: `${r.method} ${r.path}`,
        status: 401,
      });
    }
    // The open routes give it nothing of the team either: joining needs an invite code.
    const join = await t.h.request('POST', '/api/v1/join', {
      token: link.token,
      body: { inviteCode: 'NOTACODE00', displayName: 'TV' },
    });
    expect(join.status).not.toBe(200);
  });

  it('is made, listed and withdrawn by a facilitator only', async () => {
    const lead = await t.h.createTeam();
    const nurse = await t.h.join(lead.team.inviteCode);
    expect(
      (await t.h.request('POST', '/api/v1/team/displays', { token: nurse.token })).status,
    ).toBe(403);
    const link = await makeLink(t.h, lead);
    const list = await t.h.request('GET', '/api/v1/team/displays', { token: lead.token });
    expect(list.body).toEqual({ displays: [{ id: link.id, createdAt: T0 }] });
    expect(JSON.stringify(list.body)).not.toContain(link.token);
    const byNurse = await t.h.request('DELETE', `/api/v1/team/displays/${link.id}`, {
      token: nurse.token,
    });
    expect(byNurse.status).toBe(403);
    const other = await t.h.createTeam('Ward 9', 'Ali');
    const byOther = await t.h.request('DELETE', `/api/v1/team/displays/${link.id}`, {
      token: other.token,
    });
    expect(byOther.status).toBe(404);
    await board(t.h, link.token);
  });

  it('stops when withdrawn: the next read says what to do, an open stream ends', async () => {
    const lead = await t.h.createTeam();
    const link = await makeLink(t.h, lead);
    const res = await t.h.app.request('/api/v1/display/events', {
      headers: { authorization: `Bearer ${link.token}` },
    });
    expect(res.status).toBe(200);
    const read = streamReader(res);
    expect(await read()).toContain('event: ready');
    await t.h.push(lead, [phone.idea(lead, 'A change the TV hears of')]);
    expect(await read()).toContain('event: change');
    const gone = await t.h.request('DELETE', `/api/v1/team/displays/${link.id}`, {
      token: lead.token,
    });
    expect(gone.status).toBe(200);
    expect(await read()).toBe('ended');
    const after = await t.h.request('GET', '/api/v1/display/board', { token: link.token });
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({
      error: { code: DISPLAY_WITHDRAWN, message: expect.stringMatching(/new board link/) },
    });
    const again = await t.h.request('DELETE', `/api/v1/team/displays/${link.id}`, {
      token: lead.token,
    });
    expect(again.status).toBe(404);
    const unknown = await t.h.request('GET', '/api/v1/display/board', { token: 'x'.repeat(43) });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ error: { code: 'unauthorised' } });
  });

  it(`allows ${MAX_DISPLAYS} live links a team, and another once one is withdrawn`, async () => {
    const lead = await t.h.createTeam();
    const links = [];
    for (let i = 0; i < MAX_DISPLAYS; i++) links.push(await makeLink(t.h, lead));
    const refused = await t.h.request('POST', '/api/v1/team/displays', { token: lead.token });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: { message: expect.stringMatching(/Withdraw one/) },
    });
    await t.h.request('DELETE', `/api/v1/team/displays/${links[0]!.id}`, { token: lead.token });
    await makeLink(t.h, lead);
  });
});
