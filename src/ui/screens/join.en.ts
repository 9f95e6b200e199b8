/** The join link's screen (Join.tsx); its form is the team's (team/TeamForm). */
import { messages } from '../../i18n/index.ts';

export const en = {
  already: "You're already in a team",
  inTeam: 'This phone is in {team}.',
  seeTeam: 'See your team',
  join: 'Join a team',
  signedInAs: 'You are signed in as {email}. Check your name, then join.',
  signInAgain: 'Sign in again',
  checkCode: 'Check the code matches the one your facilitator shared, add your name, and join.',
};

export const t = messages('ui/screens/join', en);
