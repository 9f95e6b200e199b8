/** "For you": items shown on this device count as read here (nothing to send). */
import { markInboxRead } from '../../db/inbox.ts';
import { attempt } from './run.ts';

/** The person saw these items: they stop counting on the menu. */
export function markSeen(ids: readonly string[]) {
  return attempt(async (db, at) => {
    await markInboxRead(db, ids, at);
    return {};
  });
}
