/**
 * A facilitator erases an NHS number from an idea both phones hold: each
 * phone loses it through the ordinary pull, and also from what it keeps
 * beside the record (changes waiting to be sent, "needs attention", the
 * journal of acknowledged changes); a phone that joins later never gets it.
 * Every table of each phone's database is read to check.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { editIdea } from '../../../src/db/writes.ts';
import type { GroundUpDb } from '../../../src/db/schema.ts';
import type { IdeaId } from '../../../src/domain/ids.ts';
import { joinTeam } from '../../../src/sync/team.ts';
import {
  device,
  now,
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
