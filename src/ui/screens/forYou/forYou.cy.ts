/** "I chi". AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../../../i18n/index.ts';
import type { en } from './forYou.en.ts';

export const cy: Welsh<typeof en> = {
  loading: 'Yn llwytho…',
  heading: 'I chi',
  notJoined: "Bydd yr hyn sy'n digwydd i'ch syniadau yn ymddangos yma pan fyddwch yn eich tîm.",
  joinTeam: 'Ymuno â’ch tîm',
  nothing:
    'Dim byd i chi eto. Pan fydd eich syniad yn symud ymlaen, neu pan fydd rhywun yn rhoi sylw, bydd yn ymddangos yma.',
  new: 'Newydd',
  tellMeWhen: 'Rhowch wybod i mi pan',
  kindHuddleOpen: 'Mae cyfarfod byr yn agor',
  kindIdeaTesting: "Mae eich syniad yn cael ei ddewis i'w brofi",
  kindIdeaDecided: 'Mae eich syniad yn cael ei fabwysiadu, ei addasu neu ei roi heibio',
  kindIdeaShortlisted: 'Mae eich syniad ar y rhestr fer',
  kindAskAnswered: "Mae'r noddwr yn ateb eich cais",
  kindAskWaiting: 'Mae rhywun yn gofyn i chi, y noddwr, am ateb',
  kindComment: 'Sylw ar eich syniad',
  quiet: 'Oriau tawel: dim hysbysiadau rhwng yr amseroedd hyn',
  from: 'O',
  until: 'Tan',
  saveChoices: 'Cadw dewisiadau',
  notifyHeading: 'Hysbysiadau ar y ffôn hwn',
  blocked:
    "Mae hysbysiadau wedi'u rhwystro ar gyfer Ground Up yn y porwr hwn. I'w cael, caniatewch nhw yng ngosodiadau gwefan y porwr.",
  offIntro:
    "Cewch hysbysiad pan fydd cyfarfod byr yn agor neu pan fydd eich syniad yn cael ei ddewis i'w brofi, hyd yn oed pan fydd yr ap ar gau. Ni anfonir dim rhwng 22:00 a 07:00 oni bai eich bod yn newid hynny.",
  areOn: 'Mae hysbysiadau ymlaen.',
  turnOn: 'Troi hysbysiadau ymlaen',
  choicesSaved: "Dewisiadau wedi'u cadw.",
  areOff: 'Mae hysbysiadau i ffwrdd.',
  turnOff: 'Diffodd hysbysiadau',
  saved: "Wedi'i gadw.",
  emailHeading: 'E-bost wythnosol',
  emailOn:
    "Mae eich tîm yn cael e-bost wythnosol o'r hyn a gofnodwyd, a benderfynwyd ac a ddysgwyd.",
  emailOff:
    "Gall hwylusydd eich tîm anfon e-bost wythnosol o'r hyn a gofnodwyd, a benderfynwyd ac a ddysgwyd.",
  addressSaved: "Mae eich cyfeiriad wedi'i gadw.",
  addressRemoved: "Mae eich cyfeiriad wedi'i dynnu.",
  address: 'Eich cyfeiriad e-bost (gadewch yn wag i beidio â chael e-bost)',
  saveAddress: 'Cadw cyfeiriad',
  forTeam: 'Ar gyfer y tîm (hwylusydd)',
  sendWeekly: "Anfon e-bost wythnosol i'r tîm",
  ideaText:
    "Gall hysbysiadau a'r e-bost wythnosol ddangos geiriau syniadau (gellir eu gweld ar sgriniau clo)",
};
