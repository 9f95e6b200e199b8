/**
 * Brawddegau'r siartiau. AWAITING REVIEW by a Welsh-speaking clinician
 * (decision 0022), and by someone who knows the SPC terms used in NHS Wales.
 */
import type { Welsh } from '../../i18n/index.ts';
import type { en } from './charts.en.ts';

export const cy: Welsh<typeof en> = {
  points: '{n, plural, one {# pwynt} other {# pwynt}}',
  ghosted: " ({n, plural, one {# pwynt cudd} other {# pwynt cudd}} wedi'u gadael allan)",
  lines: 'cymedr {mean}, terfynau {lower} i {upper}',
  linesFirst: 'Cymedr {mean}, terfynau {lower} i {upper}.',
  baseline: "Llinell sylfaen o {from}, wedi'i phennu ar y {points} cyntaf: {lines}.",
  baselineExtended:
    "Llinell sylfaen o {from}, wedi'i phennu ar y {points} cyntaf: {lines}, wedi'i hymestyn i {to}.",
  rebased: 'Ailsylfaenwyd o {from}: {lines}.',
  rebasedWhy: 'Ailsylfaenwyd o {from} ({why}): {lines}.',
  period: 'O {from}: {lines}.',
  outside:
    '{points} {side, select, above {uwchlaw’r terfyn uchaf} other {islaw’r terfyn isaf}} ({dates}, {assessment})',
  xmrChart: 'Siart XmR, {points}{ghosted}.',
  runChart: 'Siart rhediad, {points}{ghosted}.',
  reason: '{reason}.',
  median: 'Canolrif {median}.',
  signals: 'Arwyddion: {signals}.',
  none: 'dim',
  variation: 'Amrywiad: {variation}.',
  assurance: 'Sicrwydd: {assurance}.',
  ruleTrend: 'tuedd',
  ruleShift: 'symudiad',
  ruleTwoOfThree: 'dau o bob tri',
  ruleOutside: 'pwynt y tu hwnt i derfyn',
  range: '{from} i {to}',
  eachWay:
    "{when} wedi'u dangos fel {special}: {rule} y naill ffordd a'r llall, felly gosodiad gwrthdaro'r mesur sy'n penderfynu",
  outranks: "{when} wedi'u dangos fel {special}: mae'r {rule} yn drech na'r {over}",
  clashes:
    "Lle mae rheolau gwella a phryder yn dal yr un pwyntiau, y rheol gryfach sy'n penderfynu (tuedd, yna symudiad, yna dau o bob tri, yna pwynt y tu hwnt i derfyn): {parts}.",
  improvement: 'gwelliant',
  concern: 'pryder',
  commonCause: 'achos cyffredin',
  specialImprovement: 'gwelliant achos arbennig',
  specialConcern: 'pryder achos arbennig',
  noTarget: 'dim targed wedi’i osod',
  willHit: 'bydd yn cyrraedd y targed o {target} yn gyson',
  willMiss: 'bydd yn methu’r targed o {target} yn gyson',
  hitOrMiss: 'weithiau’n cyrraedd ac weithiau’n methu’r targed o {target}',
  from: 'o {date} ({assessment})',
  shiftMean: 'symudiad o {n} pwynt {side, select, above {uwchlaw’r} other {islaw’r}} cymedr {from}',
  shiftMedian:
    'symudiad o {n} pwynt {side, select, above {uwchlaw’r} other {islaw’r}} canolrif {from}',
  trend: 'tuedd o {n} pwynt yn {movement, select, rising {codi} other {gostwng}} {from}',
  twoOfThree:
    '{points} yn agos at y terfyn {side, select, above {uchaf} other {isaf}}, dau o bob tri y tu hwnt i ddau sigma, {from}',
  onePointOutside:
    '{points} {side, select, above {uwchlaw’r terfyn uchaf} other {islaw’r terfyn isaf}} {from}',
  runs: '{few, select, yes {rhy ychydig o rediadau} other {gormod o rediadau}} ({count} mewn {n} pwynt oddi ar y canolrif{range})',
  runsExpected: '; disgwylir {lower} i {upper}',
  and: '{a} a {b}',
  noPoints: 'Dim pwyntiau eto',
  allGhosted: "Mae pob un o'r {n} pwynt yn gudd",
  nothing: '{reason}: dim i’w siartio.',
  fewer: 'Llai na {n} pwynt: yn dangos siart rhediad',
  rebaseIgnored:
    'Ni chafodd yr ailsylfaenu ar {date} ei gymhwyso: mae angen o leiaf 2 bwynt ym mhob cyfnod.',
  baselineSoFar:
    "Mae'r llinell sylfaen i'w phennu ar {asked} pwynt ond mae ganddi {n} hyd yma: bydd ei therfynau'n symud gyda phob pwynt newydd tan hynny.",
  baselineCut:
    "Roedd y llinell sylfaen i'w phennu ar {asked} pwynt, ond mae'r ailsylfaenu ar {date} yn ei gorffen ar ôl {n}: ar y rheini y mae ei therfynau'n seiliedig.",
  provisional:
    "Mae'r terfynau o {date} yn seiliedig ar {n} pwynt; mae Making Data Count yn cynghori o leiaf {advised}, felly ystyriwch nhw'n rhai dros dro.",
  noIcon: 'dim eicon (llai na 13 pwynt)',
  commonCauseVariation: 'amrywiad achos cyffredin',
  specialCause:
    '{kind, select, improvement {gwelliant} other {pryder}} achos arbennig ({level, select, high {uchel} other {isel}})',
  willPass: 'bydd yn cyrraedd y targed yn gyson',
  willFail: 'bydd yn methu’r targed yn gyson',
  hitAndMiss:
    'weithiau’n cyrraedd ac weithiau’n methu: bydd weithiau’n cyrraedd y targed ac weithiau’n ei fethu',
  baselineFixed: "Llinell sylfaen: mae'r terfynau wedi'u pennu ar y {n} pwynt hyn",
  baselineExtendedRow: "Terfynau'r llinell sylfaen wedi'u hymestyn",
  periodFrom: 'Cyfnod o {date}',
  rebasedHere: 'Ailsylfaenwyd yma',
  rebasedHereWhy: 'Ailsylfaenwyd yma: {why}',
  rebasedPeriod: 'Cyfnod wedi’i ailsylfaenu o {date}',
  cycleOn: 'cylch {cycle} ar {date}',
  cyclesStarted: 'Cylchoedd PDSA wedi dechrau: {each}.',
  noteOn: '{date}, “{note}”',
  notes: 'Nodiadau: {each}.',
  pointAbove: 'pwynt uwchlaw’r terfyn uchaf',
  pointBelow: 'pwynt islaw’r terfyn isaf',
  shiftRow:
    'symudiad {side, select, above {uwchlaw’r} other {islaw’r}} {line, select, mean {cymedr} other {canolrif}}',
  trendRow: 'tuedd yn {movement, select, rising {codi} other {gostwng}}',
  nearLimit: 'dau o bob tri phwynt yn agos at y terfyn {side, select, above {uchaf} other {isaf}}',
  tooFew: 'rhy ychydig o rediadau',
  tooMany: 'gormod o rediadau',
  ruleSetXmr: 'rheolau XmR Making Data Count (GIG Lloegr)',
  ruleSetRun: 'rheolau siart rhediad IHI (Perla, Provost a Murray 2011)',
};
