/** AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../i18n/index.ts';
import type { en } from './errors.en.ts';

export const cy: Welsh<typeof en> = {
  quota:
    "Nid oes lle storio ar ôl ar y ffôn hwn, felly ni chafodd hwn ei gadw. Mae popeth a gadwoch o'r blaen yn ddiogel o hyd. Rhyddhewch le (lluniau, apiau eraill) a phwyswch Cadw eto — mae eich testun yn y blwch o hyd.",
  newer:
    "Mae fersiwn mwy newydd o Ground Up ar agor mewn tab arall — ail-lwythwch yr un hwn. Ni chollwyd dim a gadwoch o'r blaen, ac mae eich testun yn y blwch o hyd.",
  blocked:
    "Caewch dabiau Ground Up eraill i orffen diweddaru. Yna pwyswch Cadw eto: ni chollwyd dim a gadwoch o'r blaen.",
  otherTabNewer:
    'Mae fersiwn mwy newydd o Ground Up ar agor mewn tab arall — ail-lwythwch yr un hwn.',
  otherTabBlocked: 'Caewch dabiau Ground Up eraill i orffen diweddaru.',
  error:
    'Nid oedd modd cadw hwn ar y ddyfais. Mae eich testun yn y blwch o hyd: pwyswch Cadw i roi cynnig arall arni.',
};
