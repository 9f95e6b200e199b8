/**
 * Reads for the screens. Each is a plain async function over the database, so
 * a screen wraps it in Dexie's liveQuery and re-renders when a write (local,
 * another tab's, the service worker's or a pulled change) touches its tables.
 */
import { showsHidden } from '../domain/moderation.ts';
import type { GroundUpDb, IdeaRow, CommentRow, RejectedRow } from './schema.ts';

const isLive = (i: IdeaRow) => i.deleted !== true && typeof i.title === 'string';

/** Ideas captured on this device, newest first. */
/** This phone's ideas, newest first, `limit` of them (the screen pages with "Show more"). */
export async function myIdeas(db: GroundUpDb, limit = 20): Promise<IdeaRow[]> {
  return mine(db).reverse().filter(isLive).limit(limit).toArray();
}

/**
 * How many ideas this phone has captured (so "My ideas" can say how many are
 * not shown): counted in the index (a deleted one is `mine` 2), not by reading
 * each, which in a live query cost seconds at 10,000 ideas.
 */
export async function myIdeaCount(db: GroundUpDb): Promise<number> {
  return mine(db).count();
}

const mine = (db: GroundUpDb) =>
  db.ideas.where('[mine+sortKey]').between([1, -Infinity], [1, Infinity]);

export async function getIdea(db: GroundUpDb, id: string): Promise<IdeaRow | undefined> {
  return db.ideas.get(id);
}

/** An idea's comments; a hidden one only for its author and the team's leads (`viewer`). */
export async function commentsFor(
  db: GroundUpDb,
  ideaId: string,
  viewer: { readonly memberId: string | null; readonly leads: boolean } = {
    memberId: null,
    leads: true,
  },
): Promise<CommentRow[]> {
  const rows = await db.comments
    .where('[ideaId+createdAt]')
    .between([ideaId, -Infinity], [ideaId, Infinity])
    .toArray();
  return rows.filter(
    (c) =>
      c.deleted !== true &&
      showsHidden(c, {
        isAuthor: viewer.memberId !== null && c.authorId === viewer.memberId,
        leads: viewer.leads,
      }),
  );
}

/**
 * Ids of records with a change still waiting in the outbox. Pass the ids on
 * screen: a live query then reads (and re-runs for) only those outbox keys, not
 * every change queued while thousands of ideas sync.
 */
export async function pendingEntityIds(
  db: GroundUpDb,
  ids?: readonly string[],
): Promise<Set<string>> {
  const keys =
    ids === undefined
      ? await db.outbox.orderBy('entityId').uniqueKeys()
      : ids.length === 0
        ? []
        : await db.outbox
            .where('entityId')
            .anyOf([...ids])
            .uniqueKeys();
  return new Set(keys.map(String));
}

export async function outboxCount(db: GroundUpDb): Promise<number> {
  return db.outbox.count();
}

export async function rejectedList(db: GroundUpDb): Promise<RejectedRow[]> {
  return db.rejected.orderBy('rejectedAt').toArray();
}

export async function rejectedCount(db: GroundUpDb): Promise<number> {
  return db.rejected.count();
}

export async function lastSyncedAt(db: GroundUpDb): Promise<number | null> {
  const row = await db.meta.get('lastSynced');
  return row?.key === 'lastSynced' ? row.at : null;
}

export { categories } from './categories.ts';
