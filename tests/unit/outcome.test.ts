import { describe, expect, it } from 'vitest';
import { setLanguageForTest } from '../../src/i18n/index.ts';
import { cy } from '../../src/domain/portfolio.cy.ts';
import { outcomeOf } from '../../src/domain/outcome.ts';
import {
  dayWords,
  filtered,
  portfolioTable,
  themesOf,
  timeline,
} from '../../src/domain/portfolio.ts';
import type { Portfolio } from '../../src/domain/orgProtocol.ts';
import { takenUpBy, takenUpWords, triedSummary } from '../../src/domain/spread.ts';

const weekly = (values: number[], from = '2026-01-05') =>
  values.map((value, i) => {
    const d = new Date(Date.parse(`${from}T00:00:00Z`) + i * 7 * 86_400_000);
    return { date: d.toISOString().slice(0, 10), value };
  });

describe('outcomeOf', () => {
  it('quotes the change from the baseline before the start, and how long it has held', () => {
    const o = outcomeOf(
      {
        name: 'Delayed discharges',
        unit: 'a month',
        direction: 'lower',
        points: weekly([40, 42, 38, 40, 30, 27, 26, 26, 25, 26, 26, 26, 26]),
      },
      '2026-02-02',
    );
    expect(o.baseline).toBe(40);
    expect(o.line).toBe(
      'Delayed discharges down 35% from a baseline of 40 a month, sustained 8 weeks',
    );
  });

  it('says when it is not better yet, and when there is too little to compare', () => {
    const worse = outcomeOf(
      { name: 'Falls', unit: '', direction: 'lower', points: weekly([4, 4, 4, 5, 6]) },
      '2026-01-01',
    );
    expect(worse.line).toBe('Falls up 38% from a baseline of 4: not better than the baseline yet');
    expect(worse.better).toBe(false);
    const few = outcomeOf(
      { name: 'Falls', unit: '', direction: 'lower', points: weekly([4]) },
      '2026-01-01',
    );
    expect(few.line).toBe('Falls: too few data points yet to compare with a baseline');
  });

  it('leaves ghosted points out and reads a higher-is-better measure', () => {
    const o = outcomeOf(
      {
        name: 'Meals protected',
        unit: '%',
        direction: 'higher',
        points: [...weekly([50, 50, 50, 70, 75]), { date: '2026-03-01', value: 0, ghost: true }],
      },
      '2026-01-01',
    );
    expect(o.line).toBe('Meals protected up 45% from a baseline of 50 %, sustained 1 week');
  });
});

const P: Portfolio = {
  org: { id: 'o', name: 'North Trust' },
  at: Date.UTC(2026, 1, 20),
  teams: [
    {
      id: 'a',
      name: 'Ward A',
      challenge: { goal: 'Halve delays', startDate: '2026-02-01', outcome: null },
      ideas: [
        {
          id: 'i1',
          title: 'Discharge lounge',
          status: 'testing',
          theme: 'Flow',
          statusAt: Date.UTC(2026, 1, 18),
        },
        {
          id: 'i2',
          title: 'Sign on bays',
          status: 'adopted',
          theme: 'Safety',
          statusAt: Date.UTC(2026, 0, 2),
        },
      ],
      asks: [
        {
          id: 'k',
          kind: 'support',
          text: 'Porters at 10',
          ideaTitle: 'Discharge lounge',
          theme: 'Flow',
          createdAt: Date.UTC(2026, 1, 19),
          answer: null,
          answeredAt: null,
        },
      ],
    },
    { id: 'b', name: 'Ward B', challenge: null, ideas: [], asks: [] },
  ],
};

