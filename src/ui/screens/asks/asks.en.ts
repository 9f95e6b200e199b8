/** Asks of the sponsor (Asks.tsx and asks/*). */
import { messages } from '../../../i18n/index.ts';

export const en = {
  loading: 'Loading…',
  heading: 'Asks of the sponsor',
  counts: '{open} waiting for an answer, {answered} answered.',
  sponsorAnswers: 'The sponsor answers them here.',
  anIdea: 'An idea',
  permission: 'Permission:',
  support: 'Support:',
  askedBy: 'Asked by {who}',
  askedByOn: 'Asked by {who} on {when}',
  aColleague: 'a colleague',
  backed: 'Backed',
  needsMore: 'Needs more',
  notNow: 'Not now',
  waiting: 'Waiting for the sponsor',
  said: '{who} said: {note}',
  theSponsor: 'The sponsor',
  saved: 'Ask saved: it goes to the sponsor when this phone syncs',
  writeAsk: 'Write what you are asking for',
  askHeading: 'Ask the sponsor',
  whatNeed: 'What do you need?',
  supportChoice: 'Support',
  permissionChoice: 'Permission',
  whatAsking: 'What are you asking for?',
  asksWhat: 'Asks',
  send: 'Send the ask',
  chooseAnswer: 'Choose an answer',
  note: 'A note for the team',
  answersWhat: 'Answers',
  answer: 'Answer',
  yourAnswer: 'Your answer',
};

export const t = messages('ui/screens/asks/asks', en);
