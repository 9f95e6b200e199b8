/**
 * The sync bar's words, from the page's sync status and the counts on the
 * device. One pure function so every state reads consistently (never "All
 * synced" beside "2 need attention", never "0 saved" that sounds like nothing
 * was kept) and so tests check the words without rendering.
 */
import type { SyncStatus } from './syncStatus.ts';

export type SyncCounts = {
  /** This device has joined a team (there is a session). */
  readonly joined: boolean;
  /** Changes in the outbox, not yet accepted by the server. */
  readonly waiting: number;
  /** Changes the server turned down. */
  readonly attention: number;
};

export type SyncWords = {
  /** The one-line summary. */
  readonly headline: string;
  /** What happens next, when the headline alone would leave a question; else null. */
  readonly detail: string | null;
  /** The answer to a "Sync now" that could not reach the server; else null. */
  readonly tried: string | null;
  /** The link to the needs-attention list; null when there is nothing there. */
  readonly attention: string | null;
  /** "Sync now" and "Last synced" make sense only once joined. */
  readonly joined: boolean;
};

const changes = (n: number) => `${n} ${n === 1 ? 'change' : 'changes'}`;

function stillHere(waiting: number): string {
  return waiting > 0 ? `${changes(waiting)} waiting on this phone` : 'everything you saved is sent';
}

export function syncWords(
  s: Pick<SyncStatus, 'online' | 'syncing' | 'reach' | 'signedOut' | 'triedNow'>,
  c: SyncCounts,
): SyncWords {
  const attention =
    c.attention > 0 ? `${c.attention} ${c.attention === 1 ? 'needs' : 'need'} attention` : null;
  if (!c.joined) {
    return {
      headline:
        c.waiting > 0
          ? `${changes(c.waiting)} kept on this phone until you join a team`
          : 'Ideas are kept on this phone until you join a team',
      detail: 'Join or start a team to share them.',
      tried: null,
      attention: null,
      joined: false,
    };
  }
  const safe = c.waiting > 0 ? 'They are safe here and will be sent automatically.' : null;
  const noConnection = !s.online || s.reach === 'no-connection';
  const tried = s.triedNow
    ? noConnection
      ? 'Tried just now: still no connection.'
      : 'Tried just now: the server still did not answer.'
    : null;
  const base = { tried, attention, joined: true };
  if (s.signedOut)
    return { ...base, headline: `Not signed in — ${stillHere(c.waiting)}`, detail: null };
  if (noConnection)
    return { ...base, headline: `No connection — ${stillHere(c.waiting)}`, detail: safe };
  if (s.reach === 'server-down') {
    return {
      ...base,
      headline: `The server is not answering — ${stillHere(c.waiting)}`,
      detail: safe,
    };
  }
  if (s.syncing) return { ...base, headline: 'Syncing…', detail: null };
  if (c.waiting > 0)
    return { ...base, headline: `${changes(c.waiting)} waiting to sync`, detail: null };
  if (c.attention > 0) {
    return {
      ...base,
      headline: `Synced, except ${changes(c.attention)} the server turned down`,
      detail: null,
    };
  }
  return { ...base, headline: 'All synced', detail: null };
}
