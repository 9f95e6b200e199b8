/**
 * A facilitator removes a member whose phone still holds unsent ideas. The
 * phone is signed out (401); the person joins again with the invite code and
 * their ideas reach the team, under their name, instead of landing in "needs
 * attention" for ever. (Found by the fault suite: before, re-joining made a new
 * member, and every change saved meanwhile was rejected as "An idea can only
 * name you as its author".)
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { getSession } from '../../../src/db/session.ts';
import { outboxCount, rejectedList } from '../../../src/db/queries.ts';
import { listIdeas } from '../../../src/db/ideaSearch.ts';
import { createTeam, joinTeam } from '../../../src/sync/team.ts';
import { device, now, serverIdeaTitles, startServer, type Device, type Server } from './harness.ts';

let server: Server;
let lead: Device;
let sam: Device;
let teamId: string;
let code: string;
let leadToken: string;

beforeEach(async () => {
  server = await startServer();
  lead = device(server, 'lead');
  sam = device(server, 'sam');
  const created = await createTeam(
    lead.db,
    lead.api,
    { teamName: 'Ward 7', displayName: 'Asha' },
    now(),
  );
  if (created.kind !== 'ok') throw new Error(created.message);
  teamId = created.session.team.id;
  code = created.session.team.inviteCode ?? '';
  leadToken = created.session.token;
  const joined = await joinTeam(sam.db, sam.api, { inviteCode: code, displayName: 'Sam' }, now());
  if (joined.kind !== 'ok') throw new Error(joined.message);
});
afterEach(async () => {
  lead.close();
  sam.close();
  await server.close();
});

it('sends what was saved while signed out, under the same name, once the person joins again', async () => {
  const before = await getSession(sam.db);
  await sam.capture('Spare obs machine for bay 3');
  const removed = await lead.api.removeMember(leadToken, before?.member.id ?? '');
  expect(removed.kind).toBe('ok');

  const out = await sam.sync();
  expect(out.kind).toBe('signed-out');
  expect(await outboxCount(sam.db)).toBe(1); // nothing dropped

  const again = await joinTeam(sam.db, sam.api, { inviteCode: code, displayName: 'Sam' }, now());
  expect(again.kind).toBe('ok');
  expect((await getSession(sam.db))?.member.id).toBe(before?.member.id);
  expect(await sam.sync()).toMatchObject({ kind: 'synced', pushed: 1, rejected: 0 });
  expect(await rejectedList(sam.db)).toEqual([]);
  expect(await serverIdeaTitles(server, teamId)).toEqual(['Spare obs machine for bay 3']);

  await lead.sync();
  const [seen] = await listIdeas(lead.db);
  expect(seen).toMatchObject({ title: 'Spare obs machine for bay 3', authorName: 'Sam' });
});
