// Names a colleague can trust: no invisible or direction-changing characters,
// and no second member whose name reads the same as one already in the team.
import { expect, it } from 'vitest';
import { describeOnBackends, device } from './harness.ts';

describeOnBackends('names on $name', (t) => {
  const join = (inviteCode: string, displayName: string) =>
    t.h.request('POST', '/api/v1/join', { body: { inviteCode, displayName } });

  it('refuses a second “Alice Fac”, however it is typed, and says what to do', async () => {
    const lead = await t.h.createTeam('Ward 3', 'Alice Fac');
    const code = lead.team.inviteCode;
    const answers = [];
    for (let i = 0; i < 60; i++) answers.push(await join(code, 'Alice Fac'));
    expect(answers.every((r) => r.status === 400)).toBe(true);
    expect(answers[0]?.body).toMatchObject({
      error: {
        field: 'displayName',
        message: expect.stringMatching(/already called “Alice Fac”.*for example/),
      },
    });
    for (const lookalike of ['alice  fac', 'ALICE FAC', 'Ａlice Fac', 'Alicé Fac'])
      expect((await join(code, lookalike)).status).toBe(400);
    expect((await join(code, 'Alice F (HCA)')).status).toBe(200);
    const members = await t.store.teamInfo(lead.team.id);
    expect(members?.members.map((m) => m.displayName).sort()).toEqual([
      'Alice F (HCA)',
      'Alice Fac',
    ]);
  });

  it('refuses names holding direction-changing or invisible characters', async () => {
    const lead = await t.h.createTeam();
    for (const name of ['Bob\u202Eeci', 'Bo\u200Bb', '\u2066Ben\u2069', 'Sa\uFEFFm']) {
      const r = await join(lead.team.inviteCode, name);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ error: { field: 'displayName' } });
    }
    const created = await t.h.request('POST', '/api/v1/teams', {
      body: { teamName: 'Ward\u202E 9', displayName: 'Dee' },
    });
    expect(created.status).toBe(400);
  });

  it('lets a removed member come back under their own name', async () => {
    const lead = await t.h.createTeam();
    const sam = await t.h.join(lead.team.inviteCode, 'Sam Ray');
    await t.h.request('DELETE', `/api/v1/team/members/${sam.member.id}`, { token: lead.token });
    const back = await t.h.request('POST', '/api/v1/join', {
      body: { inviteCode: lead.team.inviteCode, displayName: 'Sam Ray', previousToken: sam.token },
    });
    expect(back.status).toBe(200);
  });

  it('does not refuse a name to someone whose earlier join was never used (its answer was lost)', async () => {
    const lead = await t.h.createTeam();
    const body = { inviteCode: lead.team.inviteCode, displayName: 'Nia Okafor' };
    const lost = await t.h.request('POST', '/api/v1/join', { body });
    const again = await t.h.request('POST', '/api/v1/join', { body });
    expect([lost.status, again.status]).toEqual([200, 200]);
    // Once Nia has sent a change, her name is hers.
    const nia = again.body as { token: string; team: { id: string }; member: { id: string } };
    const idea = device(7).idea(nia as never, 'Pulse oximeters in bay 4');
    expect((await t.h.push(nia as never, [idea]))[0]?.kind).toBe('applied');
    const third = await t.h.request('POST', '/api/v1/join', { body });
    expect(third.status).toBe(400);
  });
});
