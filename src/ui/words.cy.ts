/** AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../i18n/index.ts';
import type { en } from './words.en.ts';

export const cy: Welsh<typeof en> = {
  justNow: 'gynnau',
  onDate: 'ar {date}',
  new: 'Newydd',
  shortlisted: 'Ar y rhestr fer',
  testing: 'Yn cael ei brofi',
  adopted: "Wedi'i fabwysiadu",
  adapted: "Wedi'i addasu",
  abandoned: "Wedi'i roi heibio",
  parked: "Wedi'i roi o'r neilltu",
  youAnonymous: "Chi (dienw i'ch tîm)",
  you: 'Chi',
  anonymous: 'Dienw',
  someone: 'Rhywun',
  formerMember: 'Cyn-aelod',
};
