/**
 * The journal of acknowledged changes (sync/journal.ts, decision 0008): one
 * row per push, trimmed a whole push at a time once newer pushes hold
 * ACKED_LIMIT mutations; and a phone upgrading from version 7, whose journal
 * held a row per mutation, keeps every one of them in order. Version 8 also
 * marks a deleted idea of this phone's (`mine` 2) so "My ideas" counts in the
 * index, and version 9 indexes the changes held for this phone's clock.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, it } from 'vitest';
import { OldAppDb } from './oldDb.ts';
import { journalled as rowMutations, type AckedRow } from '../../../src/db/journalRows.ts';
import { ACKED_LIMIT, restoreTables } from '../../../src/db/restoreTables.ts';
import {
  GroundUpDb,
  JOURNAL_STORES,
  JOURNAL_VERSION,
  type OutboxRow,
} from '../../../src/db/schema.ts';
import type { Mutation } from '../../../src/domain/protocol.ts';
import type { DeviceId } from '../../../src/domain/ids.ts';
import { journalAcked } from '../../../src/sync/journal.ts';
import { applyChange } from '../../../src/db/apply.ts';
import { myIdeaCount, myIdeas } from '../../../src/db/queries.ts';
import { captureIdea } from '../../../src/db/writes.ts';
import { formatHlc, stampAfter } from '../../../src/domain/hlc.ts';
import { restampAhead } from '../../../src/db/restamp.ts';

const TEAM = '0190b0c4-0000-7000-8000-0000000000aa';
const T0 = 1_800_000_000_000;
const OTHER = '0190b0c4-0000-7000-8000-0000000000bb';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

/** The n-th mutation: only its id and stamp matter to the journal. */
const mutation = (n: number): Mutation =>
  ({
    id: `m-${String(n).padStart(6, '0')}`,
    entity: 'idea',
    entityId: `idea-${n}`,
    hlc: `${String(1_700_000_000_000 + n).padStart(15, '0')}-0000-node`,
    fields: { title: `Idea ${n}` },
  }) as unknown as Mutation;

const outboxRow = (n: number): OutboxRow => ({
  seq: n,
  mutationId: mutation(n).id,
  entity: 'idea',
  entityId: `idea-${n}`,
  mutation: mutation(n),
  queuedAt: 0,
});

function open(name: string, factory = new IDBFactory()): GroundUpDb {
  const db = new GroundUpDb(name, { indexedDB: factory, IDBKeyRange });
  cleanup.push(() => db.close());
  return db;
}

async function journalled(db: GroundUpDb): Promise<string[]> {
  const rows = await restoreTables(db).journal.toArray();
  return rows.flatMap((r) => rowMutations(r).map((m) => m.id));
}

it('keeps every acknowledged mutation in the order sent, dropping only whole pushes older than the newest limit', async () => {
  const db = new GroundUpDb('journal-trim', { indexedDB: new IDBFactory(), IDBKeyRange });
  cleanup.push(() => db.close());
  const { journal } = restoreTables(db);
  // 30 pushes of 200 (6,000 mutations), then 3 pushes of one each.
  let n = 0;
  const sizes = [...Array.from({ length: 30 }, () => 200), 1, 1, 1];
  for (const size of sizes) {
    const rows = Array.from({ length: size }, () => outboxRow(++n));
    await db.transaction('rw', journal, () => journalAcked(db, rows, TEAM, 1000));
  }
  const ids = await journalled(db);
  // The newest ACKED_LIMIT are all there, in the order sent, and at most one push more.
  const newest = Array.from(
    { length: ACKED_LIMIT },
    (_, i) => mutation(n - ACKED_LIMIT + 1 + i).id,
  );
  expect(ids.slice(-ACKED_LIMIT)).toEqual(newest);
  expect(ids.length).toBeGreaterThanOrEqual(ACKED_LIMIT);
  expect(ids.length).toBeLessThan(ACKED_LIMIT + 200);
  // Trimmed by whole pushes: the oldest row kept is a push of 200, whole.
  const oldest = await journal.orderBy(':id').first();
  expect(oldest?.mutations).toHaveLength(200);
  // 6,003 sent: the first 5 pushes (1,000) went, 25 of 200 and the 3 of one are kept.
  expect(ids).toHaveLength(5003);
  expect(await journal.count()).toBe(28);
  // Nothing is journalled for an empty settle.
  await db.transaction('rw', journal, () => journalAcked(db, [], TEAM, 1000));
  expect(await journalled(db)).toEqual(ids);
});

/** The app's database as version 7 declared it (before the journal of one row per push). */
class Version7Db extends OldAppDb {
  constructor(name: string, factory: IDBFactory) {
    super(name, factory, 7);
  }
}

