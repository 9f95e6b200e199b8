// The inputs the fuzz (fuzz.test.ts) found breaking the server, kept as plain
// tests on both backends: PostgreSQL cannot store NUL in text, so a name or a
// mutation id holding one was a 500, and a 500 on a push blocks every valid
// change sent in the same batch.
import { expect, it } from 'vitest';
import { voteIdOf, type VoteFields } from '../../../src/domain/huddle.ts';
import type { ErrorBody, PushResult } from '../../../src/domain/protocol.ts';
import { describeOnBackends, device, newId, T0, type Session } from './harness.ts';

const errorOf = (body: unknown) => (body as ErrorBody).error;

describeOnBackends('inputs the fuzz found, on $name', (t) => {
  it('refuses a team or member name with a control character, naming the field', async () => {
    for (const teamName of ['Ward\u00007', 'Ward\u0007', '\ud800']) {
      const r = await t.h.request('POST', '/api/v1/teams', {
        body: { teamName, displayName: 'Priya' },
      });
      expect(r.status, JSON.stringify(teamName)).toBe(400);
      expect(errorOf(r.body)).toMatchObject({
        field: 'teamName',
        message: 'teamName must not contain control characters',
      });
    }
    const lead = await t.h.createTeam();
    const r = await t.h.request('POST', '/api/v1/join', {
      body: { inviteCode: lead.team.inviteCode, displayName: 'Sam\u0000' },
    });
    expect(r.status).toBe(400);
    expect(errorOf(r.body).field).toBe('displayName');
  });

  it('rejects a team rename holding NUL on its own, and applies the rest of the batch', async () => {
    const lead = await t.h.createTeam();
    const phone = device(1);
    const rename = phone.raw({
      entity: 'team',
      entityId: lead.team.id,
      fields: { name: 'Ward\u00007' },
    });
    const idea = phone.idea(lead, 'Fridge key');
    const results = await t.h.push(lead, [rename, idea]);
    expect(results.map((r) => r.kind)).toEqual(['rejected', 'applied']);
    expect(results[0]).toMatchObject({ field: 'fields.name' });
    const team = await t.h.request('GET', '/api/v1/team', { token: lead.token });
    expect((team.body as { team: { name: string } }).team.name).toBe('Ward 7');
  });

  it('rejects a mutation whose id is not an id, and applies the rest of the batch', async () => {
    const lead = await t.h.createTeam();
    const phone = device(1);
    const odd = { ...phone.idea(lead, 'Odd one'), id: '\u0000' };
    const huge = { ...phone.idea(lead, 'Huge id'), id: 'x'.repeat(100_000) };
    const good = phone.idea(lead, 'Good one');
    const results: PushResult[] = await t.h.push(lead, [odd, huge, good]);
    expect(results.map((r) => [r.kind, 'field' in r ? r.field : undefined])).toEqual([
      ['rejected', 'id'],
      ['rejected', 'id'],
      ['applied', undefined],
    ]);
    expect((await t.h.pull(lead)).changes.map((c) => c.fields['title'])).toEqual(['Good one']);
  });

  const startHuddle = async (lead: Session, phone: ReturnType<typeof device>, title: string) => {
    const idea = phone.idea(lead, 'Fridge key');
    const huddleId = newId();
    const huddle = phone.raw({
      entity: 'huddle',
      entityId: huddleId,
      fields: {
        title,
        dotsPerMember: 3,
        endsAt: T0 + 300_000,
        hidden: false,
        shortlist: JSON.stringify([idea.entityId]),
        state: 'open',
        startedBy: lead.member.id,
        startedAt: T0,
        closedAt: null,
        outcome: '[]',
      } as never,
    });
    const results = await t.h.push(lead, [idea, huddle]);
    return { huddleId, ideaId: idea.entityId, results };
  };

  it('rejects a proxy vote whose name holds NUL on its own, and applies the rest of the batch', async () => {
    const lead = await t.h.createTeam();
    const phone = device(1);
    const { huddleId, ideaId, results: started } = await startHuddle(lead, phone, 'Huddle');
    expect(started.map((r) => r.kind)).toEqual(['applied', 'applied']);
    const vote = (proxyName: string | null) => {
      const fields: VoteFields = {
        huddleId,
        ideaId,
        memberId: lead.member.id,
        dots: 1,
        proxy: proxyName !== null,
        proxyName,
      };
      return phone.raw({ entity: 'vote', entityId: voteIdOf(fields), fields });
    };
    const results = await t.h.push(lead, [vote('Dev\u0000'), vote('Lone \ud800'), vote(null)]);
    expect(results.map((r) => [r.kind, 'field' in r ? r.field : undefined])).toEqual([
      ['rejected', 'fields.proxyName'],
      ['rejected', 'fields.proxyName'],
      ['applied', undefined],
    ]);
  });

  it('rejects a huddle title holding NUL on its own', async () => {
    const lead = await t.h.createTeam();
    const { results } = await startHuddle(lead, device(1), 'Huddle\u0000');
    expect(results.map((r) => [r.kind, 'field' in r ? r.field : undefined])).toEqual([
      ['applied', undefined],
      ['rejected', 'fields.title'],
    ]);
  });

  // A label holding a lone surrogate would be kept as U+FFFD, so the server's
  // categories would not be what the sending phone holds: refused (storedName).
  it('rejects a category label holding a lone surrogate', async () => {
    const lead = await t.h.createTeam();
    // Written by hand: JSON.stringify would escape the surrogate as text.
    const categories = '[{"id":"safety","label":"Safe\ud800ty"}]';
    expect(categories).toMatch(/\p{Cs}/u);
    const change = device(1).raw({
      entity: 'team',
      entityId: lead.team.id,
      fields: { categories },
    });
    const results = await t.h.push(lead, [change]);
    expect(results[0]).toMatchObject({ kind: 'rejected', field: 'fields.categories' });
  });
});
