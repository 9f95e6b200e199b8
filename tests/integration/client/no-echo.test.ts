/**
 * No echo (issue 15, decision 0024): a phone's pull leaves out its own changes
 * that the server applied exactly as sent, and still brings the ones the
 * server wrote into. A refused change stays refused however often the network
 * resends it, so leaving out the echo never hides a change the team took;
 * "Try again" sends it as a new change.
 */
import { http } from 'msw';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startTest, saveCycle } from '../../../src/db/improvementWrites.ts';
import { startHuddle } from '../../../src/db/huddleWrites.ts';
import { tapDot } from '../../../src/db/voteWrites.ts';
import { votesIn } from '../../../src/db/huddleQueries.ts';
import { retryRejected } from '../../../src/db/writes.ts';
import { OVER_YOUR_DOTS } from '../../../src/domain/rules/huddleRules.ts';
import {
  network,
  now,
  serverIdeaTitles,
  startServer,
  twoPhoneTeam,
  type Device,
  type Server,
  type TwoPhones,
} from './harness.ts';

let server: Server;
let team: TwoPhones;
let a: Device;
let b: Device;
/** Pull requests as they crossed the network, with how many changes each brought. */
let pulls: { url: string; changes: number }[];
/** Every push request, kept so the test can play the network resending one. */
let sent: { url: string; headers: Headers; body: ArrayBuffer }[];

beforeEach(async () => {
  server = await startServer();
  team = await twoPhoneTeam(server);
  ({ a, b } = team);
  pulls = [];
  sent = [];
  network.use(
    http.get('*/api/v1/sync/pull', async ({ request }) => {
      const res = await server.handle(request);
      const body = (await res.clone().json()) as { changes: unknown[] };
      pulls.push({ url: request.url, changes: body.changes.length });
      return res;
    }),
    http.post('*/api/v1/sync/push*', async ({ request }) => {
      const copy = request.clone();
      sent.push({ url: copy.url, headers: copy.headers, body: await copy.arrayBuffer() });
      return server.handle(request);
    }),
  );
});
afterEach(async () => {
  a.close();
  b.close();
  await server.close();
});

/** The network delivers a push request again, exactly as the phone sent it. */
const resend = (r: { url: string; headers: Headers; body: ArrayBuffer }) =>
  server.handle(new Request(r.url, { method: 'POST', headers: r.headers, body: r.body }));

it('does not download its own changes back, and the colleague gets them all', async () => {
  const titles = ['Move the drugs fridge key', 'Label IV lines', 'Spare obs machine'];
  for (const t of titles) await a.capture(t);
  expect(await a.sync()).toMatchObject({ kind: 'synced', pushed: 3, pulled: 0 });
  expect(pulls.at(-1)?.url).toMatch(/&own=[0-9a-f]{16}$/);
  expect(await b.sync()).toMatchObject({ kind: 'synced', pushed: 0, pulled: 3 });
  await b.capture('Quiet hour after lunch');
  expect(await b.sync()).toMatchObject({ kind: 'synced', pushed: 1, pulled: 0 });
  expect(await a.sync()).toMatchObject({ kind: 'synced', pushed: 0, pulled: 1 });
  const titlesOn = async (d: Device) => (await d.db.ideas.toArray()).map((i) => i.title).sort();
  expect(await titlesOn(a)).toEqual(await titlesOn(b));
  expect(await titlesOn(a)).toEqual([...titles, 'Quiet hour after lunch'].sort());
  expect((await serverIdeaTitles(server, team.teamId)).sort()).toEqual(await titlesOn(a));
});

it('still sends a phone its own change when the server wrote into it', async () => {
  const ideaId = await a.capture('Bedside handover prompt card');
  await a.sync();
  await b.sync();
  const started = await startTest(a.db, ideaId, now());
  if (started.kind !== 'saved') throw new Error('not started');
  await a.sync();
  // Ben starts the same test offline: his phone names him as its starter, the
  // server keeps Asha (who pushed it first) and so rewrites Ben's change.
  await startTest(b.db, ideaId, now());
  await saveCycle(b.db, started.id, { objective: 'Card at every bed' }, now());
  const startedBy = async () =>
    ((await b.db.pdsas.get(started.id)) as { startedBy?: string })?.startedBy;
  expect(await startedBy()).toBe(team.benId);
  expect(await b.sync()).toMatchObject({ kind: 'synced', rejected: 0 });
  const held = await server.store.readEntity(team.teamId, 'pdsa', started.id);
  const mine = await b.db.pdsas.get(started.id);
  expect(held?.state.fields['startedBy']).not.toBe(team.benId);
  expect(await startedBy()).toBe(held?.state.fields['startedBy']);
  expect(mine?.stamps).toEqual(held?.state.stamps);
  expect(mine?.objective).toBe('Card at every bed');
});

it('keeps a refused dot refused when the network resends it later; Try again sends it anew', async () => {
  const [fridge, pumps] = [await a.capture('Fridge key'), await a.capture('Bay 3 pumps')];
  const huddle = await startHuddle(
    a.db,
    { title: 'Huddle', dotsPerMember: 1, minutes: 0, hidden: false, shortlist: [fridge, pumps] },
    now(),
  );
  if (huddle.kind !== 'saved') throw new Error(huddle.message);
  await a.sync();
  await b.sync();
  // Ben's dot on the fridge key is refused: the tablet gave his only dot to the pumps.
  const forBen = { kind: 'member', memberId: team.benId } as const;
  await tapDot(b.db, huddle.id, fridge, forBen, 1, now());
  await tapDot(a.db, huddle.id, pumps, forBen, 1, now());
  await a.sync();
  const before = sent.length;
  expect(await b.sync()).toMatchObject({ kind: 'synced', rejected: 1 });
  const bensPush = sent[before];
  if (!bensPush) throw new Error('Ben’s push did not cross the network');
  const [refused] = await b.db.rejected.toArray();
  expect(refused?.reason).toBe(OVER_YOUR_DOTS);

  // The tablet frees the dot; then the network delivers Ben's request again.
  await tapDot(a.db, huddle.id, pumps, forBen, -1, now());
  await a.sync();
  const again = await resend(bensPush);
  const answer = (await again.json()) as { results: { kind: string; reason?: string }[] };
  expect(answer.results).toMatchObject([{ kind: 'rejected', reason: OVER_YOUR_DOTS }]);

  const bensVotes = async (d: Device) =>
    (await votesIn(d.db, huddle.id))
      .filter((v) => v.memberId === team.benId)
      .map((v) => [v.ideaId, v.dots])
      .sort();
  await b.sync();
  expect(await bensVotes(b)).toEqual([[pumps, 0]]);
  expect(await b.db.rejected.count()).toBe(1);

  // Ben presses Try again: a new change, which the team now takes.
  await retryRejected(b.db, refused?.mutationId ?? '', now());
  const [queued] = await b.db.outbox.toArray();
  expect(queued?.mutationId).not.toBe(refused?.mutationId);
  expect(await b.sync()).toMatchObject({ kind: 'synced', pushed: 1, rejected: 0 });
  await a.sync();
  const both = [
    [fridge, 1],
    [pumps, 0],
  ].sort();
  expect(await bensVotes(b)).toEqual(both);
  expect(await bensVotes(a)).toEqual(both);
});
