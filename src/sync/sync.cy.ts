/** Pan nad yw ateb y gweinydd yn un y gall y ffôn ei ddefnyddio. AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../i18n/index.ts';
import type { en } from './sync.en.ts';

export const cy: Welsh<typeof en> = {
  unreadable: 'Anfonodd y gweinydd ateb na ellir ei ddarllen.',
  unexpected: 'Anfonodd y gweinydd ateb annisgwyl.',
  noAnswerForChanges: 'Ni atebodd y gweinydd ar gyfer y newidiadau hyn.',
  tooLarge:
    'Mae’r newid hwn yn rhy fawr i’r gweinydd ei dderbyn. Byrhewch ef a rhowch gynnig arall arni.',
  orgUnreachable: 'Nid oedd modd cyrraedd y gweinydd ar gyfer y sefydliad.',
};
