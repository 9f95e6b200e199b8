/**
 * Real phones (the app's own sync code over fake IndexedDB) and a server that
 * compacts its change history (issue 15, decision 0025): a phone offline
 * through a month of a colleague's edits and a compaction comes back, sends
 * what it wrote meanwhile and ends with exactly what its colleague holds; a
 * phone joining afterwards gets the same records from far fewer changes.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { getSession } from '../../../src/db/session.ts';
import { editIdea } from '../../../src/db/writes.ts';
import type { IdeaId } from '../../../src/domain/ids.ts';
import { joinTeam } from '../../../src/sync/team.ts';
import {
  device,
  now,
  serverIdeaTitles,
  startServer,
  twoPhoneTeam,
  type Device,
  type Server,
  type TwoPhones,
} from './harness.ts';

const DAY = 24 * 3600 * 1000;
/** The server's clock: a day ahead of the phones', moved on by the test. */
let serverTime = now() + DAY;
let server: Server;
let team: TwoPhones;
const opened: Device[] = [];

beforeEach(async () => {
  serverTime = now() + DAY;
  server = await startServer({ now: () => serverTime });
  team = await twoPhoneTeam(server);
  opened.push(team.a, team.b);
});
afterEach(async () => {
  for (const d of opened.splice(0)) d.close();
  await server.close();
});

/** A phone's ideas as the person sees them: title and detail, by id. */
async function ideasOn(d: Device) {
  const rows = await d.db.ideas.toArray();
  return new Map(rows.map((r) => [r.id, { title: r.title, detail: r.detail, stamps: r.stamps }]));
}

async function synced(d: Device) {
  const o = await d.sync();
  if (o.kind !== 'synced') throw new Error(`${d.name}: ${JSON.stringify(o)}`);
  return o;
}

it('a device behind a compaction re-snapshots with its outbox intact', async () => {
  const { a, b } = team;
  const mealtimes = (await a.capture('Protected mealtimes')) as IdeaId;
  await synced(a);
  await synced(b); // Ben's phone has the idea, then goes into a drawer, offline.
  b.fault = 'offline';
  const bens = (await b.capture('Spare hoist slings on every bay')) as IdeaId;
  await editIdea(b.db, bens, { detail: 'Sized, labelled' }, now());
  expect(await b.db.outbox.count()).toBe(2);
  expect((await b.sync()).kind).toBe('offline');

  // A month of Asha retitling her idea, then a compaction of what is 30 days old.
  for (let i = 1; i <= 30; i++)
    await editIdea(a.db, mealtimes, { title: `Protected mealtimes, take ${i}` }, now());
  await synced(a);
  serverTime += 40 * DAY;
  await a.capture('A fresh idea this month');
  await synced(a);
  const compacted = await server.store.compactLogs(serverTime - 30 * DAY);
  expect(compacted.removed).toBeGreaterThanOrEqual(29);

  // Back in signal: Ben's changes go, and his phone catches up from where it was.
  b.fault = 'none';
  const back = await synced(b);
  expect(back.pushed).toBe(2);
  expect(back.pulled).toBeLessThan(5); // the latest title and the fresh idea, not 30 edits
  expect(await b.db.outbox.count()).toBe(0);
  expect(await b.db.rejected.count()).toBe(0);
  await synced(a);
  expect(await ideasOn(b)).toEqual(await ideasOn(a));
  expect((await b.db.ideas.get(mealtimes))?.title).toBe('Protected mealtimes, take 30');
  expect(await b.db.ideas.get(bens)).toMatchObject({
    title: 'Spare hoist slings on every bay',
    detail: 'Sized, labelled',
  });
  expect((await serverIdeaTitles(server, team.teamId)).sort()).toEqual(
    ['A fresh idea this month', 'Spare hoist slings on every bay'].sort(),
  );

  // A phone joining now reads the same records from the compacted log.
  const c = device(server, 'c');
  opened.push(c);
  const invite = (await getSession(a.db))?.team.inviteCode ?? '';
  const joined = await joinTeam(c.db, c.api, { inviteCode: invite, displayName: 'Cai' }, now());
  expect(joined.kind).toBe('ok');
  const first = await synced(c);
  expect(first.pulled).toBeLessThan(10);
  expect(await ideasOn(c)).toEqual(await ideasOn(a));
});
