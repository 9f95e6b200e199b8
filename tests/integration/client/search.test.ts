/**
 * Searching the ideas list: word prefixes through the `words` index, with the
 * status and category filters, newest first, deleted ideas never shown; and
 * the newest-first walk when a word is too common for the index to pay.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { captureIdea, editIdea } from '../../../src/db/writes.ts';
import { backfillSearchWords, listIdeas } from '../../../src/db/ideaSearch.ts';
import type { IdeaId } from '../../../src/domain/ids.ts';
import { device, now, startServer, type Device, type Server } from './harness.ts';

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

it('gives search words to ideas stored before the index existed', async () => {
  await d.db.ideas.put({
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
  expect(await listIdeas(d.db, { search: 'mealt' })).toEqual([]);
  await backfillSearchWords(d.db);
  expect((await listIdeas(d.db, { search: 'mealt noon' })).map((i) => i.id)).toEqual(['old-idea']);
});
