/** Why starting or joining a team did not work, in words (team.ts describeTeamFailure). */
import { messages } from '../i18n/index.ts';

export const en = {
  offline:
    'No connection. Joining a team needs the internet once; you can keep capturing ideas meanwhile and they will be sent after you join.',
  tooMany: 'Too many attempts. Wait {n} minute(s) and try again.',
  tooLong: 'That is too long.',
  serverProblem: 'The team server had a problem. Try again in a minute.',
};

export const t = messages('sync/team', en);
