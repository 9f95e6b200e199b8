/**
 * The server's words when joining a team or signing in does not work
 * (server/routes/session.ts, server/routes/signIn.ts, server/http/auth.ts).
 * As with the rules' sentences (decision 0027), the server always sends them
 * in English (`joiningWords`), word for word as before, and a phone says them
 * again in its person's language (src/ui/serverWords.ts). Add a key rather
 * than reword one: phones in the wild recognise these sentences.
 */
import { inEnglish, messages } from '../i18n/index.ts';

export const en = {
  noTeamForCode: 'No team has that invite code. Check it with your facilitator.',
  signInRequired:
    'This team asks everyone to sign in with their work account before joining. Sign in, then join. Bank or agency staff without one: ask your facilitator.',
  signInExpired: 'Your sign-in has run out (it lasts 15 minutes). Sign in again to join.',
  nameTaken:
    'Someone in this team is already called “{name}”. Add something colleagues will recognise, such as an initial or your role (for example “{name} B” or “{name} (HCA)”).',
  notSignedIn: 'This device is not signed in to a team. Join your team again with its invite code.',
  accountDisabled:
    'The work account you signed in with is no longer active, so this phone is signed out of the team. Everything on it is safe. If you still work here, join again and sign in; if your account was closed by mistake, ask your IT service desk.',
  signInNotSetUp:
    'Sign-in is not set up on this server. Ask whoever runs Ground Up for your trust to set it up (README, "Staff sign-in"), or join with the invite code.',
  signInUnreachable:
    'The sign-in service did not answer. Nothing on this phone has changed. Try again in a few minutes.',
};

export const t = messages('domain/joining', en);

/** The English sentence whatever language is in force: the server's, on the wire. */
export const joiningWords = inEnglish(t);
