/** "For you": each kind of inbox item derived from records, and anonymity kept. */
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguageForTest } from '../../src/i18n/index.ts';
import { cy } from '../../src/domain/inbox.cy.ts';
import { inboxItems, unreadCount, type InboxInput } from '../../src/domain/inbox.ts';

const ME = '0190a000-0000-7000-8000-000000000001';
const FAC = '0190a000-0000-7000-8000-000000000002';
const SPONSOR = '0190a000-0000-7000-8000-000000000003';
const OTHER = '0190a000-0000-7000-8000-000000000004';
const T0 = Date.UTC(2026, 10, 1, 9);

function input(over: Partial<InboxInput> = {}): InboxInput {
  return {
    me: { id: ME, role: 'member' },
    ideas: [
      { id: 'mine', title: 'Pre-fill the fluid charts', authorId: ME, mine: 0 },
      { id: 'anon', title: 'Quiet hour at 2pm', anonymous: true, authorId: null, mine: 1 },
      { id: 'theirs', title: 'Move the drugs fridge', authorId: OTHER, mine: 0 },
    ],
    statusLog: [],
    comments: [],
    huddles: [],
    asks: [],
    pdsas: [],
    challenge: null,
    names: new Map([
      [FAC, 'Fola Facilitator'],
      [SPONSOR, 'Sam Sponsor'],
      [OTHER, 'Olu Other'],
      [ME, 'Mia Me'],
    ]),
    now: T0,
    today: '2026-11-01',
    ...over,
  };
}

const move = (ideaId: string, status: string, by: string | null, at = T0) => ({
  ideaId,
  hlc: `${at}-${status}`,
  status: status as 'shortlisted',
  by,
  at,
});

describe('your idea moved', () => {
  it('says shortlisted, chosen to test and each decision, with who decided', () => {
    const items = inboxItems(
      input({
        statusLog: [
          move('mine', 'shortlisted', FAC, T0),
          move('mine', 'testing', FAC, T0 + 1),
          move('mine', 'adapted', SPONSOR, T0 + 2),
          move('mine', 'parked', FAC, T0 + 3),
        ],
      }),
    );
    expect(items.map((i) => [i.kind, i.title])).toEqual([
      ['idea-decided', 'Your idea was adapted by Sam Sponsor'],
      ['idea-testing', 'Your idea was chosen to test by Fola Facilitator'],
      ['idea-shortlisted', 'Your idea was shortlisted by Fola Facilitator'],
    ]);
    expect(items[1]?.href).toBe('/ideas/mine/test');
    expect(items[0]?.detail).toBe('“Pre-fill the fluid charts”');
    for (const status of ['adopted', 'abandoned']) {
      const [item] = inboxItems(input({ statusLog: [move('mine', status, FAC)] }));
      expect(item?.title).toBe(`Your idea was ${status} by Fola Facilitator`);
    }
  });

  it('never names who moved an anonymous idea (the author may have shortlisted it)', () => {
    const items = inboxItems(
      input({
        statusLog: [move('anon', 'shortlisted', OTHER), move('anon', 'testing', FAC, T0 + 1)],
      }),
    );
    expect(items.map((i) => i.title)).toEqual([
      'Your idea was chosen to test',
      'Your idea was shortlisted',
    ]);
    expect(JSON.stringify(items)).not.toMatch(/Olu|Fola/);
  });

  it('leaves out your own moves and other people’s ideas', () => {
    const items = inboxItems(
      input({ statusLog: [move('mine', 'shortlisted', ME), move('theirs', 'testing', FAC)] }),
    );
    expect(items).toEqual([]);
  });

  it('shows an anonymous idea moved only on the phone that captured it', () => {
    const elsewhere = input({
      ideas: [{ id: 'anon', title: 'Quiet hour', anonymous: true, authorId: null, mine: 0 }],
      statusLog: [move('anon', 'testing', FAC)],
    });
    expect(inboxItems(elsewhere)).toEqual([]);
  });
});

describe('comments', () => {
  const comment = (id: string, ideaId: string, authorId: string, body = 'Good idea') => ({
    id,
    ideaId,
    body,
    authorId,
    authorName: authorId === ME ? 'Mia Me' : 'Olu Other',
    createdAt: T0,
  });

  it('tells you of a comment on your idea, not of your own', () => {
    const items = inboxItems(
      input({ comments: [comment('c1', 'mine', OTHER), comment('c2', 'mine', ME)] }),
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: 'comment:c1',
      kind: 'comment',
      title: 'Olu Other commented on your idea',
      href: '/ideas/mine',
    });
  });

  it('tells you of a comment on a test of change you are in, and not on others', () => {
    const base = {
      comments: [comment('c1', 'theirs', OTHER, 'Day 2 went well')],
      pdsas: [{ ideaId: 'theirs' }],
    };
    expect(inboxItems(input(base))).toEqual([]);
    const asked = inboxItems(
      input({ ...base, asks: [{ id: 'a1', ideaId: 'theirs', askedBy: ME, text: 'May we?' }] }),
    );
    expect(asked.map((i) => i.title)).toContain(
      'Olu Other commented on a test of change you are in',
    );
    const commented = inboxItems(
      input({ ...base, comments: [...base.comments, comment('c0', 'theirs', ME)] }),
    );
    expect(commented.map((i) => i.id)).toEqual(['comment:c1']);
  });
});

