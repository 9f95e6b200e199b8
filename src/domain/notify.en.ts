/**
 * A notification's words (server/notify/derive.ts writes them in English; the
 * service worker says them again in the language the person chose, decision
 * 0027). Its title is the "For you" item's (inbox.en.ts); these are the
 * bodies said when the team keeps what people typed off the lock screen.
 */
import { messages } from '../i18n/index.ts';

export const en = {
  toVote: 'Open Ground Up to vote.',
  toSee: 'Open Ground Up to see it.',
  toRead: 'Open Ground Up to read it.',
  toAnswer: 'Open Ground Up to answer.',
  toReadAnswer: 'Open Ground Up to read the answer.',
  answeredOther: '{who} answered',
  unreadable: 'Something new for you.',
};

export const t = messages('domain/notify', en);
