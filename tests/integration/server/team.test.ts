// A facilitator manages who is in the team: rotating the invite code withdraws
// the old one, removing a member signs their device out, and a removed member
// can come back with the current code. Tokens are kept only as hashes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody, InviteResponse, TeamResponse } from '../../../src/domain/protocol.ts';
import { BACKENDS } from './backends.ts';
import { device, harness, type Harness, type Session } from './harness.ts';
import { everyValue, openInspectable, type InspectableStore } from './tables.ts';

const errorOf = (body: unknown) => (body as ErrorBody).error;

describe.each(BACKENDS)('team membership on $name', (backend) => {
  let db: InspectableStore;
  let h: Harness;
  let lead: Session;
  let sam: Session;
  beforeEach(async () => {
    db = await openInspectable(backend.name);
    h = harness(db.store);
    lead = await h.createTeam();
    sam = await h.join(lead.team.inviteCode, 'Sam');
  });
  afterEach(() => db.close());

  const rotate = (token: string) => h.request('POST', '/api/v1/team/invite', { token });
  const remove = (token: string, memberId: string) =>
    h.request('DELETE', `/api/v1/team/members/${memberId}`, { token });
  const joinWith = (inviteCode: string, client = 'phone') =>
    h.request('POST', '/api/v1/join', { body: { inviteCode, displayName: 'Jo' }, client });

  it('rotates the invite code: the old code stops working and the new one lets people in', async () => {
    const r = await rotate(lead.token);
    expect(r.status).toBe(200);
    const { inviteCode } = r.body as InviteResponse;
    expect(inviteCode).toMatch(/^[0-9A-Z]{10}$/);
    expect(inviteCode).not.toBe(lead.team.inviteCode);

    const old = await joinWith(lead.team.inviteCode);
    expect(old.status).toBe(404);
    expect(errorOf(old.body)).toMatchObject({ code: 'not_found', field: 'inviteCode' });
    expect((await joinWith(inviteCode)).status).toBe(200);

    const team = (await h.request('GET', '/api/v1/team', { token: sam.token }))
      .body as TeamResponse;
    expect(team.team.inviteCode).toBe(inviteCode);
    // Members already in keep working.
    expect((await h.pull(sam)).changes).toEqual([]);
  });

  it('lets a facilitator name a sponsor, and nobody else change roles', async () => {
    const setRole = (token: string, memberId: string, role: unknown) =>
      h.request('PUT', `/api/v1/team/members/${memberId}/role`, { token, body: { role } });
    const roleOf = async (id: string) =>
      (
        (await h.request('GET', '/api/v1/team', { token: lead.token })).body as TeamResponse
      ).members.find((m) => m.id === id)?.role;

    const ok = await setRole(lead.token, sam.member.id, 'sponsor');
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ memberId: sam.member.id, role: 'sponsor' });
    expect(await roleOf(sam.member.id)).toBe('sponsor');

    const byMember = await setRole(sam.token, lead.member.id, 'member');
    expect(byMember.status).toBe(403);
    expect(await roleOf(lead.member.id)).toBe('facilitator');

    const self = await setRole(lead.token, lead.member.id, 'member');
    expect(self.status).toBe(400);
    expect(errorOf(self.body)).toMatchObject({ field: 'id' });

    const bad = await setRole(lead.token, sam.member.id, 'queen');
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body)).toMatchObject({ field: 'role' });
    expect(await roleOf(sam.member.id)).toBe('sponsor');

    const other = await h.createTeam();
    expect((await setRole(lead.token, other.member.id, 'member')).status).toBe(404);
  });

  it('lets only a facilitator rotate the code or remove someone', async () => {
    const r = await rotate(sam.token);
    expect(r.status).toBe(403);
    expect(errorOf(r.body)).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/facilitator/),
    });
    expect((await joinWith(lead.team.inviteCode)).status).toBe(200); // still the same code

    const d = await remove(sam.token, lead.member.id);
    expect(d.status).toBe(403);
    expect((await h.request('GET', '/api/v1/team', { token: lead.token })).status).toBe(200);

    expect((await h.request('POST', '/api/v1/team/invite')).status).toBe(401);
    expect((await h.request('DELETE', `/api/v1/team/members/${sam.member.id}`)).status).toBe(401);
  });

  it('signs a removed member out everywhere at once, and lets them join again with a new token', async () => {
    const phone = device(1);
    await h.push(sam, [phone.idea(sam, 'Before I was removed')]);

    const r = await remove(lead.token, sam.member.id);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ memberId: sam.member.id });

    const pull = await h.request('GET', `/api/v1/sync/pull?team=${lead.team.id}&cursor=0`, {
      token: sam.token,
    });
    const push = await h.request('POST', '/api/v1/sync/push', {
      token: sam.token,
      body: { teamId: lead.team.id, mutations: [phone.idea(sam, 'After')] },
    });
    const team = await h.request('GET', '/api/v1/team', { token: sam.token });
    for (const reply of [pull, push, team]) {
      expect(reply.status).toBe(401);
      expect(errorOf(reply.body)).toMatchObject({
        code: 'unauthorised',
        message: expect.stringMatching(/Join your team again/),
      });
    }
    const members = (await h.request('GET', '/api/v1/team', { token: lead.token }))
      .body as TeamResponse;
    expect(members.members.map((m) => m.displayName)).toEqual(['Priya (charge nurse)']);
    // What they shared before stays with the team.
    expect((await h.pull(lead)).changes.map((c) => c.fields['title'])).toEqual([
      'Before I was removed',
    ]);

    const again = await h.join(lead.team.inviteCode, 'Sam');
    expect(again.token).not.toBe(sam.token);
    expect(again.member.id).not.toBe(sam.member.id);
    expect((await h.pull(again)).changes).toHaveLength(1);
    // Removing twice is a 404: there is no such member any more.
    expect((await remove(lead.token, sam.member.id)).status).toBe(404);
  });

  it('brings a removed member back as themselves when their phone shows its old token', async () => {
    // Saved on Sam's phone while it was being removed: it names Sam as author.
    const offline = device(3).idea(sam, 'Typed while signed out');
    expect((await remove(lead.token, sam.member.id)).status).toBe(200);

    const back = await h.request('POST', '/api/v1/join', {
      body: { inviteCode: lead.team.inviteCode, displayName: 'Sam', previousToken: sam.token },
    });
    expect(back.status).toBe(200);
    const session = back.body as Session;
    expect(session.member).toEqual({ id: sam.member.id, displayName: 'Sam', role: 'member' });
    // The phone's token works again, and the idea is accepted as Sam's.
    expect(session.token).toBe(sam.token);
    expect((await h.push(session, [offline])).map((r) => r.kind)).toEqual(['applied']);
    // Asking again (a lost answer, a resent request) gives the same answer.
    const twice = await h.request('POST', '/api/v1/join', {
      body: { inviteCode: lead.team.inviteCode, displayName: 'Sam', previousToken: sam.token },
    });
    expect((twice.body as Session).member.id).toBe(sam.member.id);
    const team = (await h.request('GET', '/api/v1/team', { token: lead.token }))
      .body as TeamResponse;
    expect(team.members.map((m) => m.id)).toEqual([lead.member.id, sam.member.id]);
  });

  it('hands nobody an identity with another team’s token or a made-up one, nor after a rotation', async () => {
    const other = await h.createTeam('Ward 8', 'Olu', 'other-ward');
    for (const [i, previousToken] of [other.token, 'A'.repeat(43)].entries()) {
      // Two different people (a team refuses one name twice).
      const r = await h.request('POST', '/api/v1/join', {
        body: { inviteCode: lead.team.inviteCode, displayName: `Jo ${i + 1}`, previousToken },
        client: previousToken.slice(0, 8),
      });
      expect(r.status).toBe(200);
      const joined = r.body as Session;
      expect([sam.member.id, other.member.id]).not.toContain(joined.member.id);
      expect(joined.member.role).toBe('member');
    }
    expect((await h.request('GET', '/api/v1/team', { token: other.token })).status).toBe(200);

    // Removed and the code rotated: the old token and the old code let nobody back.
    await remove(lead.token, sam.member.id);
    await rotate(lead.token);
    const locked = await h.request('POST', '/api/v1/join', {
      body: { inviteCode: lead.team.inviteCode, displayName: 'Sam', previousToken: sam.token },
    });
    expect(locked.status).toBe(404);
    expect((await h.request('GET', '/api/v1/team', { token: sam.token })).status).toBe(401);
  });

  it('refuses to remove yourself, someone of another team, or a malformed id', async () => {
    const self = await remove(lead.token, lead.member.id);
    expect(self.status).toBe(400);
    expect(errorOf(self.body)).toMatchObject({ code: 'bad_request', field: 'id' });

    const other = await h.createTeam('Ward 8', 'Olu', 'other-ward');
    const across = await remove(lead.token, other.member.id);
    expect(across.status).toBe(404);
    expect(errorOf(across.body).field).toBe('id');
    expect((await h.request('GET', '/api/v1/team', { token: other.token })).status).toBe(200);

    const bad = await remove(lead.token, 'not-a-member');
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body)).toMatchObject({ field: 'id', message: 'id must be a member id' });
  });

  it('stores tokens only as hashes: no raw token is anywhere in the database', async () => {
    const again = await h.join(lead.team.inviteCode, 'Ade');
    await h.push(again, [device(2).idea(again, 'Fridge key')]);
    const everything = await everyValue(db);
    expect(everything).toContain(lead.member.id); // the dump does see the members table
    for (const token of [lead.token, sam.token, again.token]) {
      expect(everything).not.toContain(token);
    }
  });
});