describe('huddles', () => {
  it('lists a huddle open now with one tap to vote, not a closed or ended one', () => {
    const items = inboxItems(
      input({
        huddles: [
          { id: 'h1', title: 'Monday huddle', state: 'open', startedBy: FAC, startedAt: T0 },
          { id: 'h2', title: 'Last week', state: 'closed', startedBy: FAC, startedAt: T0 },
          { id: 'h3', title: 'Timed out', state: 'open', startedBy: FAC, endsAt: T0 - 1 },
        ],
      }),
    );
    expect(items).toEqual([
      expect.objectContaining({
        id: 'huddle:h1',
        kind: 'huddle-open',
        href: '/huddles/h1',
        action: 'Vote',
        detail: '“Monday huddle”',
      }),
    ]);
  });
});

describe('asks', () => {
  const ask = {
    id: 'a1',
    ideaId: 'mine',
    text: 'Can we use the spare room?',
    askedBy: ME,
    askedByName: 'Mia Me',
    createdAt: T0,
  };

  it('tells you your ask was answered, and by whom', () => {
    expect(inboxItems(input({ asks: [ask] }))).toEqual([]);
    const items = inboxItems(
      input({
        asks: [
          {
            ...ask,
            answer: 'backed',
            answeredBy: SPONSOR,
            answeredByName: 'Sam Sponsor',
            answeredAt: T0 + 5,
          },
        ],
      }),
    );
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'ask-answered',
        title: 'Sam Sponsor backed it',
        href: '/ideas/mine/test',
      }),
    ]);
  });

  it('asks the sponsor for an answer, and nobody else', () => {
    const theirs = { ...ask, askedBy: OTHER, askedByName: 'Olu Other' };
    expect(inboxItems(input({ asks: [theirs] }))).toEqual([]);
    const sponsor = inboxItems(input({ me: { id: SPONSOR, role: 'sponsor' }, asks: [theirs] }));
    expect(sponsor).toEqual([
      expect.objectContaining({
        id: 'ask-waiting:a1',
        kind: 'ask-waiting',
        title: 'Olu Other asked you for an answer',
        href: '/challenge/asks',
      }),
    ]);
    const answered = { ...theirs, answer: 'not-now' as const, answeredBy: SPONSOR };
    expect(inboxItems(input({ me: { id: SPONSOR, role: 'sponsor' }, asks: [answered] }))).toEqual(
      [],
    );
  });
});

describe('the challenge’s reviews', () => {
  const challenge = { id: 'ch', goal: 'Fewer falls', startDate: '2026-11-01' };

  it('shows day 50 from a week before until the day, and day 100 likewise', () => {
    // Day 50 is 2026-12-20; day 100 is 2027-02-08.
    expect(inboxItems(input({ challenge, today: '2026-12-12' }))).toEqual([]);
    expect(inboxItems(input({ challenge, today: '2026-12-13' })).map((i) => i.title)).toEqual([
      'The day 50 mid-point review is in 7 days (2026-12-20)',
    ]);
    expect(inboxItems(input({ challenge, today: '2026-12-20' })).map((i) => i.title)).toEqual([
      'The day 50 mid-point review is today',
    ]);
    expect(inboxItems(input({ challenge, today: '2026-12-21' }))).toEqual([]);
    const landing = inboxItems(input({ challenge, today: '2027-02-07' }));
    expect(landing.map((i) => [i.kind, i.title, i.href])).toEqual([
      ['review-soon', 'The day 100 landing review is in 1 day (2027-02-08)', '/challenge'],
    ]);
  });

  it('keeps one id per review, so reading it on one day keeps it read the next', () => {
    const a = inboxItems(input({ challenge, today: '2026-12-14' }));
    const b = inboxItems(input({ challenge, today: '2026-12-15' }));
    expect(a[0]?.id).toBe(b[0]?.id);
    expect(unreadCount(b, new Set(a.map((i) => i.id)))).toBe(0);
  });
});

it('counts unread items', () => {
  const items = inboxItems(
    input({
      huddles: [{ id: 'h1', title: 'H', state: 'open', startedBy: FAC, startedAt: T0 }],
      statusLog: [move('mine', 'testing', FAC)],
    }),
  );
  expect(unreadCount(items, new Set())).toBe(2);
  expect(unreadCount(items, new Set(['huddle:h1']))).toBe(1);
});

describe('in Welsh', () => {
  afterEach(() => setLanguageForTest('en'));

  it('says each item in the language chosen, what people typed as they typed it', () => {
    setLanguageForTest('cy', { 'domain/inbox': cy });
    const moved = inboxItems(input({ statusLog: [move('mine', 'adopted', SPONSOR)] }));
    expect(moved[0]).toMatchObject({
      title: 'Mabwysiadodd Sam Sponsor eich syniad',
      detail: '“Pre-fill the fluid charts”',
      action: 'Gweld eich syniad',
    });
    const review = inboxItems(
      input({
        challenge: { id: 'ch', goal: 'Fewer falls', startDate: '2026-11-01' },
        today: '2026-12-18',
      }),
    );
    expect(review.map((i) => i.title)).toEqual([
      'Mae adolygiad canol diwrnod 50 ymhen 2 ddiwrnod (2026-12-20)',
    ]);
  });
});
