/** Geiriau hysbysiad. AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../i18n/index.ts';
import type { en } from './notify.en.ts';

export const cy: Welsh<typeof en> = {
  toVote: 'Agorwch Ground Up i bleidleisio.',
  toSee: 'Agorwch Ground Up i’w weld.',
  toRead: 'Agorwch Ground Up i’w ddarllen.',
  toAnswer: 'Agorwch Ground Up i ateb.',
  toReadAnswer: 'Agorwch Ground Up i ddarllen yr ateb.',
  answeredOther: 'Atebodd {who}',
  unreadable: 'Rhywbeth newydd i chi.',
};
