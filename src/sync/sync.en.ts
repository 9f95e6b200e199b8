/** What the sync client tells a person when the server's answer is not one it can use (api.ts, push.ts, engine.ts). */
import { messages } from '../i18n/index.ts';

export const en = {
  unreadable: 'The server sent an unreadable answer.',
  unexpected: 'The server sent an unexpected answer.',
  noAnswerForChanges: 'The server did not answer for these changes.',
  /** Kept as a refusal's reason in English, like the rules' words (refusalWords.ts says it again). */
  tooLarge: 'This change is too large for the server to accept. Shorten it and try again.',
  orgUnreachable: 'Could not reach the server for the organisation.',
};

export const t = messages('sync/sync', en);
