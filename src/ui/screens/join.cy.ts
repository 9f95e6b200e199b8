/** AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../../i18n/index.ts';
import type { en } from './join.en.ts';

export const cy: Welsh<typeof en> = {
  already: 'Rydych chi mewn tîm yn barod',
  inTeam: "Mae'r ffôn hwn yn {team}.",
  seeTeam: 'Gweld eich tîm',
  join: 'Ymuno â thîm',
  signedInAs: 'Rydych wedi mewngofnodi fel {email}. Gwiriwch eich enw, yna ymunwch.',
  signInAgain: 'Mewngofnodi eto',
  checkCode:
    "Gwiriwch fod y cod yr un fath â'r un a rannodd eich hwylusydd, ychwanegwch eich enw, ac ymunwch.",
};
