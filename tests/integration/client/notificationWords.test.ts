/**
 * A notification in the language the person chose (decision 0027): the page
 * keeps its language in the database (the service worker cannot read
 * localStorage), the server writes the words in English from the catalogues,
 * and the service worker says them again in Welsh, leaving what people typed
 * as they typed it.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, it } from 'vitest';
import { GroundUpDb } from '../../../src/db/schema.ts';
import { noticesFor } from '../../../server/notify/derive.ts';
import { keptLanguage, notificationWords, unreadable } from '../../../service-worker/words.ts';
import type { Fields } from '../../../src/domain/merge.ts';

const AUTHOR = 'author';
const FAC = 'fac';
const members = [
  { id: AUTHOR, name: 'Mia Jones', role: 'member' as const },
  { id: FAC, name: 'Fola Ade', role: 'facilitator' as const },
];
const idea: { createdBy: string; fields: Fields } = {
  createdBy: AUTHOR,
  fields: { title: 'Spare pumps in bay 3', anonymous: false, authorId: AUTHOR },
};

async function payloads(ideaText: boolean) {
  const lookups = { members, ideaText, record: () => Promise.resolve(idea), teamId: 't' };
  const change = (entity: 'idea' | 'huddle', fields: Fields) => ({
    seq: 1,
    entity,
    entityId: 'e1',
    fields,
    hlc: '1',
    memberId: FAC,
  });
  return [
    ...(await noticesFor(change('idea', { status: 'adopted', statusBy: FAC }), lookups)),
    ...(await noticesFor(
      change('huddle', { state: 'open', startedAt: 1, title: 'Tuesday' }),
      lookups,
    )),
  ].map((n) => n.payload);
}

it('keeps the page’s language where the service worker can read it', async () => {
  const db = new GroundUpDb('notification-words', { indexedDB: new IDBFactory(), IDBKeyRange });
  expect(await keptLanguage(db)).toBe('en');
  await db.meta.put({ key: 'lang', lang: 'cy' });
  expect(await keptLanguage(db)).toBe('cy');
  db.close();
});

it('says the server’s notification in Welsh, and in English as sent', async () => {
  const [adopted, huddle] = await payloads(false);
  expect(adopted).toMatchObject({
    title: 'Your idea was adopted by Fola Ade',
    body: 'Open Ground Up to see it.',
  });
  expect(notificationWords(adopted!, 'cy')).toEqual({
    title: 'Mabwysiadodd Fola Ade eich syniad',
    body: 'Agorwch Ground Up i’w weld.',
  });
  expect(notificationWords(huddle!, 'cy')).toEqual({
    title: 'Mae cyfarfod byr ar agor: rhowch eich dotiau',
    body: 'Agorwch Ground Up i bleidleisio.',
  });
  expect(notificationWords(adopted!, 'en')).toEqual({
    title: adopted!.title,
    body: adopted!.body,
  });
  expect(unreadable('cy').body).toBe('Rhywbeth newydd i chi.');
});

it('leaves what people typed as they typed it', async () => {
  const [adopted, huddle] = await payloads(true);
  expect(notificationWords(adopted!, 'cy').body).toBe('Spare pumps in bay 3');
  expect(notificationWords(huddle!, 'cy').body).toBe('Tuesday');
});