describe('the portfolio on the device', () => {
  it('names an erased idea as erased, in the reader’s language, in the timeline and the CSV', () => {
    const erased: Portfolio = {
      ...P,
      teams: [
        {
          id: 'c',
          name: 'Ward C',
          challenge: null,
          asks: [],
          ideas: [
            {
              id: 'i9',
              title: '(erased)',
              erased: true,
              status: 'testing',
              theme: 'Safety',
              statusAt: Date.UTC(2026, 1, 19),
            },
          ],
        },
      ],
    };
    expect(timeline(erased.teams, erased.at).map((x) => x.words)).toEqual([
      'Ward C started testing “(its words were erased)”',
    ]);
    expect(portfolioTable(erased, '2026-02-20').rows[0]?.[5]).toBe('(its words were erased)');
    setLanguageForTest('cy', { 'domain/portfolio': cy });
    try {
      expect(portfolioTable(erased, '2026-02-20').rows[0]?.[5]).toBe('(dilëwyd ei eiriau)');
      expect(timeline(erased.teams, erased.at)[0]?.words).not.toContain('erased');
    } finally {
      setLanguageForTest('en');
    }
  });

  it('filters by team and theme, and lists the themes', () => {
    expect(themesOf(P)).toEqual(['Flow', 'Safety']);
    expect(filtered(P, { teamId: 'b', theme: null }).map((t) => t.name)).toEqual(['Ward B']);
    const flow = filtered(P, { teamId: null, theme: 'Flow' });
    expect(flow.map((t) => [t.name, t.ideas.map((i) => i.title)])).toEqual([
      ['Ward A', ['Discharge lounge']],
    ]);
  });

  it('says the day of the challenge and the week’s timeline, newest first', () => {
    expect(dayWords('2026-02-01', '2026-02-20')).toBe('Day 20 of 100');
    expect(dayWords('2026-02-01', '2026-01-30')).toBe('Starts in 2 days');
    expect(timeline(P.teams, P.at).map((x) => x.words)).toEqual([
      'Ward A asked: “Porters at 10”',
      'Ward A started testing “Discharge lounge”',
    ]);
  });

  it('exports a row per team', () => {
    const t = portfolioTable(P, '2026-02-20');
    expect(t.header).toEqual([
      'Team',
      'Aim',
      'Started',
      'Day',
      'Outcome',
      'Ideas in test',
      'Adopted or adapted',
      'Asks waiting',
    ]);
    expect(t.rows).toEqual([
      [
        'Ward A',
        'Halve delays',
        '2026-02-01',
        'Day 20 of 100',
        '',
        'Discharge lounge',
        'Sign on bays',
        1,
      ],
      ['Ward B', '', '', '', '', '', '', 0],
    ]);
  });
});

describe('spread', () => {
  it('sums up what was tried, cycle by cycle', () => {
    expect(
      triedSummary([
        { cycle: 2, objective: 'Every bay', results: 'Held', act: 'adopt' },
        { cycle: 1, objective: 'One bay', observations: 'Staff liked it', act: 'adapt' },
      ]),
    ).toBe(
      'Cycle 1: One bay. What happened: Staff liked it. (adapted)\nCycle 2: Every bay. Result: Held. (adopted)',
    );
  });

  it('counts each team once', () => {
    const takes = [
      { shareId: 's' },
      { shareId: 's' },
      { shareId: 's', deleted: true },
      { shareId: 't' },
    ];
    expect(takenUpBy('s', takes)).toBe(2);
    expect(takenUpWords(2)).toBe('Taken up by 2 teams');
    expect(takenUpWords(0)).toBeNull();
  });
});

describe('in Welsh', () => {
  it('says the outcome, the day, the week and the take-up in Welsh, and in English again after', () => {
    const delays = {
      name: 'Oedi cyn rhyddhau',
      unit: 'y mis',
      direction: 'lower' as const,
      points: weekly([40, 42, 38, 40, 30, 27, 26, 26, 25, 26, 26, 26, 26]),
    };
    setLanguageForTest('cy', { 'domain/portfolio': cy });
    try {
      expect(outcomeOf(delays, '2026-02-02').line).toBe(
        'Oedi cyn rhyddhau i lawr 35% o linell sylfaen o 40 y mis, wedi’i gynnal am 8 wythnos',
      );
      expect(outcomeOf({ ...delays, points: weekly([4]) }, '2026-01-01').line).toBe(
        'Oedi cyn rhyddhau: rhy ychydig o bwyntiau data eto i’w cymharu â llinell sylfaen',
      );
      expect(dayWords('2026-02-01', '2026-02-20')).toBe('Diwrnod 20 o 100');
      expect(dayWords('2026-02-01', '2026-01-30')).toBe('Yn dechrau ymhen 2 ddiwrnod');
      expect(timeline(P.teams, P.at).map((x) => x.words)).toEqual([
        'Gofynnodd Ward A: “Porters at 10”',
        'Dechreuodd Ward A brofi “Discharge lounge”',
      ]);
      expect(takenUpWords(3)).toBe('Wedi’i fabwysiadu gan 3 tîm');
      expect(
        triedSummary([{ cycle: 1, objective: 'Un bae', results: 'Wedi dal', act: 'adopt' }]),
      ).toBe('Cylch 1: Un bae. Canlyniad: Wedi dal. (mabwysiadwyd)');
      // The portfolio's CSV, for a leader reading Welsh: its headings and day in Welsh.
      const table = portfolioTable(P, '2026-02-20');
      expect(table.header).toEqual([
        'Tîm',
        'Nod',
        'Dechreuwyd',
        'Diwrnod',
        'Canlyniad',
        'Syniadau’n cael eu profi',
        'Wedi’u mabwysiadu neu eu haddasu',
        'Ceisiadau’n aros',
      ]);
      expect(table.rows[0]?.[3]).toBe('Diwrnod 20 o 100');
    } finally {
      setLanguageForTest('en');
    }
    expect(dayWords('2026-02-01', '2026-02-20')).toBe('Day 20 of 100');
  });
});
