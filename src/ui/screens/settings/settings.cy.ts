/** Geiriau'r sgrin Gosodiadau. AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../../../i18n/index.ts';
import type { en } from './settings.en.ts';

export const cy: Welsh<typeof en> = {
  heading: 'Gosodiadau',
  language: 'Iaith (Language)',
  languageHint:
    "Geiriau'r ap ar y ffôn hwn. Mae geiriau eich tîm ei hun yn aros fel y cawsant eu hysgrifennu.",
  english: 'English',
  welsh: 'Cymraeg',
  storageHeading: 'Storfa ar y ffôn hwn',
  keptSafe: "Wedi'i ddiogelu rhag cael ei glirio",
  notSaid: "Nid yw'r porwr hwn yn dweud",
  persisted: "Ydy — ni fydd y porwr yn clirio data Ground Up pan fydd lle'n brin",
  notPersisted:
    'Nac ydy — os bydd y ffôn yn brin iawn o le, gall y porwr glirio data sydd heb ei gysoni',
  spaceUsed: 'Lle a ddefnyddiwyd',
  notKnown: 'Anhysbys',
  usedOf: '{used} o tua {quota} sydd ar gael',
  askKeep: "Gofyn i gadw'r data ar y ffôn hwn",
  granted: 'Bydd y porwr yn cadw data Ground Up ar y ffôn hwn.',
  refused:
    'Dywedodd y porwr na am y tro. Efallai y bydd yn cytuno yn nes ymlaen, er enghraifft ar ôl i chi ychwanegu Ground Up at eich sgrin gartref.',
  attentionHeading: 'Angen sylw',
  nothing: "Does dim angen sylw: cafodd pob newid ei dderbyn neu mae'n aros i gysoni.",
  notAccepted: "Ni wnaeth gweinydd y tîm dderbyn y newidiadau hyn. Maen nhw'n dal ar y ffôn hwn.",
  about: 'Ynghylch {about}',
  aboutOne: 'y {what} “{name}”',
  aboutIn: 'yn y {what} “{name}”',
  why: 'Pam:',
  never:
    "Ni ellir byth derbyn y newid hwn fel y mae. Gwaredwch ef: mae eich tîm yn cadw'r hyn sydd gan y gweinydd.",
  later:
    "Efallai y caiff y newid hwn ei dderbyn yn nes ymlaen. Rhowch gynnig arall arni pan fydd y broblem wedi'i datrys.",
  unknown: "Os yw'r broblem wedi'i datrys, rhowch gynnig arall arni; fel arall, gwaredwch ef.",
  turnedDown: 'Gwrthodwyd {when}',
  confirmDiscard: 'Cadarnhau gwaredu',
  discardQuestion: "Gwaredu'r newid hwn? Ni fydd yn cyrraedd eich tîm.",
  discard: 'Gwaredu',
  keep: 'Ei gadw',
  tryAgain: 'Rhoi cynnig arall arni',
};
