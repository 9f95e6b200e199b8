/** Geiriau’r gweinydd pan nad yw rhywbeth am sefydliad yn gweithio. AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../i18n/index.ts';
import type { en } from './orgAdmin.en.ts';

export const cy: Welsh<typeof en> = {
  notLeaderDevice:
    'Nid yw’r ddyfais hon wedi mewngofnodi fel arweinydd sefydliad. Ymunwch eto â’r cod arweinydd a roddodd ei weinyddwr i chi.',
  facilitatorLink: 'Dim ond hwylusydd all gysylltu’r tîm â sefydliad.',
  facilitatorUnlink: 'Dim ond hwylusydd all ddatgysylltu’r tîm o’i sefydliad.',
  notLinked:
    'Nid yw eich tîm wedi’i gysylltu â’r sefydliad hwnnw. Mae hwylusydd yn ei gysylltu ar sgrin y Tîm.',
  noOrgForLeaderCode:
    'Nid oes gan unrhyw sefydliad y cod arweinydd hwnnw. Gwiriwch ef gyda’i weinyddwr.',
  orgGone: 'Nid yw’r sefydliad hwn yn bodoli mwyach.',
  noOrgForCode:
    'Nid oes gan unrhyw sefydliad y cod hwnnw. Gwiriwch ef gyda gweinyddwr y sefydliad.',
  alreadyLinked:
    'Mae eich tîm eisoes wedi’i gysylltu â {org}. Datgysylltwch ef yn gyntaf i’w gysylltu â sefydliad arall.',
  notLeader: 'Nid ydych yn arweinydd ar y sefydliad hwnnw.',
  askGone: 'Nid yw’r cais hwnnw mewn tîm yn eich sefydliad mwyach. Adnewyddwch y portffolio.',
};
