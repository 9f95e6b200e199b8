/** The team screen's parts: invite, members, roles, sign-in, board links, the team's data (team/*). */
import { messages } from '../../../i18n/index.ts';

export const en = {
  // The screen itself (Team.tsx)
  yourTeam: 'Your team',
  yourRole: 'Your role',
  signInAgain: 'Sign in again',
  noLongerIn: 'This phone is no longer signed in to {team}.',
  allSafe: 'Everything on it is safe.',
  joinToSend: 'Join again with an invite code to send what is waiting.',
  joinAgain: 'Join again',
  joinOrStart: 'Join or start a team',
  reachTeam: 'Your ideas reach your team once this phone is in it.',
  needsOnce: 'Joining needs a connection once; until then, ideas stay safe on this phone.',
  joinATeam: 'Join a team',
  startATeam: 'Start a team',
  needsConnection: 'This needs a connection. Nothing was changed.',
  cancel: 'Cancel',
  noCopy: 'This browser would not copy the link. Select the link above and copy it.',
  // Board links
  boardOnline: 'Board links show here when online.',
  boardWithdrawn: 'Board link withdrawn. The TV showing it stops within a few seconds.',
  boardCopied: 'Board link copied.',
  boardHeading: 'Board for a TV',
  boardIntro:
    'Put the huddle board on the ward TV without signing it in to the team: make a board link and open it in the TV’s browser. It shows the current huddle’s shortlist, timer and votes (hidden votes stay hidden), updates by itself, and can do nothing else.',
  boardOpen: 'Open this link on the TV. It is shown only now: make a new one if you lose it.',
  boardCopy: 'Copy board link',
  boardMake: 'Make a board link',
  boardInUse: 'Board links in use',
  boardAsk:
    'Withdraw the board link made {when}? The TV showing it will stop and say so. You can make a new link at any time.',
  boardWithdrawLink: 'Withdraw link',
  boardMade: 'Board link made {when}',
  withdraw: 'Withdraw',
  boardWithdrawWhich: 'the board link made {when}',
  // Categories
  categoryMissing: 'Enter a name for category {i}',
  categoriesSaved: 'Category names saved.',
  categories: 'Categories',
  categoriesIntro: 'As facilitator you can rename the categories your team files ideas under.',
  category: 'Category {i}',
  saveCategories: 'Save category names',
  // Invite
  inviteHeading: 'Invite your team',
  inviteLater: 'The invite code will appear here when this phone is next online.',
  linkCopied: 'Link copied. Paste it into a message to your team.',
  inviteIntro:
    'Colleagues join with this code, or by scanning the QR code with their phone camera.',
  inviteCode: 'Invite code',
  qrLabel: 'QR code for the link to join the team with code {code}',
  joinLink: 'Join link:',
  copyLink: 'Copy link',
  qrFailed: 'The QR code could not be drawn. Share the code or the link instead.',
  qrDrawing: 'Drawing the QR code…',
  // Members and roles
  member: 'Member',
  facilitator: 'Facilitator',
  sponsor: 'Sponsor',
  members: 'Members',
  loadingMembers: 'Loading the member list…',
  you: '(you)',
  membersOffline: 'The member list needs a connection. Everything else here works offline.',
  membersFailed: 'The member list could not be loaded: {why}',
  powersMember: 'They will capture ideas, vote and test changes, and no longer lead the team.',
  powersFacilitator:
    'They will be able to run huddles, change the invite code, remove people and change roles.',
  powersSponsor: 'They will answer the team’s asks and be able to move ideas on.',
  nowRole:
    '{name} is now {role, select, member {member} facilitator {facilitator} other {sponsor}}.',
  newCodeMade: 'New invite code made. The old code no longer works.',
  removed: '{name} was removed from the team.',
  theMember: 'The member',
  whoCanJoin: 'Who can join',
  askRotate: 'Make a new invite code? The current code and QR code will stop working.',
  askRole:
    'Make {name} {role, select, member {member} facilitator {facilitator} other {sponsor}}? {powers} You can change it back at any time.',
  askRemove:
    'Remove {name} from the team? Their phone will be signed out. Nothing they already shared is deleted.',
  makeNewCode: 'Make a new code',
  makeRole: 'Make {name} {role, select, member {member} facilitator {facilitator} other {sponsor}}',
  removeName: 'Remove {name}',
  makeNewInvite: 'Make a new invite code',
  roleOf: 'Role of {name}',
  remove: 'Remove',
  // Sign-in
  signInWork: 'Sign in with your work account',
  howJoin: 'How people join',
  noSignIn:
    "With the invite code. Sign-in with a work account (NHSmail or your trust's) is not set up on this server; whoever runs Ground Up for your trust can set it up.",
  savedBankIn:
    'Saved. Staff sign in to join; the invite code alone still lets bank and agency staff in.',
  savedAllSignIn:
    'Saved. The invite code alone no longer lets anyone in: everyone signs in to join.',
  savedCode: 'Saved. The invite code alone lets people join.',
  signedInCount:
    '{signed} of {n, plural, one {# member} other {# members}} joined signed in with {provider}.',
  askSignIn: 'Ask everyone to sign in with {provider} to join',
  askSignInHint: 'The invite code alone then lets no one in. People already in stay in.',
  letBank: 'Let bank and agency staff join with the invite code alone',
  saveHow: 'Save how people join',
  wrongDomain:
    "{who}This team's server accepts only work accounts ending {allowed}. Sign in again with your work account (if it signs you straight back in as the same account, sign out of that account first). Bank or agency staff without one: ask your facilitator whether the team lets you join with the invite code alone.",
  signedInAs: 'You signed in as {email}. ',
  or: ' or ',
  yourOrg: 'your organisation',
  signInFailed:
    'Sign-in did not finish, so you have not joined. Nothing on this phone has changed. Try signing in again.',
  signInUnreachable:
    'The sign-in service did not answer. Nothing on this phone has changed. Try again in a few minutes.',
  signInExpired:
    'That sign-in took too long or was used already. Enter the invite code and join again; you will be asked to sign in.',
  // Team form
  nameHint: 'Your team will see this name next to your ideas, unless you choose to be anonymous.',
  teamName: 'Ward or team name',
  teamNameMissing: 'Enter your ward or team name',
  yourName: 'Your name',
  nameMissing: 'Enter your name',
  codeHint: 'The code your facilitator gave you, or scan their QR code.',
  codeMissing: 'Enter the invite code',
  startTeam: 'Start team',
  joinTeam: 'Join team',
  starting: 'Starting your team…',
  joining: 'Joining the team…',
  signInToJoin: 'Sign in to join',
  signInWhy:
    "Sign in with your work account (NHSmail or your trust's). You come back here to join, and this phone keeps working offline as before.",
  // The team's data
  deletedOn: 'This team will be deleted on {date}',
  askedDelete: 'A facilitator asked for it to be deleted.',
  unused: 'It has not been used for a long time.',
  removedThen:
    'Everything in it will be removed from the server then: ideas, huddles, tests of change and measures.',
  youCanKeep: 'You can keep it until then.',
  facilitatorCanKeep: 'A facilitator can keep it.',
  keepTeam: 'Keep the team',
  teamDownloaded: "The team's data was downloaded.",
  willDelete: 'The team will be deleted on {date}. Until then you can keep it.',
  teamData: "The team's data",
  teamDataIntro:
    'Download everything the team has shared (one file), or delete the team and everything in it from the server.',
  downloadTeam: "Download the team's data",
  deleteTeam: 'Delete the team',
  typeName: "Type the team's name, {name}, to delete it",
  typeNameHint: 'The team is removed after a few days. Until then a facilitator can keep it.',
  deleteName: 'Delete {name}',
  yourDownloaded: 'Your data was downloaded.',
  nameNow: 'Your name now reads “{former}” on everything you wrote.',
  yourData: 'Your data',
  yourDataIntro:
    "Download everything the team's server holds about you, or have your name replaced by “{former}” on everything you wrote.",
  downloadYours: 'Download your data',
  removeMyName: 'Remove my name',
  askErase:
    'Replace your name with “{former}” on every idea, comment and ask you made? Your team will no longer see who wrote them. This cannot be undone.',
};

export const t = messages('ui/screens/team/team', en);
