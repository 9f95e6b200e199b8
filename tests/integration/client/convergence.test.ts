/**
 * Two devices edit the same idea while apart; after both sync, both hold the
 * same record, field by field, and the server's merged state agrees.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { editIdea } from '../../../src/db/writes.ts';
import { getIdea } from '../../../src/db/queries.ts';
import { listIdeas } from '../../../src/db/ideaSearch.ts';
import type { IdeaId } from '../../../src/domain/ids.ts';
import { now, startServer, twoPhoneTeam, type Device, type Server } from './harness.ts';

let server: Server;
let a: Device;
let b: Device;
let teamId: string;

beforeEach(async () => {
  server = await startServer();
  ({ a, b, teamId } = await twoPhoneTeam(server));
});
afterEach(async () => {
  a.close();
  b.close();
  await server.close();
});

it('converges concurrent edits: the later write wins each field, on every device and the server', async () => {
  // B (a member) has the idea; A is the team's facilitator, so both may edit it.
  const id = (await b.capture('Fridge key')) as IdeaId;
  await b.sync();
  await a.sync();

  a.fault = 'offline';
  b.fault = 'offline';
  await editIdea(a.db, id, { title: 'Fridge key on a lanyard' }, now());
  await editIdea(
    b.db,
    id,
    { title: 'Fridge key in the key safe', detail: 'Code from the NIC' },
    now(),
  );
  await editIdea(a.db, id, { category: 'safety' }, now());

  a.fault = 'none';
  b.fault = 'none';
  // Sync in an order that makes each device see the other's edits late.
  await b.sync();
  await a.sync();
  await b.sync();

  const onA = await getIdea(a.db, id);
  const onB = await getIdea(b.db, id);
  const pick = (r: typeof onA) => ({ title: r?.title, detail: r?.detail, category: r?.category });
  expect(pick(onA)).toEqual({
    title: 'Fridge key in the key safe',
    detail: 'Code from the NIC',
    category: 'safety',
  });
  expect(pick(onB)).toEqual(pick(onA));
  const stored = await server.store.readEntity(teamId, 'idea', id);
  expect(stored?.state.fields).toMatchObject(pick(onA));
});

it('a delete on one device and an edit on another converge to the later of the two', async () => {
  const id = (await b.capture('Spare pumps')) as IdeaId;
  await b.sync();
  await a.sync();
  await editIdea(b.db, id, { detail: 'Ask the matron' }, now());
  await editIdea(a.db, id, { deleted: true }, now()); // later stamp
  await b.sync();
  await a.sync();
  await b.sync();
  expect(await listIdeas(a.db)).toEqual([]);
  expect(await listIdeas(b.db)).toEqual([]);
  expect((await getIdea(b.db, id))?.detail).toBe('Ask the matron');
});

it('undoes a rejected edit locally so the device shows what the team has', async () => {
  // A (facilitator) captures; B is a member and may not retitle A's idea.
  const id = (await a.capture('Night-time noise')) as IdeaId;
  await a.sync();
  await b.sync();
  await editIdea(b.db, id, { title: 'Something else entirely' }, now());
  expect((await getIdea(b.db, id))?.title).toBe('Something else entirely');

  const outcome = await b.sync();
  expect(outcome).toMatchObject({ kind: 'synced', rejected: 1 });
  expect((await getIdea(b.db, id))?.title).toBe('Night-time noise');
  const { rejectedList } = await import('../../../src/db/queries.ts');
  const [rejected] = await rejectedList(b.db);
  expect(rejected?.mutation.fields).toMatchObject({ title: 'Something else entirely' });
  expect(rejected?.reason).toMatch(/\w+/);
});
