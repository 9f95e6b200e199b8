/**
 * The server's words when a facilitator's or a member's change to the team
 * is refused: the invite code, members and roles (server/routes/team.ts),
 * board links (displays.ts), how people join (signIn.ts), the team's data
 * (teamData.ts), erasing words (records.ts), notifications (push.ts) and the
 * weekly email (digest.ts). As with joining.en.ts (decision 0027), the server
 * always sends them in English (`teamAdminWords`), word for word as before,
 * and a phone says them again in its person's language (src/ui/serverWords.ts).
 * Each refusal is a whole sentence, so Welsh can say it as a sentence. Add a
 * key rather than reword one: phones in the wild recognise these sentences.
 */
import { inEnglish, messages } from '../i18n/index.ts';

export const en = {
  // Only a facilitator can …
  facilitatorInvite: 'Only a facilitator can change the invite code.',
  facilitatorRemove: 'Only a facilitator can remove someone from the team.',
  facilitatorRole: "Only a facilitator can change someone's role.",
  facilitatorBoardLink: 'Only a facilitator can make or withdraw a board link.',
  facilitatorJoining: 'Only a facilitator can change how people join.',
  facilitatorDownload: "Only a facilitator can download the team's data.",
  facilitatorDelete: 'Only a facilitator can delete the team.',
  facilitatorKeep: 'Only a facilitator can keep the team.',
  facilitatorErase: 'Only a facilitator can erase words everywhere. Ask your team’s facilitator.',
  facilitatorNotifications:
    'Only a facilitator can choose what notifications say. Ask your facilitator.',
  facilitatorWeeklyEmail: 'Only a facilitator can turn the weekly email on or off.',
  // Members and the team
  notMemberDevice: 'This device is not a member of that team.',
  teamGone: 'This team no longer exists.',
  noSuchMember: 'Your team has no such member.',
  removeSelf: 'You cannot remove yourself. Ask another facilitator to do it.',
  ownRole: 'You cannot change your own role. Ask another facilitator to do it.',
  noLongerMember: 'You are no longer a member of this team.',
  confirmTeamName: 'To delete the team, type its name exactly as it is shown: {name}.',
  // Board links
  boardLinkWithdrawn:
    'This board link was withdrawn by a facilitator. Ask a facilitator to make a new board link on the Team screen, then open it on this screen.',
  boardLinkUnknown:
    'This board link is not known to the server. Check the whole link was copied, or ask a facilitator for a new one on the Team screen.',
  boardLinksFull:
    'Your team already has {max} board links. Withdraw one that is no longer used, then make a new one.',
  noSuchBoardLink: 'Your team has no such board link.',
  // Erasing words, notifications
  noSuchPost:
    'Your team has no such {entity, select, idea {idea} other {comment}} on the server. If it was never synced, delete it on the phone that holds it.',
  pushAddressRefused:
    'This browser gave a push address the server will not send to (it must start https://). Notifications stay off; "For you" still shows everything.',
};

export const t = messages('domain/teamAdmin', en);

/** The English sentence whatever language is in force: the server's, on the wire. */
export const teamAdminWords = inEnglish(t);
