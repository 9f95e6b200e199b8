// Names a colleague can trust: no invisible or direction-changing characters,
// and no second member whose name reads the same as one already in the team.
import { expect, it } from 'vitest';
import { SERVER_NODE } from '../../../src/domain/hlc.ts';
import { cycleId, newCycle } from '../../../src/domain/pdsa.ts';
import { describeOnBackends, device, newId, T0 } from './harness.ts';

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

// The names shown beside a record come from the member record, whatever a
// phone sent (src/domain/serverFields.ts), and who started a test of change is
// the server's to say. Old phones send names as before and are corrected the
// same way; the sender takes the server's values on its next pull because the
// corrected change is stamped under the server's node.
describeOnBackends('names the server writes, on $name', (t) => {
  it('shows the member’s own name on an idea, a comment and an ask, whatever the phone typed', async () => {
    const lead = await t.h.createTeam('Ward 5', 'Alice Fac');
    const sam = await t.h.join(lead.team.inviteCode, 'Sam Ray');
    const phone = device(7);
    const idea = phone.raw({
      entity: 'idea',
      entityId: newId(),
      fields: {
        title: 'Quieter night rounds',
        category: 'other',
        status: 'new',
        anonymous: false,
        createdAt: T0,
        deleted: false,
        authorId: sam.member.id,
        authorName: 'Alice Fac',
      },
    }) as { entityId: string; hlc: string };
    const comment = phone.raw({
      entity: 'comment',
      entityId: newId(),
      fields: {
        ideaId: idea.entityId,
        body: 'I agree',
        authorId: sam.member.id,
        authorName: 'The Matron',
        createdAt: T0,
        deleted: false,
      },
    });
    const ask = phone.raw({
      entity: 'ask',
      entityId: newId(),
      fields: {
        ideaId: idea.entityId,
        kind: 'permission',
        text: 'May we try it?',
        askedBy: sam.member.id,
        askedByName: 'Director of Nursing',
        createdAt: T0,
        deleted: false,
      },
    });
    const results = await t.h.push(sam, [idea, comment, ask]);
    expect(results.map((r) => r.kind)).toEqual(['applied', 'applied', 'applied']);
    const changes = (await t.h.pull(lead)).changes;
    expect(changes.map((c) => c.fields['authorName'] ?? c.fields['askedByName'])).toEqual([
      'Sam Ray',
      'Sam Ray',
      'Sam Ray',
    ]);
    // Stamped under the server's node, at the phone's own time: the phone's copy loses to it.
    const stamp = changes[0]!.hlc;
    expect(stamp.slice(0, -16)).toBe(idea.hlc.slice(0, -16));
    expect(stamp.endsWith(SERVER_NODE)).toBe(true);
    expect(stamp > idea.hlc).toBe(true);
  });

  it('leaves a change that names its sender truly exactly as sent', async () => {
    const lead = await t.h.createTeam('Ward 5', 'Alice Fac');
    const phone = device(8);
    const idea = phone.idea(lead, 'Fridge key') as { hlc: string };
    expect((await t.h.push(lead, [idea]))[0]?.kind).toBe('applied');
    const [change] = (await t.h.pull(lead)).changes;
    expect(change?.hlc).toBe(idea.hlc);
    expect(change?.fields['authorName']).toBe('Alice Fac');
  });

  it('keeps a typed sponsor name when no member is named, and a member’s own name when one is', async () => {
    const lead = await t.h.createTeam('Ward 5', 'Alice Fac');
    const phone = device(9);
    const challenge = (sponsorId: string | null, sponsorName: string) =>
      phone.raw({
        entity: 'challenge',
        entityId: lead.team.id,
        fields: {
          goal: 'Fewer falls',
          startDate: '2026-11-02',
          sponsorId,
          sponsorName,
          createdAt: T0,
          deleted: false,
        },
      });
    await t.h.push(lead, [challenge(null, 'Jane Smith, Director of Nursing')]);
    await t.h.push(lead, [challenge(lead.member.id, 'Someone else')]);
    const names = (await t.h.pull(lead)).changes.map((c) => c.fields['sponsorName']);
    expect(names).toEqual(['Jane Smith, Director of Nursing', 'Alice Fac']);
  });

  it('records who started a test of change, also for a phone that does not send it', async () => {
    const lead = await t.h.createTeam('Ward 5', 'Alice Fac');
    const sam = await t.h.join(lead.team.inviteCode, 'Sam Ray');
    const phone = device(10);
    const idea = phone.idea(lead, 'Fridge key') as { entityId: string };
    await t.h.push(lead, [idea]);
    // Last month's app: no startedBy; a hostile one: someone else's id.
    const cycle = (n: number, extra: object) =>
      phone.raw({
        entity: 'pdsa',
        entityId: cycleId(idea.entityId, n),
        fields: { ...newCycle(idea.entityId, n, T0), ...extra },
      });
    const results = await t.h.push(sam, [cycle(1, {}), cycle(2, { startedBy: lead.member.id })]);
    expect(results.map((r) => r.kind)).toEqual(['applied', 'applied']);
    const started = (await t.h.pull(lead)).changes
      .filter((c) => c.entity === 'pdsa')
      .map((c) => c.fields['startedBy']);
    expect(started).toEqual([sam.member.id, sam.member.id]);
    // Once set it cannot be changed, by anyone.
    const rename = phone.raw({
      entity: 'pdsa',
      entityId: cycleId(idea.entityId, 1),
      fields: { startedBy: lead.member.id },
    });
    expect((await t.h.push(lead, [rename]))[0]?.kind).toBe('applied');
    const after = await t.h.pull(lead);
    expect(after.changes.at(-1)?.fields['startedBy']).toBe(sam.member.id);
  });
});
