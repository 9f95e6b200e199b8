/** AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../../i18n/index.ts';
import type { en } from './chrome.en.ts';

export const cy: Welsh<typeof en> = {
  phoneMenu: 'Prif ddewislen (ffôn)',
  more: 'Mwy',
  moreUnread: ': I chi, {n} newydd',
  organisation: 'Sefydliad',
  supportLinks: 'Dolenni cymorth',
  accessibility: 'Datganiad hygyrchedd',
  privacy: 'Hysbysiad preifatrwydd',
  onDevice: "Beth mae'r ap hwn yn ei gadw ar eich ffôn",
};
