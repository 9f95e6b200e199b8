/** Geiriau rheolau’r tîm. AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../../i18n/index.ts';
import type { en } from './rules.en.ts';

/** "Y … hwn/hon": the kind of record with its demonstrative (pleidlais and her are feminine). */
const THIS =
  '{kind, select, idea {syniad hwn} comment {sylw hwn} team {tîm hwn} huddle {cyfarfod byr hwn} vote {bleidlais hon} pdsa {prawf o newid hwn} measure {mesur hwn} point {pwynt data hwn} tap {cyfrif hwn} challenge {her 100 diwrnod hon} ask {cais hwn} share {newid a rannwyd hwn} take {mabwysiad hwn} other {cofnod hwn}}';
/** A kind of record, indefinite. */
const KIND =
  '{kind, select, idea {syniad} comment {sylw} team {tîm} huddle {cyfarfod byr} vote {pleidlais} pdsa {prawf o newid} measure {mesur} point {pwynt data} tap {cyfrif} challenge {her 100 diwrnod} ask {cais} share {newid a rannwyd} take {mabwysiad} other {cofnod}}';
const POST = '{kind, select, idea {syniad} other {sylw}}';
const THE_POST = '{kind, select, idea {syniad} other {sylw}}';
const CLOCK =
  'Mae’r newid yn ddiogel ar y ffôn hwn ac yn aros: gosodwch ddyddiad ac amser y ffôn i awtomatig, a bydd yn cael ei anfon.';

