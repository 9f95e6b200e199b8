/**
 * The sync bar's words, from the page's sync status and the counts on the
 * device. One pure function so every state reads consistently (never "All
 * synced" beside "2 need attention", never "0 saved" that sounds like nothing
 * was kept) and so tests check the words without rendering.
 */
import type { SyncStatus } from './syncStatus.ts';
import { t } from './sync.en.ts';

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

function stillHere(waiting: number): string {
  return waiting > 0 ? t('waitingHere', { n: waiting }) : t('allSent');
}

export function syncWords(
  s: Pick<SyncStatus, 'online' | 'syncing' | 'reach' | 'signedOut' | 'triedNow'>,
  c: SyncCounts,
): SyncWords {
  const attention = c.attention > 0 ? t('needAttention', { n: c.attention }) : null;
  if (!c.joined) {
    return {
      headline: c.waiting > 0 ? t('keptUntilJoin', { n: c.waiting }) : t('ideasKept'),
      detail: t('joinToShare'),
      tried: null,
      attention: null,
      joined: false,
    };
  }
  const safe = c.waiting > 0 ? t('safeHere') : null;
  const noConnection = !s.online || s.reach === 'no-connection';
  const tried = s.triedNow ? (noConnection ? t('triedNoConnection') : t('triedNoAnswer')) : null;
  const base = { tried, attention, joined: true };
  if (s.signedOut)
    return { ...base, headline: t('notSignedIn', { still: stillHere(c.waiting) }), detail: null };
  if (noConnection)
    return { ...base, headline: t('noConnection', { still: stillHere(c.waiting) }), detail: safe };
  if (s.reach === 'server-down') {
    return {
      ...base,
      headline: t('serverDown', { still: stillHere(c.waiting) }),
      detail: safe,
    };
  }
  if (s.syncing) return { ...base, headline: t('syncing'), detail: null };
  if (c.waiting > 0)
    return { ...base, headline: t('waitingToSync', { n: c.waiting }), detail: null };
  if (c.attention > 0) {
    return {
      ...base,
      headline: t('syncedExcept', { n: c.attention }),
      detail: null,
    };
  }
  return { ...base, headline: t('allSynced'), detail: null };
}
