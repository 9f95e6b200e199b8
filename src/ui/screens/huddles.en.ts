/**
 * The huddle screens' own words (Huddles, HuddlePage, HuddleBoard,
 * HuddleTablet, TvBoard); their parts' words are in huddle/huddle.en.ts.
 */
import { messages } from '../../i18n/index.ts';

export const en = {
  loading: 'Loading…',
  // The list
  heading: 'Huddles',
  forTeam: 'Huddles are for your team.',
  joinFirst: '{link} first.',
  joinTeam: 'Join your team',
  none: 'No huddles yet.',
  open: 'Open',
  closed: 'Closed',
  started: 'Started {when}',
  // One huddle
  back: 'Back to huddles',
  showBoard: 'Show the board',
  passTablet: 'Pass the tablet round',
  notCounted: 'Some dots were not counted',
  refusedCount:
    '{n, plural, one {# change} other {# changes}} to your dots could not be counted: {reasons}.',
  otherDevice: 'Another of your devices may have used them first.',
  listedUnder: 'They are listed under {link}.',
  attention: 'Settings, Needs attention',
  yourDots: 'Your dots',
  result: 'Result',
  votesSoFar: 'Votes so far',
  closeVoting: 'Close voting',
  closeAsk: 'Close voting?',
  noMoreDots: 'Nobody can add or move dots once voting closes.',
  canReopen: 'You can reopen it afterwards.',
  keepOpen: 'Keep voting open',
  reopen: 'Reopen voting',
  // The board
  boardTitle: '{title} board',
  joinHeading: 'Join the team',
  joinQr: 'QR code to join the team with code {code}',
  live: 'Live: votes appear as they are made.',
  polling: 'Updating every few seconds.',
  backToHuddle: 'Back to the huddle',
  // The tablet
  tabletHeading: '{title}: pass the tablet',
  onlyFacilitator: 'Only a facilitator can run the tablet.',
  ownPhone: 'Vote on your own phone',
  seeResult: 'See the result',
  whoVoting: 'Who is voting?',
  noMembers: 'The member list has not reached this device yet: connect once to fetch it.',
  chooseName: 'Choose your name',
  colleague: 'A colleague without the app',
  theirName: 'Their name',
  needColleague: 'Enter the name of your colleague',
  recordedFor: '{name} (recorded for them)',
  startVoting: 'Start voting',
  isVoting: '{name} is voting',
  passOn: 'Done, pass the tablet on',
  unlockAsk: 'Unlock the tablet?',
  unlockWhy: 'Only the facilitator should unlock it: it opens the whole app with their rights.',
  unlock: 'Unlock',
  keepLocked: 'Keep it locked',
  locked: 'Locked for voting.',
  unlockLink: 'Unlock the tablet (facilitator)',
  // A board link on a TV
  teamBoard: '{team} board',
  noHuddle: 'No huddle yet.',
  whenStarts: 'When a facilitator starts a huddle, its shortlist shows here.',
  tvHeading: 'Board for a TV',
  tvShows: 'This page shows a team’s huddle board on a TV.',
  openLink: 'Open the board link a facilitator made on the Team screen (under “{where}”).',
  loadingBoard: 'Loading the board…',
  stoppedHeading: 'This board link no longer works',
  /** For a reader not in English: the server's own words are English (decision 0022). */
  linkStopped: 'This board link was withdrawn by a facilitator, or is not known to the server.',
  askNewLink:
    'Ask a facilitator to make a new board link on the Team screen, then open it on this screen.',
  /** For a reader not in English, when the server's words are not known here. */
  serverFailed: 'The server could not show the board. Reload this page in a few minutes.',
  boardOffline: 'The board cannot reach the server.',
  checkConnection: 'Check this screen’s connection; the page tries again when you reload it.',
  unreachable: 'The server cannot be reached.',
  asLast:
    'This is the board as it last was; it updates again by itself when the connection comes back.',
};

export const t = messages('ui/screens/huddles', en);
