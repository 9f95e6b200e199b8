/**
 * The menu's "For you" count, kept live. Loaded by the header after first
 * paint (a dynamic import), so deriving the inbox costs the capture screen's
 * first bundle nothing.
 */
import { liveQuery } from 'dexie';
import { appDb } from '../../db/index.ts';
import { unreadInboxCount } from '../../db/inbox.ts';
import { now, today } from '../clock.ts';

/** Calls `onCount` with the number of unread items now and after every change; returns a stop. */
export function watchUnread(onCount: (n: number) => void): () => void {
  const db = appDb();
  const sub = liveQuery(() => {
    const at = now();
    return unreadInboxCount(db, at, today(new Date(at)));
  }).subscribe({
    next: onCount,
    error: (e: unknown) => console.error('inbox count failed', e),
  });
  return () => sub.unsubscribe();
}
