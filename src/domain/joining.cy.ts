/** Geiriau’r gweinydd pan na weithiodd ymuno neu fewngofnodi. AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../i18n/index.ts';
import type { en } from './joining.en.ts';

export const cy: Welsh<typeof en> = {
  noTeamForCode: 'Nid oes gan unrhyw dîm y cod gwahodd hwnnw. Gwiriwch ef gyda’ch hwylusydd.',
  signInRequired:
    'Mae’r tîm hwn yn gofyn i bawb fewngofnodi â’u cyfrif gwaith cyn ymuno. Mewngofnodwch, yna ymunwch. Staff banc neu asiantaeth heb un: gofynnwch i’ch hwylusydd.',
  signInExpired:
    'Mae eich mewngofnodi wedi dod i ben (mae’n para 15 munud). Mewngofnodwch eto i ymuno.',
  nameTaken:
    'Mae rhywun yn y tîm hwn eisoes o’r enw “{name}”. Ychwanegwch rywbeth y bydd cydweithwyr yn ei adnabod, fel llythyren gyntaf neu eich rôl (er enghraifft “{name} B” neu “{name} (HCA)”).',
  notSignedIn:
    'Nid yw’r ddyfais hon wedi mewngofnodi i dîm. Ymunwch â’ch tîm eto gyda’i god gwahodd.',
  accountDisabled:
    'Nid yw’r cyfrif gwaith y gwnaethoch fewngofnodi ag ef yn weithredol mwyach, felly mae’r ffôn hwn wedi’i allgofnodi o’r tîm. Mae popeth arno’n ddiogel. Os ydych yn dal i weithio yma, ymunwch eto a mewngofnodwch; os caewyd eich cyfrif trwy gamgymeriad, gofynnwch i’ch desg gwasanaeth TG.',
  signInNotSetUp:
    'Nid yw mewngofnodi wedi’i osod ar y gweinydd hwn. Gofynnwch i bwy bynnag sy’n rhedeg Ground Up i’ch ymddiriedolaeth neu’ch bwrdd iechyd ei osod (README, “Staff sign-in”), neu ymunwch â’r cod gwahodd.',
  signInUnreachable:
    'Ni atebodd y gwasanaeth mewngofnodi. Does dim ar y ffôn hwn wedi newid. Ceisiwch eto ymhen ychydig funudau.',
};
