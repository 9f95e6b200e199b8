/** Geiriau'r bar cysoni. AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../i18n/index.ts';
import type { en } from './sync.en.ts';

export const cy: Welsh<typeof en> = {
  needAttention: '{n, plural, other {# angen sylw}}',
  keptUntilJoin:
    '{n, plural, one {# newid wedi’i gadw ar y ffôn hwn} other {# newid wedi’u cadw ar y ffôn hwn}} nes i chi ymuno â thîm',
  ideasKept: 'Mae syniadau’n cael eu cadw ar y ffôn hwn nes i chi ymuno â thîm',
  joinToShare: 'Ymunwch â thîm neu dechreuwch un i’w rhannu.',
  safeHere: 'Maen nhw’n ddiogel yma a byddant yn cael eu hanfon yn awtomatig.',
  triedNoConnection: 'Wedi ceisio nawr: dal dim cysylltiad.',
  triedNoAnswer: 'Wedi ceisio nawr: nid atebodd y gweinydd o hyd.',
  waitingHere: '{n, plural, other {# newid yn aros ar y ffôn hwn}}',
  allSent: 'mae popeth a gadwoch wedi’i anfon',
  notSignedIn: 'Heb fewngofnodi — {still}',
  noConnection: 'Dim cysylltiad — {still}',
  serverDown: 'Nid yw’r gweinydd yn ateb — {still}',
  syncing: 'Yn cysoni…',
  waitingToSync: '{n, plural, other {# newid yn aros i gysoni}}',
  syncedExcept: 'Wedi cysoni, ac eithrio {n, plural, other {# newid a wrthodwyd gan y gweinydd}}',
  allSynced: 'Popeth wedi’i gysoni',
  signedOut:
    'Nid yw’r ffôn hwn wedi’i fewngofnodi i’r tîm mwyach. Mae eich syniadau’n ddiogel arno: ymunwch eto i’w hanfon.',
  serverSaid: 'Dywedodd y gweinydd: {message}',
  notSynced: 'Heb gysoni eto',
  lastSynced: 'Cysonwyd ddiwethaf {when}',
  syncNow: 'Cysoni nawr',
};
