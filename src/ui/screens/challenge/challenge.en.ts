/** The 100-day challenge (Challenge.tsx, challenge/ChallengeForm). */
import { messages } from '../../../i18n/index.ts';

export const en = {
  loading: 'Loading…',
  heading: '100-day challenge',
  notSetUp:
    'Your team has not set up its 100-day challenge yet. A facilitator or the sponsor does that here.',
  startsOn: 'Starts on {date}',
  complete: 'Challenge complete',
  dayOf: 'Day {day} of {days}',
  sponsor: 'Sponsor',
  notNamed: 'Not named yet',
  midPoint: 'Mid-point review (day {day})',
  landing: 'Landing review (day {day})',
  reviewPack: 'Review pack (printable)',
  change: 'Change the challenge',
  outcome: 'Outcome measure',
  noOutcome: 'No outcome measure chosen yet.',
  inTest: 'Ideas in test ({n})',
  adopted: 'Changes adopted ({n})',
  testNext: 'Ideas to test next ({n})',
  asked: 'Asked of the sponsor',
  nothingAsked: 'Nothing asked yet.',
  allAsks: 'All asks and answers',
  noneYet: 'None yet.',
  cycles: '({n, plural, one {# cycle} other {# cycles}})',
  writeGoal: 'Write the goal',
  enterStart: 'Enter the start date, like {example}',
  setUp: 'Set up the 100-day challenge',
  goal: 'Goal',
  goalHint: 'For example: reduce delayed discharges by 35% in 100 days',
  dayOne: 'Day 1',
  sponsorHint: 'The senior person backing the team',
  none: 'None yet',
  otherMeasures: 'Other measures to follow',
  ideasIn: 'Ideas in the challenge ({n} added)',
  ideasInLegend: 'Ideas being tested or adopted are in it already. Add others to follow:',
  challengesWhat: 'Challenges',
  save: 'Save the challenge',
};

export const t = messages('ui/screens/challenge/challenge', en);
