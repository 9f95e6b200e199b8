/** "My ideas" on the capture screen (MyIdeas.tsx, loaded after the first paint). */
import { messages } from '../../../i18n/index.ts';

export const en = {
  heading: 'My ideas',
  empty: 'Ideas you save on this phone appear here.',
  needsAttention: 'Needs attention',
  waiting: 'Waiting to sync',
  sent: 'Sent',
  saved: 'Saved {when}',
  anonymous: ' · anonymous',
  showing: 'Showing {shown} of {total}.',
  showMore: 'Show {n} more',
};

export const t = messages('ui/screens/capture/myIdeas', en);
