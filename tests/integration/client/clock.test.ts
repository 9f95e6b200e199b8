// A phone whose clock is a year ahead: its change is refused by the server for
// the clock, kept in the outbox (never "needs attention", never undone), and
// the person is told in words; once the clock is set right the change is
// stamped anew, sent once, and the phone shows what the server holds.
import { expect, it } from 'vitest';
import { addComment, captureIdea } from '../../../src/db/writes.ts';
import { syncOnce } from '../../../src/sync/engine.ts';
import { serverIdeaTitles, twoPhoneTeamEachTest } from './harness.ts';

const YEAR = 365 * 24 * 3600_000;
const each = twoPhoneTeamEachTest();

it('keeps a change made with the clock a year ahead, says so, and sends it once the clock is right', async () => {
  let offset = YEAR;
  const bensClock = () => Date.now() + offset;
  const { b } = each.team;
  const saved = await captureIdea(
    b.db,
    { title: 'Spare pumps by bay 2', detail: '', category: 'other', anonymous: false },
    bensClock(),
  );
  expect(saved.kind).toBe('saved');

  const wrong = await syncOnce({ db: b.db, api: b.api, now: bensClock });
  expect(wrong).toMatchObject({ kind: 'error' });
  if (wrong.kind === 'error') expect(wrong.message).toMatch(/clock is \d+ days ahead/);
  expect(await b.db.outbox.count()).toBe(1);
  expect(await b.db.rejected.count()).toBe(0);
  expect(await serverIdeaTitles(each.server, each.team.teamId)).toEqual([]);

  offset = 0; // Ben sets the date and time to automatic
  expect(await syncOnce({ db: b.db, api: b.api, now: bensClock })).toMatchObject({
    kind: 'synced',
  });
  expect(await b.db.outbox.count()).toBe(0);
  expect(await serverIdeaTitles(each.server, each.team.teamId)).toEqual(['Spare pumps by bay 2']);
  // Ben's phone holds exactly what the server holds, stamps included.
  const mine = await b.db.ideas.get(saved.kind === 'saved' ? saved.id : '');
  const held = await each.server.store.readEntity(each.team.teamId, 'idea', mine?.id ?? '');
  expect(mine?.stamps).toEqual(held?.state.stamps);
  expect(
    Object.values(mine?.stamps ?? {}).every(
      (s) => s < String(Date.now() + 60_000).padStart(15, '0'),
    ),
  ).toBe(true);
});

it('holds back what comes after a change held for the clock, even in a later send', async () => {
  // Found by the fault suite (issue 15): with small sends, a comment went in
  // the send after its idea, which the server held for the clock, and was
  // refused as "on an idea your team does not have".
  let offset = YEAR;
  const bensClock = () => Date.now() + offset;
  const { b } = each.team;
  const idea = await captureIdea(
    b.db,
    { title: 'Spare pumps by bay 2', detail: '', category: 'other', anonymous: false },
    bensClock(),
  );
  if (idea.kind !== 'saved') throw new Error('not saved');
  expect((await addComment(b.db, idea.id, 'Bay 4 has two', bensClock())).kind).toBe('saved');

  const wrong = await syncOnce({ db: b.db, api: b.api, now: bensClock, batchSize: 1 });
  expect(wrong).toMatchObject({ kind: 'error' });
  expect(await b.db.outbox.count()).toBe(2);
  expect(await b.db.rejected.count()).toBe(0);

  offset = 0;
  expect(await syncOnce({ db: b.db, api: b.api, now: bensClock, batchSize: 1 })).toMatchObject({
    kind: 'synced',
    rejected: 0,
  });
  expect(await b.db.outbox.count()).toBe(0);
  expect(await b.db.comments.count()).toBe(1);
  expect(await serverIdeaTitles(each.server, each.team.teamId)).toEqual(['Spare pumps by bay 2']);
});