export const cy: Welsh<typeof en> = {
  otherTeamRecord: `Mae’r ${THIS} yn perthyn i dîm arall`,
  notCreated: `Rhaid creu’r ${THIS} cyn y gellir ei newid`,
  fixed: `Ni ellir newid i beth mae ${KIND} yn perthyn`,
  nameMember: 'Dim ond wrth ymyl yr aelod y mae’n perthyn iddo y gellir dangos enw',
  clockMinutes: `Mae cloc y ffôn hwn {n} munud o flaen gweinydd y tîm. ${CLOCK}`,
  clockHours: `Mae cloc y ffôn hwn {n} awr o flaen gweinydd y tîm. ${CLOCK}`,
  clockDays: `Mae cloc y ffôn hwn {n} diwrnod o flaen gweinydd y tîm. ${CLOCK}`,
  eraseOnly: `Dim ond “Ei ddileu ym mhobman” all ddileu ${POST}; gofynnwch i hwylusydd ei ddefnyddio`,
  hideLead: `Dim ond hwylusydd neu noddwr all guddio neu ddangos ${POST}`,
  hideYou: `Wrth guddio ${POST}, dim ond chi y gellir eich enwi fel yr un a’i cuddiodd`,
  hideWhy: `Dywedwch pam mae’r ${THE_POST} wedi’i guddio: mae ei awdur yn darllen y rheswm`,
  erased: `Dilëwyd y ${THE_POST} hwn gan hwylusydd; ni ellir ysgrifennu ei eiriau eto`,
  ideaAuthor: 'Dim ond chi y gall syniad eich enwi fel ei awdur',
  ideaOwner: 'Dim ond y sawl a rannodd y syniad hwn neu hwylusydd all ei newid',
  ideaFrom: 'Dim ond y sawl a rannodd y syniad hwn all newid gan bwy y mae',
  ideaNamed: 'Ni ellir gwneud syniad a rannwyd gydag enw yn ddienw wedyn',
  anonymousName: 'Ni all syniad dienw gario enw ei awdur',
  statusBy: 'Dim ond chi y gall newid statws eich enwi fel yr un a’i symudodd',
  anonymousMove:
    'Nid yw symud eich syniad dienw eich hun wedi’i lofnodi, fel na all cydweithwyr ddweud mai chi piau. Diweddarwch yr ap a rhowch gynnig arall arni.',
  commentNoIdea: 'Mae’r sylw hwn ar syniad nad yw gan eich tîm',
  commentAuthor: 'Dim ond chi y gall sylw eich enwi fel ei awdur',
  commentFixed: 'Ni ellir golygu sylw ar ôl ei bostio',
  commentDelete: 'Dim ond y sawl a ysgrifennodd sylw all ei ddileu',
  otherTeam: 'Mae’r newid hwn ar gyfer tîm arall',
  teamLead: 'Dim ond hwylusydd all newid enw neu gategorïau’r tîm',
  moveOthers: 'Dim ond hwylusydd neu noddwr all symud syniad rhywun arall',
  movePast: 'Dim ond hwylusydd neu noddwr all symud syniad y tu hwnt i’r rhestr fer',
  voteNoHuddle: 'Mae’r bleidlais hon ar gyfer cyfarfod byr nad yw gan eich tîm',
  huddleClosed: 'Mae’r cyfarfod byr hwn wedi cau, felly ni chafodd y bleidlais hon ei chyfrif',
  notShortlisted: 'Nid yw’r syniad hwn ar restr fer y cyfarfod byr',
  voteForOthers: 'Dim ond hwylusydd all gofnodi pleidlais dros rywun arall',
  proxyName: 'Mae angen enw ar bleidlais dros gydweithiwr heb yr ap',
  dotsRange: 'Gall pob syniad gymryd rhwng 0 a {n} dot',
  overDots: 'mwy na’ch dotiau',
  huddleLead: 'Dim ond hwylusydd all ddechrau neu gynnal cyfarfod byr',
  huddleStarter: 'Dim ond chi y gall cyfarfod byr eich enwi fel yr un a’i dechreuodd',
  reopenTimer: 'Dim ond amserydd cyfarfod byr y gellir ei newid wrth ei ailagor',
  closedOutcome: 'Dim ond ei ganlyniad y gall cyfarfod byr sydd wedi cau ei gofnodi',
  reopenClear: 'Rhaid i gyfarfod byr a ailagorwyd glirio’r amser y caeodd',
  closedTime: 'Mae angen yr amser y caeodd ar gyfarfod byr sydd wedi cau',
  shortlistNoIdea: 'Mae’r rhestr fer yn enwi syniad nad yw gan eich tîm',
  outcomeShortlisted: 'Dim ond syniadau ar y rhestr fer y gellir eu dewis',
  voteFixed: 'Ni ellir symud pleidlais i berson neu syniad arall',
  voteIncomplete: 'Mae’r bleidlais hon yn anghyflawn',
  voteId: 'Rhaid i rif adnabod pleidlais ddeillio o’i chyfarfod byr, ei syniad a’i phleidleisiwr',
  cyclePlan:
    'Dim ond pwy bynnag a ddechreuodd y cylch hwn, neu hwylusydd neu noddwr, all newid ei gynllun neu ei benderfyniad',
  pdsaNoIdea: 'Mae’r prawf o newid hwn ar gyfer syniad nad yw gan eich tîm',
  cycleId: 'Rhaid i rif adnabod cylch ddeillio o’i syniad a’i rif',
  cycleCreation: 'Ni all creu cylch gario’r hyn a wnaed neu a benderfynwyd',
  actObjective: 'Ysgrifennwch amcan y cynllun cyn penderfynu beth i’w wneud nesaf',
  ownedEdit:
    'Dim ond pwy bynnag a ychwanegodd y {kind, select, measure {mesur} other {pwynt data}} hwn, neu hwylusydd neu noddwr, all ei newid',
  askAnswer: 'Dim ond y noddwr all ateb cais',
  askQuestion: 'Dim ond y sawl a ofynnodd all newid y cwestiwn',
  answerBy: 'Dim ond chi y gall ateb eich enwi fel yr un a atebodd',
  measureNoIdea: 'Mae’r mesur hwn ar gyfer syniad nad yw gan eich tîm',
  rebaseNoCycle:
    'Mae’r ailsylfaenu hwn yn enwi prawf o newid nad yw gan eich tîm: dewiswch un o gylchoedd y tîm, neu ddim un',
  noMeasure: 'Mae hwn ar gyfer mesur nad yw gan eich tîm',
  tapUndo: 'Dim ond dadwneud y gellir ei wneud i dap cyfrif',
  tapOwner: 'Dim ond pwy bynnag a dapiodd, neu hwylusydd, all ddadwneud tap',
  challengeSetUp: 'Dim ond hwylusydd neu noddwr all sefydlu’r her 100 diwrnod',
  challengeChange: 'Dim ond hwylusydd neu noddwr all newid yr her 100 diwrnod',
  askNoIdea: 'Mae’r cais hwn am syniad nad yw gan eich tîm',
  askedBy: 'Dim ond chi y gall cais eich enwi fel yr un a ofynnodd',
  askAnswered: 'Ni ellir ateb cais wrth iddo gael ei wneud',
  shareLead: 'Dim ond hwylusydd neu’r noddwr all rannu newid gyda’r sefydliad',
  notLinked:
    'Nid yw eich tîm wedi’i gysylltu â sefydliad. Mae hwylusydd yn ei gysylltu ar y sgrin Tîm gyda chod y sefydliad.',
  chartProblem: 'Ni ellir rhannu’r siart hwn: {problem}',
  shareNoIdea: 'Mae hwn yn rhannu syniad nad yw gan eich tîm',
  shareAdopted:
    'Dim ond newid a fabwysiadodd neu a addasodd eich tîm y gellir ei rannu: gorffennwch ei brawf o newid yn gyntaf',
  shareWithdrawn: 'Ni ellir tynnu newid yn ôl wrth ei rannu',
  sharedBy: 'Dim ond chi y gall newid a rannwyd eich enwi fel yr un a’i rannodd',
  takenBy: 'Dim ond eich tîm eich hun y gall mabwysiad ei enwi',
  takeId: 'Rhaid i rif adnabod mabwysiad ddeillio o’i rannu a’i dîm',
  takeOwn: 'Eich tîm eich hun a rannodd y newid hwn',
  takeGone: 'Nid yw’r newid hwn wedi’i rannu yn eich sefydliad mwyach: cafodd ei dynnu’n ôl',
};
