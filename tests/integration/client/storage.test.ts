/**
 * The phone's own storage getting in the way: a full disk on Save, and two tabs
 * of different versions during a database upgrade. In each case the person is
 * told in words what happened and what to do, and nothing saved is lost.
 */
import type { DBCore, Middleware } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { onDatabaseNotice, type DatabaseNotice } from '../../../src/db/notices.ts';
import { outboxCount } from '../../../src/db/queries.ts';
import { listIdeas } from '../../../src/db/ideaSearch.ts';
import { GroundUpDb } from '../../../src/db/schema.ts';
import { captureIdea } from '../../../src/db/writes.ts';
import { describeWriteError } from '../../../src/db/errors.ts';

const NOW = Date.UTC(2026, 10, 26, 9, 0);
const idea = (title: string) => ({ title, detail: '', category: 'other', anonymous: false });
const titles = async (db: GroundUpDb) => (await listIdeas(db)).map((i) => i.title).sort();

/** The app's database as a later release declares it: one more version, one more index. */
class NextVersionDb extends GroundUpDb {
  constructor(name: string, factory: IDBFactory) {
    super(name, { indexedDB: factory, IDBKeyRange });
    this.version(100).stores({ ideas: 'id, sortKey, [mine+sortKey], teamId, status' });
  }
}

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

function listen(): DatabaseNotice[] {
  const seen: DatabaseNotice[] = [];
  cleanup.push(onDatabaseNotice((n) => seen.push(n)));
  return seen;
}

describe('a full phone', () => {
  it('says so in words when Save hits the quota, keeps what was saved, and the next Save works', async () => {
    const db = new GroundUpDb('quota', { indexedDB: new IDBFactory(), IDBKeyRange });
    cleanup.push(() => db.close());
    let full = false;
    const quota: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'full-disk',
      create: (down) => ({
        ...down,
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            mutate(req) {
              if (full && name === 'outbox' && req.type === 'add') {
                full = false; // the person frees some space
                return Promise.reject(
                  new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
                );
              }
              return table.mutate(req);
            },
          };
        },
      }),
    };
    db.use(quota);

    expect((await captureIdea(db, idea('Drugs fridge key'), NOW)).kind).toBe('saved');
    full = true;
    const failed = await captureIdea(db, idea('Water jugs at 2pm'), NOW + 1);
    expect(failed).toEqual(describeWriteError(new DOMException('', 'QuotaExceededError')));
    expect(failed).toMatchObject({
      kind: 'quota',
      message: expect.stringMatching(
        /out of storage space.*Everything you saved before is still safe/,
      ),
    });
    // Nothing half-saved: the idea that failed is not shown as if it were kept.
    expect(await titles(db)).toEqual(['Drugs fridge key']);
    expect(await outboxCount(db)).toBe(1);

    expect((await captureIdea(db, idea('Water jugs at 2pm'), NOW + 2)).kind).toBe('saved');
    expect(await titles(db)).toEqual(['Drugs fridge key', 'Water jugs at 2pm']);
    expect(await outboxCount(db)).toBe(2);
  });
});

describe('a newer version in another tab', () => {
  it('closes the old tab’s connection, tells it to reload, and upgrades with nothing lost', async () => {
    const seen = listen();
    const factory = new IDBFactory();
    const oldTab = new GroundUpDb('upgrade', { indexedDB: factory, IDBKeyRange });
    cleanup.push(() => oldTab.close());
    await captureIdea(oldTab, idea('Label IV lines'), NOW);

    const newTab = new NextVersionDb('upgrade', factory);
    cleanup.push(() => newTab.close());
    await newTab.open(); // would wait for ever if the old tab kept its connection
    expect(newTab.verno).toBe(100);
    expect(seen).toEqual([
      {
        kind: 'newer-version',
        message: 'A newer version of Ground Up is open in another tab — reload this one.',
        database: 'upgrade',
      },
    ]);
    expect(await titles(newTab)).toEqual(['Label IV lines']);
    expect(await outboxCount(newTab)).toBe(1);

    // A Save in the old tab now fails in words that say what to do; nothing is lost.
    const late = await captureIdea(oldTab, idea('Typed in the old tab'), NOW + 1);
    expect(late).toMatchObject({
      kind: 'blocked',
      message: expect.stringMatching(/reload this one/),
    });
    expect(await titles(newTab)).toEqual(['Label IV lines']);
  });

  it('tells the new tab to close other tabs while an old one will not let go, then finishes', async () => {
    const seen = listen();
    const factory = new IDBFactory();
    const first = new GroundUpDb('blocked', { indexedDB: factory, IDBKeyRange });
    await captureIdea(first, idea('Spare obs machine'), NOW);
    first.close();
    // An old tab that ignores versionchange (as code without a handler does).
    const stubborn = await new Promise<IDBDatabase>((ok, fail) => {
      const req = factory.open('blocked');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });

    const newTab = new NextVersionDb('blocked', factory);
    cleanup.push(() => newTab.close());
    const opened = newTab.open();
    await expect.poll(() => seen.map((n) => n.kind)).toEqual(['blocked']);
    expect(seen[0]?.message).toBe('Close other Ground Up tabs to finish updating.');
    expect(newTab.isOpen()).toBe(false);

    stubborn.close(); // the person closes the old tab
    await opened;
    expect(await titles(newTab)).toEqual(['Spare obs machine']);
    expect(await outboxCount(newTab)).toBe(1);
  });
});
