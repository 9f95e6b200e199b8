/** The sync bar's words (syncWords.ts, syncStatus.ts, SyncBar.tsx). */
import { messages } from '../i18n/index.ts';

export const en = {
  needAttention: '{n, plural, one {# needs attention} other {# need attention}}',
  keptUntilJoin:
    '{n, plural, one {# change kept on this phone} other {# changes kept on this phone}} until you join a team',
  ideasKept: 'Ideas are kept on this phone until you join a team',
  joinToShare: 'Join or start a team to share them.',
  safeHere: 'They are safe here and will be sent automatically.',
  triedNoConnection: 'Tried just now: still no connection.',
  triedNoAnswer: 'Tried just now: the server still did not answer.',
  waitingHere:
    '{n, plural, one {# change waiting on this phone} other {# changes waiting on this phone}}',
  allSent: 'everything you saved is sent',
  notSignedIn: 'Not signed in — {still}',
  noConnection: 'No connection — {still}',
  serverDown: 'The server is not answering — {still}',
  syncing: 'Syncing…',
  waitingToSync: '{n, plural, one {# change waiting to sync} other {# changes waiting to sync}}',
  syncedExcept:
    'Synced, except {n, plural, one {# change the server turned down} other {# changes the server turned down}}',
  allSynced: 'All synced',
  signedOut:
    'This phone is no longer signed in to the team. Your ideas are safe on it: join again to send them.',
  serverSaid: 'The server said: {message}',
  notSynced: 'Not synced yet',
  lastSynced: 'Last synced {when}',
  syncNow: 'Sync now',
};

export const t = messages('state/sync', en);
