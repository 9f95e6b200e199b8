/**
 * What the server writes itself (names from the member record, who made a
 * record) and the check a screen runs before anything is typed, over the same
 * rules the server applies.
 */
import { describe, expect, it } from 'vitest';
import { defaultStamp } from '../../src/domain/hlc.ts';
import { stampAll, type Fields, type Stamped } from '../../src/domain/merge.ts';
import { cycleId, newCycle } from '../../src/domain/pdsa.ts';
import { verdictBefore } from '../../src/domain/rules/before.ts';
import type { Actor } from '../../src/domain/rules/index.ts';
import { serverFields } from '../../src/domain/serverFields.ts';
import { DEVICE_A, NOW, newId, stamp } from './fixtures.ts';

const SAM = newId<string>();
const ALICE = newId<string>();
const names = new Map([
  [SAM, 'Sam Ray'],
  [ALICE, 'Alice Fac'],
]);
const facts = (creator: string) => ({ creator, nameOf: (id: string) => names.get(id) });

describe('serverFields', () => {
  it('writes the member’s name over whatever the phone sent', () => {
    const sent: Fields = { title: 'x', authorId: SAM, authorName: 'Alice Fac' };
    expect(serverFields('idea', sent, undefined, facts(SAM))).toEqual({
      title: 'x',
      authorId: SAM,
      authorName: 'Sam Ray',
    });
  });

  it('returns the very same object when the phone named its person truly', () => {
    const sent: Fields = { title: 'x', authorId: SAM, authorName: 'Sam Ray' };
    expect(serverFields('idea', sent, undefined, facts(SAM))).toBe(sent);
  });

  it('leaves a name with no member beside it to the rules, and adds none to an edit', () => {
    const anon: Fields = { title: 'x', anonymous: true, authorId: null, authorName: 'Sam Ray' };
    expect(serverFields('idea', anon, undefined, facts(SAM))).toBe(anon);
    const edit: Fields = { title: 'y' };
    expect(serverFields('idea', edit, { authorId: SAM, authorName: 'Sam Ray' }, facts(SAM))).toBe(
      edit,
    );
  });

  it('names the answerer from the id held when only the name is sent', () => {
    const held: Fields = { askedBy: SAM, askedByName: 'Sam Ray', answeredBy: ALICE };
    const sent: Fields = { answeredByName: 'The Chief Executive' };
    expect(serverFields('ask', sent, held, facts(ALICE))).toEqual({ answeredByName: 'Alice Fac' });
  });

  it('keeps a typed sponsor name while no member is named', () => {
    const sent: Fields = { sponsorId: null, sponsorName: 'Jane Smith' };
    expect(serverFields('challenge', sent, undefined, facts(ALICE))).toBe(sent);
    const named: Fields = { sponsorId: ALICE, sponsorName: 'Jane Smith' };
    expect(serverFields('challenge', named, undefined, facts(ALICE))['sponsorName']).toBe(
      'Alice Fac',
    );
  });

  it('says who started a cycle: its first pusher, whatever a creation or an edit claims', () => {
    const created = serverFields('pdsa', { cycle: 1 }, undefined, facts(SAM));
    expect(created['startedBy']).toBe(SAM);
    const claim = serverFields('pdsa', { startedBy: ALICE }, { startedBy: SAM }, facts(SAM));
    expect(claim['startedBy']).toBe(SAM);
    const edit: Fields = { objective: 'y' };
    expect(serverFields('pdsa', edit, { startedBy: SAM }, facts(SAM))).toBe(edit);
  });
});

describe('verdictBefore: what a screen is told before typing', () => {
  const idea = newId<string>();
  const id = cycleId(idea, 1);
  const sam: Actor = { memberId: SAM, teamId: 't', role: 'member' };
  const other: Actor = { memberId: newId<string>(), teamId: 't', role: 'member' };
  const facilitator: Actor = { ...other, role: 'facilitator' };
  const created = stampAll(
    { ...newCycle(idea, 1, NOW), startedBy: SAM },
    defaultStamp(stamp(NOW, 0, DEVICE_A)),
  );
  const planned: Stamped = {
    fields: { ...created.fields, objective: 'Fewer falls at night' },
    stamps: { ...created.stamps, objective: stamp(NOW + 1000, 0, DEVICE_A) },
  };

  it('refuses a colleague the written plan and the decision, in the server’s words', () => {
    const plan = verdictBefore(other, 'pdsa', id, planned, ['objective']);
    expect(plan).toMatchObject({ ok: false, code: 'not-owner' });
    expect(verdictBefore(other, 'pdsa', id, planned, ['act']).ok).toBe(false);
  });

  it('lets the colleague fill in Do and Study, and a plan nobody has written yet', () => {
    expect(verdictBefore(other, 'pdsa', id, planned, ['observations', 'learning']).ok).toBe(true);
    expect(verdictBefore(other, 'pdsa', id, planned, ['prediction']).ok).toBe(true);
  });

  it('lets its starter and a facilitator change everything', () => {
    expect(verdictBefore(sam, 'pdsa', id, planned, ['objective', 'act']).ok).toBe(true);
    expect(verdictBefore(facilitator, 'pdsa', id, planned, ['objective', 'act']).ok).toBe(true);
  });

  it('refuses nothing on a cycle from before the server said who started it', () => {
    const { startedBy: _, ...fields } = planned.fields;
    const { startedBy: __, ...stamps } = planned.stamps;
    expect(verdictBefore(other, 'pdsa', id, { fields, stamps }, ['objective']).ok).toBe(true);
  });
});
