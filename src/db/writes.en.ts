/** Why a write on this phone could not be made, in words (src/db/*Writes.ts). */
import { messages } from '../i18n/index.ts';

export const en = {
  joinFirst: 'Join your team first.',
  joinForAsks: 'Join your team first: asks go to its sponsor.',
  cycleNotHere: 'This cycle is not on this phone',
  huddleNotHere: 'This huddle is not on this device',
  notLinked:
    'Your team is not linked to an organisation. A facilitator links it on the Team screen.',
  noLongerShared: 'This change is no longer shared in your organisation.',
  /** A shared change taken up as an idea of this team (orgWrites.ts takeShare): its words. */
  takenTitle: 'A change that worked elsewhere',
  takenDetail: 'Taken from {team}, where it worked.\n{tried}\nContact: {contact}',
  anotherTeam: 'another team',
};

export const t = messages('db/writes', en);
