/** "For you": each item's words (src/domain/inbox.ts). */
import { messages } from '../i18n/index.ts';

export const en = {
  shortlisted: 'Your idea was shortlisted',
  shortlistedBy: 'Your idea was shortlisted by {who}',
  testing: 'Your idea was chosen to test',
  testingBy: 'Your idea was chosen to test by {who}',
  decided: 'Your idea was {status, select, adopted {adopted} adapted {adapted} other {abandoned}}',
  decidedBy:
    'Your idea was {status, select, adopted {adopted} adapted {adapted} other {abandoned}} by {who}',
  aColleague: 'a colleague',
  anIdea: 'An idea',
  seeTest: 'See the test of change',
  seeIdea: 'See your idea',
  commentedYours: '{who} commented on your idea',
  commentedTest: '{who} commented on a test of change you are in',
  someone: 'A colleague',
  commentOn: '{comment} on {idea}',
  commentOnIdea: '{comment} on an idea',
  readComment: 'Read the comment',
  huddleOpen: 'A huddle is open: place your dots',
  huddle: 'Huddle',
  vote: 'Vote',
  answered: '{who} {answer, select, backed {backed it} more {asked for more} other {said not now}}',
  sponsor: 'The sponsor',
  yourAsk: 'Your ask {ask} about {idea}',
  yourAskIdea: 'Your ask {ask} about an idea',
  readAnswer: 'Read the answer',
  askedYou: '{who} asked you for an answer',
  askAbout: '{ask} about {idea}',
  askAboutIdea: '{ask} about an idea',
  anAsk: 'An ask',
  answer: 'Answer',
  reviewToday:
    'The day {day} {review, select, mid {mid-point review} other {landing review}} is today',
  reviewIn:
    'The day {day} {review, select, mid {mid-point review} other {landing review}} is in {n, plural, one {# day} other {# days}} ({date})',
  challenge: 'The 100-day challenge',
  openChallenge: 'Open the challenge',
};

export const t = messages('domain/inbox', en);
