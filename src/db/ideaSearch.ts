/**
 * Searching and paging the team's ideas (the ideas list). Apart from
 * queries.ts so that the search index code stays out of the capture screen's
 * first load.
 */
import { showsHidden } from '../domain/moderation.ts';
import type { IdeaStatus } from '../domain/records.ts';
import { searchWords } from '../domain/search.ts';
import type { GroundUpDb, IdeaRow } from './schema.ts';

export type IdeaFilter = {
  readonly search?: string;
  readonly status?: IdeaStatus | '';
  readonly category?: string;
  /** Most rows to return (the list pages by this). */
  readonly limit?: number;
  /** Who is looking: a hidden idea is listed only for its author and the team's leads. */
  readonly viewer?: { readonly memberId: string | null; readonly leads: boolean };
};

const isLive = (i: IdeaRow) => i.deleted !== true && typeof i.title === 'string';

/**
 * Give search words to ideas stored before the `words` index existed (once per
 * device). A write, so call it outside live queries (the ideas list does on mount).
 */
export async function backfillSearchWords(db: GroundUpDb): Promise<void> {
  if (await db.meta.get('searchWords')) return;
  await db.transaction('rw', db.ideas, db.meta, async () => {
    await db.ideas
      .filter((row) => row.words === undefined)
      .modify((row) => {
        row.words = searchWords(`${row.title ?? ''} ${row.detail ?? ''}`);
      });
    await db.meta.put({ key: 'searchWords', done: true });
  });
}

/** Above this many ideas with a word starting with the search, scanning newest-first is faster. */
const INDEX_CAP = 2000;

/**
 * The team's ideas, newest first, filtered. Search matches word prefixes: every
 * word typed must begin a word of the idea's title or detail ("disch" finds
 * "Discharge checklist"). A rare word is looked up in the `words` index; a
 * common one is found quickly by walking newest-first until the page is full.
 */
export async function listIdeas(db: GroundUpDb, filter: IdeaFilter = {}): Promise<IdeaRow[]> {
  const tokens = searchWords(filter.search ?? '');
  const limit = filter.limit ?? 100;
  const viewer = filter.viewer ?? { memberId: null, leads: false };
  const matches = (i: IdeaRow) =>
    isLive(i) &&
    showsHidden(i, {
      isAuthor: i.mine > 0 || (viewer.memberId !== null && i.authorId === viewer.memberId),
      leads: viewer.leads,
    }) &&
    (!filter.status || i.status === filter.status) &&
    (!filter.category || i.category === filter.category) &&
    tokens.every((t) => (i.words ?? []).some((w) => w.startsWith(t)));
  const longest = tokens.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest) {
    const keys = await db.ideas
      .where('words')
      .startsWith(longest)
      .limit(INDEX_CAP + 1)
      .primaryKeys();
    if (keys.length <= INDEX_CAP) {
      const rows = await db.ideas.bulkGet([...new Set(keys)]);
      return rows
        .filter((r): r is IdeaRow => r !== undefined && matches(r))
        .sort((a, b) => b.sortKey - a.sortKey)
        .slice(0, limit);
    }
  }
  return db.ideas.orderBy('sortKey').reverse().filter(matches).limit(limit).toArray();
}
