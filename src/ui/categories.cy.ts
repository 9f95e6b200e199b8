/** Enwau'r categorïau. AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../i18n/index.ts';
import type { en } from './categories.en.ts';

export const cy: Welsh<typeof en> = {
  safety: 'Diogelwch cleifion',
  flow: 'Llif a rhyddhau',
  experience: 'Profiad cleifion',
  wellbeing: 'Llesiant staff',
  waste: 'Gwastraff a chost',
  other: 'Arall',
};
