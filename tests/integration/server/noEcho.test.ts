// No echo (issue 15, decision 0024) on every backend: a pull with own=<device
// id> leaves out that device's own changes applied exactly as sent, and keeps those
// the server wrote into or had refused before; a refusal from a phone that
// asks for final refusals answers every later copy of that mutation the same
// way; a client that asks for neither (every phone before issue 15) gets
// everything, as before.
import { describe, expect, it } from 'vitest';
import type { ErrorBody, PullResponse, PushResult } from '../../../src/domain/protocol.ts';
import { OVER_YOUR_DOTS } from '../../../src/domain/rules/huddleRules.ts';
import { voteIdOf, type VoteFields } from '../../../src/domain/huddle.ts';
import { describeOnBackends, device, newId, T0, type Harness, type Session } from './harness.ts';
import type { PullPage } from '../../../server/store/pull.ts';

/** A pull's words naming the phone `device(seed)` (harness.ts), whose stamps end with that node. */
const own = (seed: number) => `own=${seed.toString(16).padStart(16, '0')}`;
const OWN = own(1);

const titles = (p: PullResponse) => p.changes.map((c) => c.fields['title']);

async function pull(h: Harness, s: Session, query: string) {
  const r = await h.request('GET', `/api/v1/sync/pull?team=${s.team.id}&${query}`, {
    token: s.token,
  });
  if (r.status !== 200) throw new Error(`pull: ${r.status} ${r.text}`);
  return r.body as PullPage;
}

async function pushAs(h: Harness, s: Session, mutations: unknown[], final: boolean) {
  const r = await h.request('POST', `/api/v1/sync/push${final ? '?refusals=final' : ''}`, {
    token: s.token,
    body: { teamId: s.team.id, mutations },
  });
  if (r.status !== 200) throw new Error(`push: ${r.status} ${r.text}`);
  return (r.body as { results: PushResult[] }).results;
}

