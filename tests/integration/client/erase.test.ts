/**
 * A facilitator erases an NHS number from an idea both phones hold: each
 * phone loses it through the ordinary pull, and also from what it keeps
 * beside the record (changes waiting to be sent, "needs attention", the
 * journal of acknowledged changes); a phone that joins later never gets it.
 * Every table of each phone's database is read to check. The facilitator's
 * own phone drops the words at once, also when a push of its own was on its
 * way (sync/erase.ts).
 */
import { http } from 'msw';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { editIdea } from '../../../src/db/writes.ts';
import { eraseEverywhere } from '../../../src/sync/erase.ts';
import { withSyncLock } from '../../../src/sync/lock.ts';
import type { GroundUpDb } from '../../../src/db/schema.ts';
import type { IdeaId } from '../../../src/domain/ids.ts';
import { joinTeam } from '../../../src/sync/team.ts';
import {
  device,
  network,
  now,
  serverIdeaTitles,
  startServer,
  twoPhoneTeam,
  type Device,
  type Server,
  type TwoPhones,
} from './harness.ts';
import { getSession } from '../../../src/db/session.ts';

const SECRET = '943 476 5919';

let server: Server;
let team: TwoPhones;
const extra: Device[] = [];

beforeEach(async () => {
  // The server keeps the phones' test clock, as a real server keeps real time.
  server = await startServer({ now });
  team = await twoPhoneTeam(server);
});
afterEach(async () => {
  team.a.close();
  team.b.close();
  for (const d of extra.splice(0)) d.close();
  await server.close();
});

/** Every row of every table of a phone's database, as text. */
async function everything(db: GroundUpDb): Promise<string> {
  const parts: string[] = [];
  for (const table of db.tables) parts.push(JSON.stringify(await table.toArray()));
  return parts.join('\n');
}

it('leaves the words on neither phone, nor on a phone that joins later', async () => {
  const { a, b } = team;
  const asha = (await getSession(a.db))!;
  const ideaId = await a.capture(`Bed 4 NHS ${SECRET} falls`);
  await a.sync();
  await b.sync();
  // Ben's edit of Asha's idea is refused: his "needs attention" keeps the words.
  await editIdea(b.db, ideaId as IdeaId, { detail: `Also ${SECRET}` }, now());
  await b.sync();
  expect(await b.db.rejected.count()).toBe(1);
  // Asha's own edit is still waiting when the erase happens.
  a.fault = 'offline';
  await editIdea(a.db, ideaId as IdeaId, { detail: `Ring about ${SECRET}` }, now());
  await a.sync();
  expect(await a.db.outbox.count()).toBe(1);
  // The test can fail: the words are on both phones now.
  expect(await everything(a.db)).toContain(SECRET);
  expect(await everything(b.db)).toContain(SECRET);

  a.fault = 'none';
  const erased = await a.api.erase(asha.token, 'idea', ideaId, 'An NHS number');
  expect(erased.kind).toBe('ok');
  await b.sync();
  await a.sync();

  expect(await everything(a.db)).not.toContain(SECRET);
  expect(await everything(b.db)).not.toContain(SECRET);
  expect(await b.db.ideas.get(ideaId)).toMatchObject({
    title: '[erased]',
    detail: '',
    erased: true,
    erasedBy: asha.member.id,
  });

  const late = device(server, 'late');
  extra.push(late);
  const joined = await joinTeam(
    late.db,
    late.api,
    { inviteCode: asha.team.inviteCode ?? '', displayName: 'Cal' },
    now(),
  );
  expect(joined.kind).toBe('ok');
  await late.sync();
  expect(await late.db.ideas.get(ideaId)).toMatchObject({ title: '[erased]', erased: true });
  expect(await everything(late.db)).not.toContain(SECRET);
});

it('leaves no words on the erasing phone when its own push was on its way', async () => {
  const { a } = team;
  const ideaId = await a.capture(`Bed 4 NHS ${SECRET} falls`);
  await a.sync();
  await editIdea(a.db, ideaId as IdeaId, { detail: `Ring about ${SECRET}` }, now());
  // Asha's next push reaches the server and is applied; its answer waits until the erase
  // has been asked for. Then her connection goes, so the pull that would bring the erase fails.
  let reached: () => void = () => undefined;
  const pushReached = new Promise<void>((ok) => (reached = ok));
  let release: () => void = () => undefined;
  const released = new Promise<void>((ok) => (release = ok));
  network.use(
    http.post(`${a.origin}/api/v1/sync/push*`, async ({ request }) => {
      const answer = await server.handle(request);
      reached();
      await released;
      a.fault = 'offline';
      return answer;
    }),
  );
  const pass = a.sync();
  await pushReached;
  // The erase reaches the server and drops the words here while the push's answer is on
  // its way; then it asks for the sync lock, which the pass holds.
  let askedLock: () => void = () => undefined;
  const lockAsked = new Promise<void>((ok) => (askedLock = ok));
  const erasing = eraseEverywhere(a.db, a.api, 'idea', ideaId, 'An NHS number', (run) => {
    askedLock();
    return withSyncLock(run);
  });
  await lockAsked;
  expect(await serverIdeaTitles(server, team.teamId)).toContain('[erased]');
  release();
  expect((await pass).kind).toBe('offline');
  const erased = await erasing;
  expect(erased.kind).toBe('erased');
  if (erased.kind === 'erased') await erased.again;
  // The push was answered and settled: the edit left the outbox for the journal.
  expect(await a.db.outbox.count()).toBe(0);
  expect(await everything(a.db)).not.toContain(SECRET);
});
