/** Yr her 100 diwrnod. AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../../../i18n/index.ts';
import type { en } from './challenge.en.ts';

export const cy: Welsh<typeof en> = {
  loading: 'Yn llwytho…',
  heading: 'Her 100 diwrnod',
  notSetUp:
    "Nid yw eich tîm wedi sefydlu ei her 100 diwrnod eto. Hwylusydd neu'r noddwr sy'n gwneud hynny yma.",
  startsOn: 'Yn dechrau ar {date}',
  complete: "Her wedi'i chwblhau",
  dayOf: 'Diwrnod {day} o {days}',
  sponsor: 'Noddwr',
  notNamed: 'Heb ei enwi eto',
  midPoint: 'Adolygiad canol (diwrnod {day})',
  landing: 'Adolygiad glanio (diwrnod {day})',
  reviewPack: 'Pecyn adolygu (i’w argraffu)',
  change: 'Newid yr her',
  outcome: 'Mesur canlyniad',
  noOutcome: "Dim mesur canlyniad wedi'i ddewis eto.",
  inTest: 'Syniadau’n cael eu profi ({n})',
  adopted: "Newidiadau wedi'u mabwysiadu ({n})",
  testNext: "Syniadau i'w profi nesaf ({n})",
  asked: "Gofynnwyd i'r noddwr",
  nothingAsked: 'Dim wedi’i ofyn eto.',
  allAsks: 'Pob cais ac ateb',
  noneYet: 'Dim eto.',
  cycles: '({n, plural, one {# cylch} other {# cylch}})',
  writeGoal: 'Ysgrifennwch y nod',
  enterStart: 'Rhowch y dyddiad dechrau, fel {example}',
  setUp: 'Sefydlu’r her 100 diwrnod',
  goal: 'Nod',
  goalHint: 'Er enghraifft: lleihau oedi wrth ryddhau cleifion 35% mewn 100 diwrnod',
  dayOne: 'Diwrnod 1',
  sponsorHint: "Yr uwch berson sy'n cefnogi'r tîm",
  none: 'Dim eto',
  otherMeasures: "Mesurau eraill i'w dilyn",
  ideasIn: "Syniadau yn yr her ({n} wedi'u hychwanegu)",
  ideasInLegend:
    "Mae syniadau sy'n cael eu profi neu eu mabwysiadu ynddi eisoes. Ychwanegwch eraill i'w dilyn:",
  challengesWhat: 'heriau',
  save: "Cadw'r her",
};
