/** Why starting or joining a team did not work, in words (team.ts describeTeamFailure). */
import { messages } from '../i18n/index.ts';

export const en = {
  offline:
    'No connection. Joining a team needs the internet once; you can keep capturing ideas meanwhile and they will be sent after you join.',
  tooMany: 'Too many attempts. Wait {n, plural, one {# minute} other {# minutes}} and try again.',
  tooLong: 'That is too long.',
  hiddenCharacter:
    '{field, select, teamName {The ward or team name} other {Your name}} has a hidden character in it (an invisible, direction-changing or control character, perhaps pasted from elsewhere). Type it again rather than pasting it.',
  codeShape:
    'An invite code is 8 to 32 letters and numbers. Check the code your facilitator shared and type it again.',
  serverProblem: 'The team server had a problem. Try again in a minute.',
};

export const t = messages('sync/team', en);
