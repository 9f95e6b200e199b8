/**
 * Geiriau cynnydd tîm fel y mae'r sefydliad yn ei ddarllen. AWAITING REVIEW
 * by a Welsh-speaking clinician (decision 0022): translated by the
 * developers, not yet checked. Terms as listed in
 * src/ui/screens/huddle/huddle.cy.ts.
 */
import type { Welsh } from '../i18n/index.ts';
import type { en } from './portfolio.en.ts';

export const cy: Welsh<typeof en> = {
  startsIn:
    '{n, plural, one {Yn dechrau ymhen # diwrnod} two {Yn dechrau ymhen # ddiwrnod} other {Yn dechrau ymhen # diwrnod}}',
  ended: 'Wedi gorffen (diwrnod {n})',
  dayOf: 'Diwrnod {n} o {days}',
  status:
    '{status, select, testing {Dechreuodd {team} brofi “{title}”} adopted {Mabwysiadodd {team} “{title}”} adapted {Addasodd {team} “{title}”} other {Symudodd {team} “{title}” ymlaen}}',
  erasedIdea: '(dilëwyd ei eiriau)',
  asked: 'Gofynnodd {team}: “{text}”',
  answered: 'Cafodd cais {team} ei ateb: “{text}”',
  outcomeMeasure: 'Y mesur canlyniad',
  tooFew: '{name}: rhy ychydig o bwyntiau data eto i’w cymharu â llinell sylfaen',
  outcome:
    '{name} {change, select, downTo {i lawr i {now}{unit}} upTo {i fyny i {now}{unit}} unchanged {heb newid} down {i lawr {percent}%} other {i fyny {percent}%}} o linell sylfaen o {baseline}{unit}{tail, select, sustained {, wedi’i gynnal am {weeks, plural, one {# wythnos} other {# wythnos}}} worse {: ddim yn well na’r llinell sylfaen eto} other {}}',
  takenUp:
    '{n, plural, one {Wedi’i fabwysiadu gan # tîm} two {Wedi’i fabwysiadu gan # dîm} other {Wedi’i fabwysiadu gan # tîm}}',
  triedCycle: 'Cylch {n}: {objective}',
  noObjective: 'dim nod wedi’i ysgrifennu',
  happened: 'Beth ddigwyddodd: {text}',
  result: 'Canlyniad: {text}',
  act: '({act, select, adopt {mabwysiadwyd} adapt {addaswyd} other {rhoddwyd heibio}})',
  csvTeam: 'Tîm',
  csvAim: 'Nod',
  csvStarted: 'Dechreuwyd',
  csvDay: 'Diwrnod',
  csvOutcome: 'Canlyniad',
  csvInTest: 'Syniadau’n cael eu profi',
  csvAdopted: 'Wedi’u mabwysiadu neu eu haddasu',
  csvAsks: 'Ceisiadau’n aros',
};
