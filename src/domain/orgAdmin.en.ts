/**
 * The server's words when something about an organisation does not work
 * (server/routes/orgs.ts): a leader's code or device not known, a team not
 * linked or already linked, only a facilitator may link or unlink, an ask no
 * longer in reach. As with the rules' sentences (decision 0027), the server
 * always sends them in English (`orgAdminWords`), word for word as before, and
 * a phone says them again in its person's language (src/ui/serverWords.ts).
 * Add a key rather than reword one: phones in the wild recognise these sentences.
 */
import { inEnglish, messages } from '../i18n/index.ts';

export const en = {
  notLeaderDevice:
    'This device is not signed in as a leader of an organisation. Join it again with the leader code its admin gave you.',
  facilitatorLink: 'Only a facilitator can link the team to an organisation.',
  facilitatorUnlink: 'Only a facilitator can unlink the team from its organisation.',
  notLinked:
    'Your team is not linked to that organisation. A facilitator links it on the Team screen.',
  noOrgForLeaderCode: 'No organisation has that leader code. Check it with its admin.',
  orgGone: 'This organisation no longer exists.',
  noOrgForCode: 'No organisation has that code. Check it with the organisation’s admin.',
  alreadyLinked:
    'Your team is already linked to {org}. Unlink it first to link it to another organisation.',
  notLeader: 'You are not a leader of that organisation.',
  askGone: 'That ask is not in a team of your organisation any more. Refresh the portfolio.',
};

export const t = messages('domain/orgAdmin', en);

/** The English sentence whatever language is in force: the server's, on the wire. */
export const orgAdminWords = inEnglish(t);
