/** Pan na weithiodd galwad hysbysiadau. AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../i18n/index.ts';
import type { en } from './notifyApi.en.ts';

export const cy: Welsh<typeof en> = {
  noConnection: 'Dim cysylltiad. Rhowch gynnig arall arni pan fydd signal gan y ffôn hwn.',
  notOffered: 'Nid yw’r gweinydd hwn yn anfon hysbysiadau. Gofynnwch i bwy bynnag sy’n ei redeg.',
  answered: 'Atebodd y gweinydd {status}. Rhowch gynnig arall arni yn nes ymlaen.',
  unexpected: 'Anfonodd y gweinydd ateb annisgwyl. Rhowch gynnig arall arni yn nes ymlaen.',
};
