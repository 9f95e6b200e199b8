/**
 * The words of the team's rules (decision 0027): each refusal's sentence, in
 * English here and in Welsh beside it. The server answers a push with the
 * English sentence (`reason`, unchanged on the wire); a phone shows the
 * sentence in its person's language, recognising the server's English against
 * this catalogue (src/ui/refusalWords.ts). Change the English only knowing
 * that a phone recognises the words it was built with.
 */
import { messages } from '../../i18n/index.ts';

/** A kind of record by its registry name, as the registry's English words say it. */
const KIND =
  '{kind, select, idea {idea} comment {comment} team {team} huddle {huddle} vote {vote} pdsa {test of change} measure {measure} point {data point} tap {tally} challenge {100-day challenge} ask {ask} share {shared change} take {take-up} other {record}}';
const POST = '{kind, select, idea {idea} other {comment}}';

export const en = {
  otherTeamRecord: `This ${KIND} belongs to another team`,
  notCreated: `This ${KIND} must be created before it can be changed`,
  fixed: `What a ${KIND} belongs to cannot change`,
  nameMember: 'A name can only be shown beside the member it belongs to',
  clockMinutes:
    'This phone’s clock is {n} minutes ahead of the team’s server. The change is safe on this phone and waiting: set the phone’s date and time to automatic, and it will be sent.',
  clockHours:
    'This phone’s clock is {n} hours ahead of the team’s server. The change is safe on this phone and waiting: set the phone’s date and time to automatic, and it will be sent.',
  clockDays:
    'This phone’s clock is {n} days ahead of the team’s server. The change is safe on this phone and waiting: set the phone’s date and time to automatic, and it will be sent.',
  // Ideas, comments and the team
  eraseOnly: `Only “Erase it everywhere” can erase a ${POST}; ask a facilitator to use it`,
  hideLead: `Only a facilitator or sponsor can hide or show a ${POST}`,
  hideYou: `Hiding a ${POST} can only name you as who hid it`,
  hideWhy: `Say why the ${POST} is hidden: its author reads the reason`,
  erased: `This ${POST} was erased by a facilitator; its words cannot be written again`,
  ideaAuthor: 'An idea can only name you as its author',
  ideaOwner: 'Only the person who shared this idea or a facilitator can change it',
  ideaFrom: 'Only the person who shared this idea can change who it is from',
  ideaNamed: 'An idea shared with a name cannot be made anonymous afterwards',
  anonymousName: 'An anonymous idea cannot carry its author’s name',
  statusBy: 'A status change can only name you as who moved it',
  anonymousMove:
    'A move of your own anonymous idea is not signed, so that colleagues cannot tell it is yours. Update the app and try again.',
  commentNoIdea: 'This comment is on an idea your team does not have',
  commentAuthor: 'A comment can only name you as its author',
  commentFixed: 'A comment cannot be edited after it is posted',
  commentDelete: 'Only the person who wrote a comment can delete it',
  otherTeam: 'This change is for another team',
  teamLead: 'Only a facilitator can change the team’s name or categories',
  // Huddles, votes and moving an idea along
  moveOthers: 'Only a facilitator or sponsor can move someone else’s idea',
  movePast: 'Only a facilitator or sponsor can move an idea past shortlisted',
  voteNoHuddle: 'This vote is for a huddle your team does not have',
  huddleClosed: 'This huddle has closed, so this vote was not counted',
  notShortlisted: 'This idea is not on the huddle’s shortlist',
  voteForOthers: 'Only a facilitator can record a vote for someone else',
  proxyName: 'A vote for a colleague without the app needs their name',
  dotsRange: 'Each idea can take 0 to {n} dots',
  overDots: 'over your dots',
  huddleLead: 'Only a facilitator can start or run a huddle',
  huddleStarter: 'A huddle can only name you as who started it',
  reopenTimer: 'Reopening a huddle can only change its timer',
  closedOutcome: 'A closed huddle can only record its outcome',
  reopenClear: 'A reopened huddle must clear the time it closed',
  closedTime: 'A closed huddle needs the time it closed',
  shortlistNoIdea: 'The shortlist names an idea your team does not have',
  outcomeShortlisted: 'Only shortlisted ideas can be chosen',
  voteFixed: 'A vote cannot be moved to another person or idea',
  voteIncomplete: 'This vote is incomplete',
  voteId: 'A vote’s id must be derived from its huddle, idea and voter',
  // Tests of change, measures, the challenge and asks
  cyclePlan:
    'Only whoever started this cycle, or a facilitator or sponsor, can change its plan or decision',
  pdsaNoIdea: 'This test of change is for an idea your team does not have',
  cycleId: 'A cycle’s id must be derived from its idea and number',
  cycleCreation: 'A cycle’s creation cannot carry what was done or decided',
  actObjective: 'Write the plan’s objective before deciding what to do next',
  ownedEdit:
    'Only whoever added this {kind, select, measure {measure} other {data point}}, or a facilitator or sponsor, can change it',
  askAnswer: 'Only the sponsor can answer an ask',
  askQuestion: 'Only whoever asked can change the question',
  answerBy: 'An answer can only name you as who answered',
  measureNoIdea: 'This measure is for an idea your team does not have',
  rebaseNoCycle:
    'This rebase names a test of change your team does not have: choose one of the team’s cycles, or none',
  noMeasure: 'This is for a measure your team does not have',
  tapUndo: 'A tally tap can only be undone',
  tapOwner: 'Only whoever tapped, or a facilitator, can undo a tap',
  challengeSetUp: 'Only a facilitator or sponsor can set up the 100-day challenge',
  challengeChange: 'Only a facilitator or sponsor can change the 100-day challenge',
  askNoIdea: 'This ask is about an idea your team does not have',
  askedBy: 'An ask can only name you as who asked',
  askAnswered: 'An ask cannot be answered as it is made',
  // The organisation
  shareLead: 'Only a facilitator or the sponsor can share a change with the organisation',
  notLinked:
    'Your team is not linked to an organisation. A facilitator links it on the Team screen with the organisation’s code.',
  chartProblem: '{problem}',
  shareNoIdea: 'This shares an idea your team does not have',
  shareAdopted:
    'Only a change your team adopted or adapted can be shared: finish its test of change first',
  shareWithdrawn: 'A change cannot be withdrawn as it is shared',
  sharedBy: 'A shared change can only name you as who shared it',
  takenBy: 'A take-up can only name your own team',
  takeId: 'A take-up’s id must be derived from its share and team',
  takeOwn: 'Your own team shared this change',
  takeGone: 'This change is no longer shared in your organisation: it was withdrawn',
};

export type RuleWords = keyof typeof en;

export const t = messages('domain/rules/rules', en);
