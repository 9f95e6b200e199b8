/**
 * Searching the ideas list: word prefixes through the `words` index, with the
 * status and category filters, newest first, deleted ideas never shown; and
 * the newest-first walk when a word is too common for the index to pay.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { GroundUpDb } from '../../../src/db/schema.ts';
import { captureIdea, editIdea } from '../../../src/db/writes.ts';
import { backfillSearchWords, listIdeas } from '../../../src/db/ideaSearch.ts';
import type { IdeaId } from '../../../src/domain/ids.ts';
import { device, now, startServer, type Device, type Server } from './harness.ts';
import { OldAppDb } from './oldDb.ts';

let server: Server;
let d: Device;
beforeEach(async () => {
  server = await startServer();
  d = device(server, 'search');
});
afterEach(async () => {
  d.close();
  await server.close();
});

async function add(title: string, detail = '', category = 'other') {
  const r = await captureIdea(d.db, { title, detail, category, anonymous: false }, now());
  if (r.kind !== 'saved') throw new Error(r.message);
  return r.id;
}

it('finds ideas by the start of any word in the title or detail, newest first', async () => {
  await add('Discharge checklist at the huddle', '', 'flow');
  await add('Spare obs machine', 'Keep it charged in bay 3', 'safety');
  const deleted = await add('Discharge lounge sign');
  await add('Earlier discharge letters', 'TTOs written the day before', 'flow');
  await editIdea(d.db, deleted as IdeaId, { deleted: true }, now());

  const titles = async (search: string, more: { status?: 'new'; category?: string } = {}) =>
    (await listIdeas(d.db, { search, ...more })).map((i) => i.title);

  expect(await titles('disch')).toEqual([
    'Earlier discharge letters',
    'Discharge checklist at the huddle',
  ]);
  expect(await titles('DISCHARGE tto')).toEqual(['Earlier discharge letters']);
  expect(await titles('charged')).toEqual(['Spare obs machine']);
  expect(await titles('disch', { category: 'safety' })).toEqual([]);
  expect(await titles('lounge')).toEqual([]);
  expect(await titles('harge')).toEqual([]); // word prefixes, not any substring
  expect(await titles('')).toHaveLength(3);
});

it('still finds the newest matches when a word is on thousands of ideas', async () => {
  await d.db.transaction('rw', d.db.ideas, async () => {
    for (let i = 0; i < 2100; i++) {
      await d.db.ideas.put({
        id: `seed-${String(i).padStart(5, '0')}`,
        teamId: null,
        title: `Ward round note ${i}`,
        status: 'new',
        deleted: false,
        stamps: {},
        mine: 0,
        sortKey: i + 1,
        words: ['ward', 'round', 'note', String(i)],
      });
    }
  });
  const rows = await listIdeas(d.db, { search: 'ward', limit: 3 });
  expect(rows.map((r) => r.title)).toEqual([
    'Ward round note 2099',
    'Ward round note 2098',
    'Ward round note 2097',
  ]);
});

it('gives search words to ideas stored before the index existed, once, on upgrade', async () => {
  // A phone whose database version 3 of the app wrote: its ideas have no words.
  const factory = new IDBFactory();
  const old = new OldAppDb('search-upgrade', factory, 3);
  await old.table('ideas').put({
    id: 'old-idea',
    teamId: null,
    title: 'Protected mealtimes',
    detail: 'No drug round at noon',
    status: 'new',
    deleted: false,
    stamps: {},
    mine: 0,
    sortKey: 1,
  });
  old.close();
  const db = new GroundUpDb('search-upgrade', { indexedDB: factory, IDBKeyRange });
  try {
    expect(await listIdeas(db, { search: 'mealt' })).toEqual([]);
    await backfillSearchWords(db);
    expect((await listIdeas(db, { search: 'mealt noon' })).map((i) => i.id)).toEqual(['old-idea']);
    expect(await db.meta.get('searchWords')).toEqual({ key: 'searchWords', done: true });
  } finally {
    db.close();
  }
});

it('has no backfill to do on a database this version made: every idea is written with its words', async () => {
  const db = new GroundUpDb('search-new', { indexedDB: new IDBFactory(), IDBKeyRange });
  // Every cursor opened on the ideas store (the backfill walks one over every idea).
  let walks = 0;
  db.use({
    stack: 'dbcore',
    name: 'count idea cursors',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return name !== 'ideas'
          ? table
          : { ...table, openCursor: (req) => (walks++, table.openCursor(req)) };
      },
    }),
  });
  try {
    // Marked done when the database is made, so the first visit to the list reads no idea.
    expect(await db.meta.get('searchWords')).toEqual({ key: 'searchWords', done: true });
    const saved = await captureIdea(
      db,
      {
        title: 'Protected mealtimes',
        detail: 'No drug round at noon',
        category: 'other',
        anonymous: false,
      },
      now(),
    );
    expect(saved.kind).toBe('saved');
    walks = 0;
    await backfillSearchWords(db);
    expect(walks).toBe(0);
    expect((await listIdeas(db, { search: 'mealt noon' })).map((i) => i.title)).toEqual([
      'Protected mealtimes',
    ]);
  } finally {
    db.close();
  }
});
