/** Changes the server turned down ("needs attention"): send again, or let go. */
import { discardRejected, retryRejected } from '../../db/writes.ts';
import { attempt, SAVED, write } from './run.ts';

/** Put a turned-down change back in the outbox and send it. */
export function retry(mutationId: string) {
  return write(async (db, at) => {
    await retryRejected(db, mutationId, at);
    return SAVED;
  });
}

/** The person pressed "Discard": the change is dropped on purpose, nothing to send. */
export function discard(mutationId: string) {
  return attempt(async (db) => {
    await discardRejected(db, mutationId);
    return {};
  });
}
