/**
 * Geiriau'r rhannau sydd ar bob sgrin. AWAITING REVIEW by a Welsh-speaking
 * clinician (decision 0022).
 */
import type { Welsh } from '../../i18n/index.ts';
import type { en } from './common.en.ts';

export const cy: Welsh<typeof en> = {
  skip: "Neidio i'r prif gynnwys",
  appName: 'Ground Up',
  menu: 'Prif ddewislen',
  navCapture: 'Cofnodi',
  navForYou: 'I chi',
  navIdeas: 'Syniadau',
  navMeasures: 'Mesurau',
  navHuddles: 'Trafod',
  navChallenge: 'Her',
  navTeam: 'Tîm',
  navSettings: 'Gosodiadau',
  unread: ', {n} newydd',
  error: 'Gwall:',
  checkPatient: 'Gwiriwch am fanylion cleifion',
  looksLike:
    "Mae'n ymddangos bod hwn yn cynnwys {found}. Mae eich tîm cyfan yn gweld {what} — tynnwch fanylion cleifion.",
  nhsNumber: 'rhif GIG',
  dateOfBirth: 'dyddiad a allai fod yn ddyddiad geni',
  postcode: 'cod post',
  and: '{a} a {b}',
  removeAndSave: "Ei dynnu a'i gadw",
  saveAsIs: 'Cadw fel y mae',
};
