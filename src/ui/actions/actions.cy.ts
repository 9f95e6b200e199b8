/** Pan na ellir gwneud rhywbeth. AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../../i18n/index.ts';
import type { en } from './actions.en.ts';

export const cy: Welsh<typeof en> = {
  joinFirst: 'Ymunwch â’ch tîm yn gyntaf.',
  joinATeam: 'Ymunwch â thîm yn gyntaf.',
  joinAsLeader: 'Ymunwch â’r sefydliad fel arweinydd yn gyntaf.',
  needsConnection: 'Mae angen cysylltiad ar gyfer hyn. Does dim wedi newid.',
  eraseOffline:
    'Mae angen cysylltiad i ddileu. Ni ddilëwyd dim; rhowch gynnig arall arni pan fyddwch ar-lein.',
  notifyUnsupported:
    'Ni all y porwr hwn ddangos hysbysiadau gan Ground Up. Mae “I chi” yn dal i ddangos popeth pan fyddwch yn agor yr ap.',
  notifyBlocked:
    'Mae hysbysiadau wedi’u rhwystro ar gyfer Ground Up yn y porwr hwn. Caniatewch nhw yng ngosodiadau gwefan y porwr, yna rhowch gynnig arall arni.',
  notifyNoAnswer:
    'Ni allai’r porwr hwn sefydlu hysbysiadau (ni atebodd ei wasanaeth gwthio). Rhowch gynnig arall arni yn nes ymlaen; mae “I chi” yn dal i ddangos popeth.',
  notifyOff: 'Mae hysbysiadau i ffwrdd ar y ffôn hwn. Trowch nhw ymlaen yn gyntaf.',
  noConnection:
    'Dim cysylltiad. Mae angen y rhyngrwyd ar gyfer hyn: rhowch gynnig arall arni pan fydd signal gan y ddyfais hon.',
  tooMany: 'Gormod o ymdrechion. Arhoswch {n} munud a rhowch gynnig arall arni.',
  serverProblem: 'Cafodd y gweinydd broblem. Rhowch gynnig arall arni ymhen munud.',
};
