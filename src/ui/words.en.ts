/** Words of format.ts: times, idea statuses and who wrote something. */
import { messages } from '../i18n/index.ts';

export const en = {
  justNow: 'just now',
  onDate: 'on {date}',
  new: 'New',
  shortlisted: 'Shortlisted',
  testing: 'Testing',
  adopted: 'Adopted',
  adapted: 'Adapted',
  abandoned: 'Abandoned',
  parked: 'Parked',
  youAnonymous: 'You (anonymous to your team)',
  you: 'You',
  anonymous: 'Anonymous',
  someone: 'Someone',
  /** The name an erased member's records carry (FORMER_MEMBER), as the reader sees it. */
  formerMember: 'Former member',
};

export const t = messages('ui/words', en);
