/** Pam na ellid gwneud newid ar y ffôn hwn. AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../i18n/index.ts';
import type { en } from './writes.en.ts';

export const cy: Welsh<typeof en> = {
  joinFirst: 'Ymunwch â’ch tîm yn gyntaf.',
  joinForAsks: 'Ymunwch â’ch tîm yn gyntaf: mae ceisiadau’n mynd at ei noddwr.',
  cycleNotHere: 'Nid yw’r cylch hwn ar y ffôn hwn',
  huddleNotHere: 'Nid yw’r cyfarfod byr hwn ar y ddyfais hon',
  notLinked:
    'Nid yw eich tîm wedi’i gysylltu â sefydliad. Mae hwylusydd yn ei gysylltu ar y sgrin Tîm.',
  noLongerShared: 'Nid yw’r newid hwn wedi’i rannu yn eich sefydliad mwyach.',
  takenTitle: 'Newid a weithiodd mewn man arall',
  takenDetail: 'Wedi’i gymryd o waith {team}, lle gweithiodd.\n{tried}\nCyswllt: {contact}',
  anotherTeam: 'tîm arall',
};
