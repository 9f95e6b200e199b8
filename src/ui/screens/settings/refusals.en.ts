/**
 * "Needs attention" in the chosen language: what each refusal code means, and
 * each kind of record's name. The server sends its refusal in English words
 * (rules/verdict.ts); an English reader sees those exact words, a Welsh reader
 * the meaning of its stable code from here (the server's words are English
 * only, and say the same thing more narrowly).
 */
import { messages } from '../../../i18n/index.ts';
import type { VerdictCode } from '../../../domain/rules/verdict.ts';
import type { EntityName } from '../../../domain/entities.ts';

export const en = {
  'other-team': 'This change is for another team.',
  'not-created': 'This record was never created: the change is missing what it must start with.',
  'no-parent': 'This change is about something your team does not have.',
  'not-owner': 'Only whoever made this (or a facilitator) can change it.',
  'not-lead': 'Only a facilitator or the sponsor can do this.',
  'not-you': 'This change names someone other than you.',
  fixed: 'This part cannot change once it is made.',
  'derived-id': 'This record’s id does not match what it is for.',
  invalid: 'This change does not fit the record’s rules.',
  'over-budget': 'This vote is over your dots in the huddle.',
  'huddle-closed': 'This vote came after the huddle closed.',
  'clock-ahead': 'This phone’s clock is ahead of the server’s. Set it right, then try again.',
  idea: 'idea',
  comment: 'comment',
  team: 'team',
  huddle: 'huddle',
  vote: 'vote',
  pdsa: 'test of change',
  measure: 'measure',
  point: 'data point',
  tap: 'tally',
  challenge: '100-day challenge',
  ask: 'ask',
  share: 'shared change',
  take: 'take-up',
  changeTo: 'A change to the {kind} “{title}”',
  changeToKind: 'A change to a {kind}',
};

export const t = messages('ui/screens/settings/refusals', en);

/** The meaning of a refusal code, in the chosen language. */
export const codeWords = (code: VerdictCode) => t(code);
/** A kind of record's name, in the chosen language. */
export const kindWords = (kind: EntityName) => t(kind);
