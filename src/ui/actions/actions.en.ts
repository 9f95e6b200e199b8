/** What an action tells the person when it cannot be done (src/ui/actions/*). */
import { messages } from '../../i18n/index.ts';

export const en = {
  joinFirst: 'Join your team first.',
  joinATeam: 'Join a team first.',
  joinAsLeader: 'Join the organisation as a leader first.',
  needsConnection: 'This needs a connection. Nothing was changed.',
  eraseOffline: 'Erasing needs a connection. Nothing was erased; try again when you are online.',
  notifyUnsupported:
    'This browser cannot show notifications from Ground Up. “For you” still shows everything when you open the app.',
  notifyBlocked:
    'Notifications are blocked for Ground Up in this browser. Allow them in the browser’s site settings, then try again.',
  notifyNoAnswer:
    'This browser could not set up notifications (its push service did not answer). Try again later; “For you” still shows everything.',
  notifyOff: 'Notifications are off on this phone. Turn them on first.',
  noConnection: 'No connection. This needs the internet: try again when this device has signal.',
  tooMany: 'Too many attempts. Wait {n} minute(s) and try again.',
  serverProblem: 'The server had a problem. Try again in a minute.',
};

export const t = messages('ui/actions/actions', en);
