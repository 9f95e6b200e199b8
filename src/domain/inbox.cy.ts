/** "I chi": geiriau pob eitem. AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../i18n/index.ts';
import type { en } from './inbox.en.ts';

const REVIEW = '{review, select, mid {adolygiad canol} other {adolygiad glanio}}';

export const cy: Welsh<typeof en> = {
  shortlisted: 'Rhoddwyd eich syniad ar y rhestr fer',
  shortlistedBy: 'Rhoddodd {who} eich syniad ar y rhestr fer',
  testing: 'Dewiswyd eich syniad i’w brofi',
  testingBy: 'Dewisodd {who} eich syniad i’w brofi',
  decided:
    '{status, select, adopted {Mabwysiadwyd eich syniad} adapted {Addaswyd eich syniad} other {Rhoddwyd y gorau i’ch syniad}}',
  decidedBy:
    '{status, select, adopted {Mabwysiadodd {who} eich syniad} adapted {Addasodd {who} eich syniad} other {Rhoddodd {who} y gorau i’ch syniad}}',
  aColleague: 'cydweithiwr',
  anIdea: 'Syniad',
  seeTest: 'Gweld y prawf o newid',
  seeIdea: 'Gweld eich syniad',
  commentedYours: 'Rhoddodd {who} sylw ar eich syniad',
  commentedTest: 'Rhoddodd {who} sylw ar brawf o newid rydych chi’n rhan ohono',
  someone: 'Cydweithiwr',
  commentOn: '{comment} ar {idea}',
  commentOnIdea: '{comment} ar syniad',
  readComment: 'Darllen y sylw',
  huddleOpen: 'Mae cyfarfod byr ar agor: rhowch eich dotiau',
  huddle: 'Cyfarfod byr',
  vote: 'Pleidleisio',
  answered:
    '{answer, select, backed {Cefnogodd {who} y cais} more {Gofynnodd {who} am ragor} other {Dywedodd {who} nid nawr}}',
  sponsor: 'Y noddwr',
  yourAsk: 'Eich cais {ask} am {idea}',
  yourAskIdea: 'Eich cais {ask} am syniad',
  readAnswer: 'Darllen yr ateb',
  askedYou: 'Gofynnodd {who} i chi am ateb',
  askAbout: '{ask} am {idea}',
  askAboutIdea: '{ask} am syniad',
  anAsk: 'Cais',
  answer: 'Ateb',
  reviewToday: `Mae ${REVIEW} diwrnod {day} heddiw`,
  reviewIn: `Mae ${REVIEW} diwrnod {day} ymhen {n, plural, one {# diwrnod} two {# ddiwrnod} other {# diwrnod}} ({date})`,
  challenge: 'Yr her 100 diwrnod',
  openChallenge: 'Agor yr her',
};
