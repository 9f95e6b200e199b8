/**
 * The leader's portfolio on the device, pure: the filters (team, theme), the
 * week's timeline, the asks waiting, and the CSV a board paper takes
 * (challenge, day, aim, outcome line, ideas in test, adopted). Built from the
 * server's summary (orgProtocol.ts Portfolio), which holds nothing else.
 */
import { challengeDay, CHALLENGE_DAYS } from './challenge.ts';
import type { Table } from './csvCells.ts';
import type { Portfolio, PortfolioTeam } from './orgProtocol.ts';
import { outcomeOf } from './outcome.ts';
import { t as words } from './portfolio.en.ts';

/**
 * Team cards a portfolio draws at once, then as many more on a tap: every card
 * sums its chart up, and drawing 800 at once kept a phone busy for seconds
 * (bench/ORG.md).
 */
export const CARDS_AT_A_TIME = 30;

export type Filter = { readonly teamId: string | null; readonly theme: string | null };

/** Every theme (category label) in the portfolio, sorted. */
export function themesOf(p: Portfolio): string[] {
  const all = new Set<string>();
  for (const t of p.teams) {
    for (const i of t.ideas) if (i.theme) all.add(i.theme);
    for (const a of t.asks) if (a.theme) all.add(a.theme);
  }
  return [...all].sort((a, b) => a.localeCompare(b));
}

/** The teams the filter keeps, each with only the ideas and asks of the theme chosen. */
export function filtered(p: Portfolio, f: Filter): PortfolioTeam[] {
  return p.teams
    .filter((t) => f.teamId === null || t.id === f.teamId)
    .map((t) =>
      f.theme === null
        ? t
        : {
            ...t,
            ideas: t.ideas.filter((i) => i.theme === f.theme),
            asks: t.asks.filter((a) => a.theme === f.theme),
          },
    )
    .filter((t) => f.theme === null || t.ideas.length > 0 || t.asks.length > 0);
}

/** "Day 34 of 100", "Starts in 3 days", "Ended (day 112)". */
export function dayWords(startDate: string, today: string): string {
  const n = challengeDay(startDate, today);
  if (n < 1) return words('startsIn', { n: 1 - n });
  if (n > CHALLENGE_DAYS) return words('ended', { n });
  return words('dayOf', { n, days: CHALLENGE_DAYS });
}

/** One change of the week; `words`: the sentence, the team named in it. */
export type TimelineItem = { readonly at: number; readonly team: string; readonly words: string };

/** An idea's title as a leader reads it: its words, or that they were erased, in the reader's language. */
const titleOf = (i: PortfolioTeam['ideas'][number]): string =>
  i.erased ? words('erasedIdea') : i.title;

/** What changed in the seven days up to `now`, newest first. */
export function timeline(teams: readonly PortfolioTeam[], now: number): TimelineItem[] {
  const since = now - 7 * 86_400_000;
  const items: TimelineItem[] = [];
  for (const t of teams) {
    for (const i of t.ideas)
      if (i.statusAt !== null && i.statusAt >= since)
        items.push({
          at: i.statusAt,
          team: t.name,
          words: words('status', { status: i.status, team: t.name, title: titleOf(i) }),
        });
    for (const a of t.asks) {
      if (a.createdAt >= since)
        items.push({
          at: a.createdAt,
          team: t.name,
          words: words('asked', { team: t.name, text: a.text }),
        });
      if (a.answeredAt !== null && a.answeredAt >= since)
        items.push({
          at: a.answeredAt,
          team: t.name,
          words: words('answered', { team: t.name, text: a.text }),
        });
    }
  }
  return items.sort((x, y) => y.at - x.at);
}

/** The team's challenge outcome in one line, or null without a challenge or outcome measure. */
export function outcomeLine(t: PortfolioTeam): string | null {
  const c = t.challenge;
  return c?.outcome ? outcomeOf(c.outcome, c.startDate).line : null;
}

/** Every team's challenge as one table for the CSV export (src/lib/csv.ts writes it). */
export function portfolioTable(p: Portfolio, today: string): Table {
  return {
    header: [
      words('csvTeam'),
      words('csvAim'),
      words('csvStarted'),
      words('csvDay'),
      words('csvOutcome'),
      words('csvInTest'),
      words('csvAdopted'),
      words('csvAsks'),
    ],
    rows: p.teams.map((t) => [
      t.name,
      t.challenge?.goal ?? '',
      t.challenge?.startDate ?? '',
      t.challenge ? dayWords(t.challenge.startDate, today) : '',
      outcomeLine(t) ?? '',
      t.ideas
        .filter((i) => i.status === 'testing')
        .map(titleOf)
        .join('; '),
      t.ideas
        .filter((i) => i.status !== 'testing')
        .map(titleOf)
        .join('; '),
      t.asks.filter((a) => a.answer === null).length,
    ]),
  };
}
