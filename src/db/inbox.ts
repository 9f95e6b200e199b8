/**
 * "For you" on this device: the inbox derived from the records it holds
 * (src/domain/inbox.ts) and which items it has shown (`inboxRead`, never
 * synced: read / unread is per device). Reading needs no network.
 */
import { inboxItems, unreadCount, type InboxItem } from '../domain/inbox.ts';
import { currentChallenge, me } from './challengeQueries.ts';
import type { GroundUpDb } from './schema.ts';

export type Inbox = {
  /** Null before the device joins a team: nothing is "yours" yet. */
  readonly memberId: string | null;
  readonly items: readonly InboxItem[];
  /** Ids of items this device has shown. */
  readonly read: ReadonlySet<string>;
};

export async function loadInbox(db: GroundUpDb, now: number, today: string): Promise<Inbox> {
  const who = await me(db);
  const read = new Set((await db.inboxRead.toArray()).map((r) => r.id));
  if (!who) return { memberId: null, items: [], read };
  const [ideas, statusLog, comments, huddles, asks, pdsas, challenge, members] = await Promise.all([
    db.ideas.toArray(),
    db.statusLog.toArray(),
    db.comments.toArray(),
    db.huddles.toArray(),
    db.asks.toArray(),
    db.pdsas.toArray(),
    currentChallenge(db),
    db.members.toArray(),
  ]);
  const items = inboxItems({
    me: { id: who.id, role: who.role },
    ideas,
    statusLog,
    comments,
    huddles,
    asks,
    pdsas,
    challenge,
    names: new Map(members.map((m) => [m.id, m.displayName])),
    now,
    today,
  });
  return { memberId: who.id, items, read };
}

/** How many items this device has not shown yet (the menu's count). */
export async function unreadInboxCount(db: GroundUpDb, now: number, today: string) {
  const { items, read } = await loadInbox(db, now, today);
  return unreadCount(items, read);
}

/** The items were shown: they count as read on this device from now on. */
export async function markInboxRead(db: GroundUpDb, ids: readonly string[], at: number) {
  if (ids.length === 0) return;
  await db.inboxRead.bulkPut(ids.map((id) => ({ id, readAt: at })));
}
