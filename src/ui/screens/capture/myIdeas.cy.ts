/** "Fy syniadau". AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../../../i18n/index.ts';
import type { en } from './myIdeas.en.ts';

export const cy: Welsh<typeof en> = {
  heading: 'Fy syniadau',
  empty: 'Bydd y syniadau rydych yn eu cadw ar y ffôn hwn yn ymddangos yma.',
  needsAttention: 'Angen sylw',
  waiting: 'Yn aros i gysoni',
  sent: 'Wedi anfon',
  saved: "Wedi'i gadw {when}",
  anonymous: ' · dienw',
  showing: 'Yn dangos {shown} o {total}.',
  showMore: 'Dangos {n} arall',
};
