/**
 * Geiriau'r cyfarfod byr. AWAITING REVIEW by a Welsh-speaking clinician
 * (decision 0022): translated by the developers, not yet checked.
 *
 * Terms chosen for the huddle, team, PDSA, measure, chart and organisation
 * screens (welsh16b), kept the same across them:
 *   huddle → cyfarfod byr; dot → dot (dotiau); vote → pleidlais / pleidleisio;
 *   shortlist → rhestr fer; facilitator → hwylusydd; idea → syniad;
 *   team → tîm; member → aelod; organisation → sefydliad;
 *   test of change → prawf o newid; PDSA cycle → cylch PDSA (the letters kept);
 *   measure → mesur; point → pwynt; baseline → llinell sylfaen; rebase → ailsylfaenu
 *   (Ailsylfaenwyd: rebased);
 *   median → canolrif; run chart → siart rhediad; control chart → siart reoli;
 *   board (the TV's) → bwrdd; board link → dolen bwrdd; tablet → llechen (y llechen);
 *   sign in → mewngofnodi.
 * Plurals use digits with the singular noun ("3 dot", "5 aelod"), as Welsh allows.
 */
import type { Welsh } from '../../../i18n/index.ts';
import type { en } from './huddle.en.ts';

export const cy: Welsh<typeof en> = {
  noneChosen: "Dim syniadau wedi'u dewis.",
  nowTesting: '{n, plural, one {Mae # syniad} other {Mae # syniad}} yn cael eu profi nawr.',
  chooseHeading: 'Dewis beth i’w brofi',
  toTestNext: 'Syniadau i’w profi nesaf',
  anIdea: 'Syniad',
  ideaDots: '{title} ({n, plural, other {# dot}})',
  markTesting: "Nodi'r syniadau a ddewiswyd fel rhai sy'n cael eu profi",
  votingClosed: "Mae'r pleidleisio wedi cau",
  votingClosedStop: "Mae'r pleidleisio wedi cau.",
  timeUp: "Mae'r amser ar ben",
  timeLeft: '{time} ar ôl',
  timer: 'Amserydd:',
  closing: "Mae'r amser ar ben: mae'r pleidleisio'n cau",
  dotsLeft: '{left} o {n, plural, other {# dot}} ar ôl',
  notOnDevice: 'Syniad nad yw ar y ddyfais hon eto',
  myDots: '{n, plural, other {# dot}}',
  addDot: 'Ychwanegu dot: {title}',
  removeDot: 'Tynnu dot: {title}',
  add: 'Ychwanegu',
  remove: 'Tynnu',
  notFound: "Heb ddod o hyd i'r cyfarfod byr",
  notHere: "Nid yw'r cyfarfod byr hwn ar y ddyfais hon. Efallai nad yw wedi cysoni eto.",
  seeAll: 'Gweld pob cyfarfod byr',
  hiddenNote:
    "Mae'r pleidleisiau'n gudd nes i'r cyfarfod byr gau. {n, plural, one {Mae # person wedi} other {Mae # person wedi}} pleidleisio hyd yma.",
  changeOrder: 'Newid trefn y rhestr fer',
  moveUp: 'Symud i fyny: {title}',
  moveDown: 'Symud i lawr: {title}',
  up: 'I fyny',
  down: 'I lawr',
  place: 'Safle',
  idea: 'Syniad',
  dots: 'Dotiau',
  people: 'Pobl',
  ordinal:
    '{form, select, zero {{rank}fed} one {{rank}af} two {{rank}il} few {{rank}ydd} many {{rank}ed} other {{rank}fed}}',
  joint: 'Cydradd {place}',
  defaultTitle: 'Cyfarfod byr',
  needTitle: "Rhowch deitl i'r cyfarfod byr",
  dotsRange: "Rhaid i'r dotiau i bob person fod yn rhif cyfan o 1 i 10",
  timerRange: "Rhaid i'r amserydd fod o 0 i 60 munud",
  needIdea: "Dewiswch o leiaf un syniad i'r rhestr fer",
  startHeading: 'Dechrau cyfarfod byr',
  title: 'Teitl',
  dotsPer: 'Dotiau i bob person',
  minutes: 'Amserydd, mewn munudau (0 am ddim amserydd)',
  hideVotes: "Cuddio'r pleidleisiau nes i'r cyfarfod byr gau",
  shortlist: 'Rhestr fer',
  everyNew: 'Mae tic wrth bob syniad newydd: tynnwch y tic o unrhyw un a ddylai aros.',
  sinceLast:
    '{n, plural, one {Mae tic wrth y syniad a gofnodwyd ers y cyfarfod byr diwethaf} other {Mae tic wrth y # syniad a gofnodwyd ers y cyfarfod byr diwethaf}}: tynnwch y tic o unrhyw un a ddylai aros.',
  noIdeas: 'Does dim syniadau newydd nac ar y rhestr fer eto.',
  orderHeading: 'Trefn y rhestr fer',
  start: 'Dechrau’r cyfarfod byr',
  chooseAhead: "Dewiswch y syniad sy'n mynd ymlaen",
  tieHeading: "Torri'r cyfartal am y safle cyntaf",
  whichAhead: "Pa syniad sy'n mynd ymlaen i gael ei brofi?",
  chooseThis: 'Dewis y syniad hwn',
  addMinutes: 'Ychwanegu {n, plural, other {# munud}}',
  startTimer: 'Dechrau amserydd {n} munud',
  stopTimer: "Stopio'r amserydd",
};
