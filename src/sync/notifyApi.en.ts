/** What the notification routes' client tells a person when a call did not work (notifyApi.ts). */
import { messages } from '../i18n/index.ts';

export const en = {
  noConnection: 'No connection. Try again when this phone has signal.',
  notOffered: 'This server does not send notifications. Ask whoever runs it.',
  /** `status`: the HTTP status, as a code (a string, not formatted as a number). */
  answered: 'The server answered {status}. Try again later.',
  unexpected: 'The server sent an unexpected answer. Try again later.',
};

export const t = messages('sync/notifyApi', en);
