/**
 * The words of a team's progress as the organisation reads it: the
 * challenge's day and the week's timeline (portfolio.ts), its outcome in one
 * line (outcome.ts), and what spread (spread.ts).
 */
import { messages } from '../i18n/index.ts';

export const en = {
  startsIn: '{n, plural, one {Starts in # day} other {Starts in # days}}',
  ended: 'Ended (day {n})',
  dayOf: 'Day {n} of {days}',
  status:
    '{status, select, testing {{team} started testing “{title}”} adopted {{team} adopted “{title}”} adapted {{team} adapted “{title}”} other {{team} moved “{title}” on}}',
  asked: '{team} asked: “{text}”',
  /** An idea whose words a facilitator erased (the server sends an English placeholder for older apps). */
  erasedIdea: '(its words were erased)',
  answered: '{team} had its ask answered: “{text}”',
  outcomeMeasure: 'The outcome measure',
  tooFew: '{name}: too few data points yet to compare with a baseline',
  outcome:
    '{name} {change, select, downTo {down to {now}{unit}} upTo {up to {now}{unit}} unchanged {unchanged} down {down {percent}%} other {up {percent}%}} from a baseline of {baseline}{unit}{tail, select, sustained {, sustained {weeks, plural, one {# week} other {# weeks}}} worse {: not better than the baseline yet} other {}}',
  takenUp: '{n, plural, one {Taken up by # team} other {Taken up by # teams}}',
  triedCycle: 'Cycle {n}: {objective}',
  noObjective: 'no objective written',
  happened: 'What happened: {text}',
  result: 'Result: {text}',
  act: '({act, select, adopt {adopted} adapt {adapted} other {abandoned}})',
  // The portfolio's CSV (portfolioTable): its column headings.
  csvTeam: 'Team',
  csvAim: 'Aim',
  csvStarted: 'Started',
  csvDay: 'Day',
  csvOutcome: 'Outcome',
  csvInTest: 'Ideas in test',
  csvAdopted: 'Adopted or adapted',
  csvAsks: 'Asks waiting',
};

export const t = messages('domain/portfolio', en);