describeOnBackends('no echo on $name', (t) => {
  it('leaves out the puller’s own changes and moves the cursor past them; an old client gets all', async () => {
    const lead = await t.h.createTeam();
    const nurse = await t.h.join(lead.team.inviteCode);
    const [mine, theirs] = [device(1), device(2)];
    // Before the team's first change: nothing, the cursor at 0, and the server's epoch named.
    const empty = await pull(t.h, nurse, `cursor=0&${OWN}`);
    expect(empty).toMatchObject({ changes: [], cursor: 0, more: false });
    expect(empty.epoch).toMatch(/^[0-9a-f-]{36}$/);
    expect((await pull(t.h, nurse, 'cursor=0')).epoch).toBe(empty.epoch);
    await t.h.push(nurse, [mine.idea(nurse, 'Mine 1'), mine.idea(nurse, 'Mine 2')]);
    await t.h.push(lead, [theirs.idea(lead, 'Theirs')]);
    await t.h.push(nurse, [mine.idea(nurse, 'Mine 3')]);
    await t.h.push(lead, [theirs.idea(lead, 'Theirs 2')]);

    const others = await pull(t.h, nurse, `cursor=0&${OWN}`);
    expect(titles(others)).toEqual(['Theirs', 'Theirs 2']);
    expect(others).toMatchObject({ cursor: 5, more: false });
    const first = await pull(t.h, nurse, `cursor=0&limit=1&${OWN}`);
    expect(first).toMatchObject({ cursor: 3, more: true });
    const second = await pull(t.h, nurse, `cursor=3&limit=1&${OWN}`);
    expect(titles(second)).toEqual(['Theirs 2']);
    expect(second).toMatchObject({ cursor: 5, more: false });
    // Only its own changes after the cursor: nothing to send, and the cursor past them.
    await t.h.push(nurse, [mine.idea(nurse, 'Mine 4')]);
    expect(await pull(t.h, nurse, `cursor=5&${OWN}`)).toMatchObject({
      changes: [],
      cursor: 6,
      more: false,
    });

    // The lead still gets the nurse's changes; an old client (no echo word) gets its own too.
    expect(titles(await pull(t.h, lead, `cursor=0&${own(2)}`))).toEqual([
      'Mine 1',
      'Mine 2',
      'Mine 3',
      'Mine 4',
    ]);
    expect(titles(await pull(t.h, nurse, 'cursor=0'))).toEqual([
      'Mine 1',
      'Mine 2',
      'Theirs',
      'Mine 3',
      'Theirs 2',
      'Mine 4',
    ]);

    // The same member's other phone (another device id) gets them all.
    expect(titles(await pull(t.h, nurse, `cursor=0&${own(9)}`))).toHaveLength(6);

    const bad = await t.h.request('GET', `/api/v1/sync/pull?team=${nurse.team.id}&own=me`, {
      token: nurse.token,
    });
    expect(bad.status).toBe(400);
    expect((bad.body as ErrorBody).error).toMatchObject({ field: 'own' });
  });

  it('sends a phone its own change when the server wrote a name into it', async () => {
    const lead = await t.h.createTeam();
    const nurse = await t.h.join(lead.team.inviteCode, 'Sam (HCA)');
    // The phone still names its person as they were called before (an old session).
    const stale = { ...nurse, member: { ...nurse.member, displayName: 'Sam' } };
    const [written] = await t.h.push(nurse, [device(1).idea(stale, 'Spare obs machine')]);
    expect(written?.kind).toBe('applied');
    const back = await pull(t.h, nurse, `cursor=0&${OWN}`);
    expect(back.changes.map((c) => [c.fields['title'], c.fields['authorName']])).toEqual([
      ['Spare obs machine', 'Sam (HCA)'],
    ]);
  });

  describe('a refused vote whose request the network delivers again later', () => {
    async function overBudget(h: Harness, final: boolean) {
      const lead = await h.createTeam();
      const nurse = await h.join(lead.team.inviteCode);
      const phone = device(3);
      const ideas = [phone.idea(lead, 'Fridge key'), phone.idea(lead, 'Bay 3 pumps')];
      await h.push(lead, ideas);
      const [fridge = '', pumps = ''] = ideas.map((m) => m.entityId);
      const huddleId = newId();
      await h.push(lead, [phone.huddle(huddleId, lead, [fridge, pumps], { dotsPerMember: 1 })]);
      const vote = (ideaId: string, dots: number) => {
        const fields: VoteFields = {
          huddleId,
          ideaId,
          memberId: nurse.member.id,
          dots,
          proxy: false,
          proxyName: null,
        };
        return phone.raw({ entity: 'vote', entityId: voteIdOf(fields), fields });
      };
      expect(await pushAs(h, nurse, [vote(pumps, 1)], final)).toMatchObject([{ kind: 'applied' }]);
      const refused = vote(fridge, 1);
      expect(await pushAs(h, nurse, [refused], final)).toMatchObject([
        { kind: 'rejected', reason: OVER_YOUR_DOTS, code: 'over-budget' },
      ]);
      // The nurse's dot on the pumps is taken back: the fridge key's is within her dots now.
      expect(await pushAs(h, nurse, [vote(pumps, 0)], final)).toMatchObject([{ kind: 'applied' }]);
      const copy = await pushAs(h, nurse, [refused], final);
      return { nurse, refused, copy };
    }

    it('is refused again, in the same words, from a phone that asks for final refusals', async () => {
      const { nurse, refused, copy } = await overBudget(t.h, true);
      expect(copy).toEqual([
        {
          id: (refused as { id: string }).id,
          kind: 'rejected',
          reason: OVER_YOUR_DOTS,
          code: 'over-budget',
          field: 'fields.dots',
          current: null,
        },
      ]);
      const log = await pull(t.h, nurse, 'cursor=0');
      expect(log.changes.map((c) => c.mutationId)).not.toContain((refused as { id: string }).id);
    });

    it('is applied as before for an old phone, and then reaches it even when it names itself', async () => {
      const { nurse, refused, copy } = await overBudget(t.h, false);
      expect(copy).toMatchObject([{ kind: 'applied' }]);
      const mine = await pull(t.h, nurse, `cursor=0&${own(3)}`);
      // The lead's ideas and huddle, and of the nurse's own only the vote refused before.
      expect(mine.changes.map((c) => c.entity)).toEqual(['idea', 'idea', 'huddle', 'vote']);
      expect(mine.changes.at(-1)?.mutationId).toBe((refused as { id: string }).id);
    });
  });

  it('sends a phone its own change that was held for its clock and applied from a later copy', async () => {
    const lead = await t.h.createTeam();
    const phone = device(4);
    const ahead = { ...phone.idea(lead, 'Stamped an hour ahead'), hlc: phone.hlc(T0 + 3_600_000) };
    expect(await pushAs(t.h, lead, [ahead], true)).toMatchObject([
      { kind: 'rejected', code: 'clock-ahead' },
    ]);
    t.h.advance(3_600_000);
    expect(await pushAs(t.h, lead, [ahead], true)).toMatchObject([{ kind: 'applied' }]);
    // The phone may have stamped it anew meanwhile: it must be told what the team holds.
    expect(titles(await pull(t.h, lead, `cursor=0&${own(4)}`))).toEqual(['Stamped an hour ahead']);
  });
});
