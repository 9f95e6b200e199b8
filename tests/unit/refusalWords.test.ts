/**
 * Refusals in the person's language (decision 0027). The rules' sentences are
 * English on the wire (`reason`, for old phones and the server's logs); this
 * phone recognises each one against the rules' English catalogue and says it
 * again in Welsh. An answer the phone does not recognise keeps the meaning of
 * its code, and an old answer with neither keeps the server's words.
 */
import { parse, type Token } from '@messageformat/parser';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguageForTest } from '../../src/i18n/index.ts';
import { en } from '../../src/domain/rules/rules.en.ts';
import { cy } from '../../src/domain/rules/rules.cy.ts';
import { cy as refusalsCy } from '../../src/ui/screens/settings/refusals.cy.ts';
import { format } from '../../src/i18n/index.ts';
import { verdictBefore } from '../../src/domain/rules/before.ts';
import { checkClock } from '../../src/domain/rules/clock.ts';
import { judge, type Actor, type Facts } from '../../src/domain/rules/index.ts';
import { newCycle, cycleId } from '../../src/domain/pdsa.ts';
import { defaultStamp } from '../../src/domain/hlc.ts';
import { stampAll, type Stamped } from '../../src/domain/merge.ts';
import { recognise, refusalWords } from '../../src/ui/refusalWords.ts';
import { DEVICE_A, NOW, newId, stamp } from './fixtures.ts';

const WELSH = { 'domain/rules/rules': cy, 'ui/screens/settings/refusals': refusalsCy };
afterEach(() => setLanguageForTest('en'));

/** Values reaching every select case of a message, and a word for each plain placeholder. */
function samples(msg: string): Record<string, string>[] {
  const out: Record<string, string>[] = [{}];
  const visit = (tokens: readonly Token[]) => {
    for (const tk of tokens) {
      if (tk.type === 'argument') for (const v of out) v[tk.arg] ??= '7';
      if (tk.type === 'select')
        for (const c of tk.cases) if (c.key !== 'other') out.push({ ...out[0], [tk.arg]: c.key });
    }
  };
  visit(parse(msg));
  for (const v of out) for (const [k, x] of Object.entries(out[0] ?? {})) v[k] ??= x;
  return out.length > 1 ? out.slice(1) : out;
}

describe('recognising the rules’ English sentences', () => {
  const keys = (Object.keys(en) as (keyof typeof en)[]).filter((k) => k !== 'chartProblem');
  it.each(keys)('%s: its sentence is found again, with its values', (key) => {
    for (const values of samples(en[key])) {
      const reason = format(en[key], values);
      const found = recognise(reason);
      // Two messages may not say the same thing: the one found formats back to the same words.
      expect(found && format(en[found.key], found.values), reason).toBe(reason);
      expect(found?.key, reason).toBe(key);
      setLanguageForTest('cy', WELSH);
      expect(refusalWords({ reason })).toBe(format(cy[key], values));
      setLanguageForTest('en');
      expect(refusalWords({ reason })).toBe(reason);
    }
  });
});

describe('a rule’s refusal in Welsh', () => {
  const sam: Actor = { memberId: newId<string>(), teamId: 't', role: 'member' };
  const other: Actor = { memberId: newId<string>(), teamId: 't', role: 'member' };
  const idea = newId<string>();
  const created = stampAll(
    { ...newCycle(idea, 1, NOW), startedBy: sam.memberId },
    defaultStamp(stamp(NOW, 0, DEVICE_A)),
  );
  const planned: Stamped = {
    fields: { ...created.fields, objective: 'Fewer falls at night' },
    stamps: { ...created.stamps, objective: stamp(NOW + 1000, 0, DEVICE_A) },
  };

  it('tells a colleague before typing that only its starter or a lead can change the plan', () => {
    setLanguageForTest('cy', WELSH);
    const v = verdictBefore(other, 'pdsa', cycleId(idea, 1), planned, ['objective']);
    expect(v).toMatchObject({
      ok: false,
      code: 'not-owner',
      // The rule's reason stays English whatever the phone's language: it is the server's too.
      reason:
        'Only whoever started this cycle, or a facilitator or sponsor, can change its plan or decision',
    });
    if (v.ok) throw new Error('refused above');
    expect(refusalWords(v)).toBe(
      'Dim ond pwy bynnag a ddechreuodd y cylch hwn, neu hwylusydd neu noddwr, all newid ei gynllun neu ei benderfyniad',
    );
  });

  it('says which kind of record belongs to another team, with Welsh gender', () => {
    const facts = {} as Facts;
    const vote = judge(
      sam,
      {
        id: newId(),
        entity: 'vote',
        entityId: newId(),
        fields: {},
        hlc: stamp(NOW, 0, DEVICE_A),
      } as never,
      { kind: 'other-team' },
      facts,
    );
    expect(vote).toMatchObject({ reason: 'This vote belongs to another team' });
    setLanguageForTest('cy', WELSH);
    expect(refusalWords(vote as { reason: string })).toBe(
      'Mae’r bleidlais hon yn perthyn i dîm arall',
    );
  });

  it('says how far ahead the phone’s clock is, in hours', () => {
    const v = checkClock(stamp(NOW + 3 * 3_600_000, 0, DEVICE_A), NOW);
    if (v.ok) throw new Error('three hours ahead is refused');
    expect(v.reason).toMatch(/^This phone’s clock is 3 hours ahead of the team’s server\./);
    setLanguageForTest('cy', WELSH);
    expect(refusalWords(v)).toMatch(/^Mae cloc y ffôn hwn 3 awr o flaen gweinydd y tîm\./);
  });
});

describe('an answer the phone does not recognise', () => {
  it('keeps its code’s meaning in Welsh, and the server’s words in English', () => {
    const newer = { reason: 'A sentence a newer server says', code: 'not-lead' as const };
    setLanguageForTest('cy', WELSH);
    expect(refusalWords(newer)).toBe('Dim ond hwylusydd neu’r noddwr all wneud hyn.');
    setLanguageForTest('en');
    expect(refusalWords(newer)).toBe('A sentence a newer server says');
  });

  it('shows an old server’s answer with no code: in Welsh when the sentence is known, else as sent', () => {
    setLanguageForTest('cy', WELSH);
    expect(
      refusalWords({
        reason: 'Only the person who shared this idea or a facilitator can change it',
      }),
    ).toBe('Dim ond y sawl a rannodd y syniad hwn neu hwylusydd all ei newid');
    expect(refusalWords({ reason: 'title: too long' })).toBe('title: too long');
  });
});