it('moves a version 7 journal (a row per mutation) into pushes on upgrade, in stamp order, losing none', async () => {
  const factory = new IDBFactory();
  const old = new Version7Db('journal-upgrade', factory);
  // Stored out of order, two teams (a phone that moved team): upgrade orders by stamp.
  const rows: AckedRow[] = [5, 1, 4, 2, 3].map((n) => ({
    mutationId: mutation(n).id,
    teamId: n <= 2 ? OTHER : TEAM,
    hlc: mutation(n).hlc,
    mutation: mutation(n),
    ackedAt: 100 + n,
  }));
  await old.table('acked').bulkAdd(rows);
  await old.table('ideas').add({ id: 'kept', sortKey: 'a', teamId: TEAM, title: 'Kept' });
  old.close();

  const db = open('journal-upgrade', factory);
  await db.open();
  expect(db.verno).toBeGreaterThanOrEqual(JOURNAL_VERSION);
  expect(db.tables.map((t) => t.name)).not.toContain('acked');
  const pushes = await restoreTables(db).journal.toArray();
  expect(
    pushes.map((p) => [p.teamId, p.upTo, rowMutations(p).map((m) => m.id), p.ackedAt]),
  ).toEqual([
    [OTHER, 2, [mutation(1).id, mutation(2).id], 102],
    [TEAM, 5, [mutation(3).id, mutation(4).id, mutation(5).id], 105],
  ]);
  expect(pushes[1]?.mutations?.[0]).toEqual(mutation(3));
  expect(await db.ideas.get('kept')).toMatchObject({ title: 'Kept' });
  // The next push carries on counting after them.
  await db.transaction('rw', restoreTables(db).journal, () =>
    journalAcked(db, [outboxRow(6)], TEAM, 200),
  );
  expect(await journalled(db)).toEqual([1, 2, 3, 4, 5, 6].map((n) => mutation(n).id));
});

it('counts "My ideas" in the index: an idea of this phone deleted later leaves the count, and one deleted before the upgrade too', async () => {
  const factory = new IDBFactory();
  const old = new Version7Db('my-ideas-upgrade', factory);
  await old.table('ideas').bulkAdd([
    { id: 'a', mine: 1, sortKey: 1, teamId: TEAM, title: 'Kept', stamps: {} },
    { id: 'b', mine: 1, sortKey: 2, teamId: TEAM, title: 'Gone', deleted: true, stamps: {} },
    { id: 'c', mine: 0, sortKey: 3, teamId: TEAM, title: 'A colleague’s', stamps: {} },
  ]);
  old.close();
  const db = open('my-ideas-upgrade', factory);
  expect((await db.ideas.get('b'))?.mine).toBe(2);
  expect(await myIdeaCount(db)).toBe(1);
  expect((await myIdeas(db)).map((i) => i.title)).toEqual(['Kept']);

  const saved = await captureIdea(
    db,
    { title: 'Label IV lines', detail: '', category: 'other', anonymous: false },
    5000,
  );
  if (saved.kind !== 'saved') throw new Error('not saved');
  expect(await myIdeaCount(db)).toBe(2);
  // A change pulled later deletes it (stamped after its own): out of the count, still this phone's.
  const row = await db.ideas.get(saved.id);
  await applyChange(
    db,
    {
      entity: 'idea',
      entityId: saved.id,
      fields: { deleted: true },
      hlc: stampAfter(row!.stamps, 6000),
    },
    TEAM,
  );
  expect((await db.ideas.get(saved.id))?.mine).toBe(2);
  expect(await myIdeaCount(db)).toBe(1);
});

/** Version 8: as version 7, with the journal of one row per push. */
class Version8Db extends Version7Db {
  constructor(name: string, factory: IDBFactory) {
    super(name, factory);
    this.version(JOURNAL_VERSION).stores(JOURNAL_STORES);
  }
}

it('finds the changes held for the clock by their index after the upgrade, and stamps only those anew', async () => {
  const factory = new IDBFactory();
  const old = new Version8Db('held-upgrade', factory);
  const YEAR = 365 * 24 * 3600_000;
  const stamp = (wall: number) =>
    formatHlc({ wall, counter: 0, node: 'aaaaaaaaaaaaaaaa' as DeviceId });
  const ahead = { ...outboxRow(1), mutation: { ...mutation(1), hlc: stamp(T0 + YEAR) } };
  const waiting = { ...outboxRow(2), mutation: { ...mutation(2), hlc: stamp(T0) } };
  // Version 8 marked a change held for the clock `true`, which no index can hold.
  await old.table('outbox').bulkAdd([{ ...ahead, clockAhead: true }, waiting]);
  old.close();

  const db = open('held-upgrade', factory);
  expect(await db.outbox.where('clockAhead').equals(1).primaryKeys()).toEqual([1]);
  expect(await restampAhead(db, T0)).toBe(1);
  const [first, second] = await db.outbox.orderBy('seq').toArray();
  expect(first?.clockAhead).toBeUndefined();
  expect(first!.mutation.hlc < stamp(T0 + 60_000)).toBe(true);
  expect(second?.mutation.hlc).toBe(stamp(T0));
  expect(await db.outbox.where('clockAhead').equals(1).count()).toBe(0);
});

it('keeps a push the server took whole as the JSON it sent, read back as the same mutations', async () => {
  const db = open('journal-sent');
  const { journal } = restoreTables(db);
  const rows = [outboxRow(1), outboxRow(2)];
  const sent = JSON.stringify({ teamId: TEAM, mutations: rows.map((r) => r.mutation) });
  await db.transaction('rw', journal, () => journalAcked(db, rows, TEAM, 300, sent));
  await db.transaction('rw', journal, () => journalAcked(db, [outboxRow(3)], TEAM, 301));
  const [first, second] = await journal.toArray();
  expect(first).toEqual({ upTo: 2, teamId: TEAM, sent, ackedAt: 300 });
  expect(second?.mutations).toEqual([mutation(3)]);
  expect(await journalled(db)).toEqual([1, 2, 3].map((n) => mutation(n).id));
});
