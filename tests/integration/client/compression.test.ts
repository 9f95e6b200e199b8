/**
 * The phone's pushes travel gzip-compressed (issue 15) and the server applies
 * them; a phone that meets a server from before compression (one that reads
 * only plain JSON) sends plain again and loses nothing.
 */
import { http } from 'msw';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { outboxCount, rejectedList } from '../../../src/db/queries.ts';
import {
  network,
  readPush,
  serverIdeaTitles,
  startServer,
  twoPhoneTeam,
  type Server,
  type TwoPhones,
} from './harness.ts';

let server: Server;
let team: TwoPhones;
/** Each push as it crossed the network: its Content-Encoding and its JSON. */
let pushes: { encoding: string | null; mutations: number }[];

beforeEach(async () => {
  server = await startServer();
  team = await twoPhoneTeam(server);
  pushes = [];
  network.use(
    http.post('*/api/v1/sync/push*', async ({ request }) => {
      await record(request);
      return server.handle(request);
    }),
  );
});
afterEach(async () => {
  team.a.close();
  team.b.close();
  await server.close();
});

async function record(request: Request) {
  const encoding = request.headers.get('content-encoding');
  pushes.push({ encoding, mutations: (await readPush(request)).mutations.length });
}

const titles = Array.from({ length: 12 }, (_, i) => `Label the IV lines on bay ${i + 1}`);

it('sends a push of several ideas gzip-compressed, and the team gets each once', async () => {
  for (const t of titles) await team.a.capture(t);
  expect(await team.a.sync()).toMatchObject({ kind: 'synced', pushed: 12 });
  expect(pushes).toEqual([{ encoding: 'gzip', mutations: 12 }]);
  expect((await serverIdeaTitles(server, team.teamId)).sort()).toEqual([...titles].sort());
  expect(await team.b.sync()).toMatchObject({ kind: 'synced', pulled: 12 });
});

it('sends one small change plain (gzip would not save anything)', async () => {
  await team.a.capture('Spare obs machine');
  expect(await team.a.sync()).toMatchObject({ kind: 'synced', pushed: 1 });
  expect(pushes).toEqual([{ encoding: null, mutations: 1 }]);
});

it('sends plain to a server that reads only plain JSON, and sets nothing aside', async () => {
  // A server from before compression: a packed body is "not valid JSON" to it.
  network.use(
    http.post('*/api/v1/sync/push*', async ({ request }) => {
      await record(request);
      return request.headers.get('content-encoding') === 'gzip'
        ? Response.json(
            { error: { code: 'bad_request', message: 'body is not valid JSON' } },
            { status: 400 },
          )
        : server.handle(request);
    }),
  );
  for (const t of titles) await team.a.capture(t);
  expect(await team.a.sync()).toMatchObject({ kind: 'synced', pushed: 12, rejected: 0 });
  expect(await rejectedList(team.a.db)).toEqual([]);
  expect(await outboxCount(team.a.db)).toBe(0);
  expect((await serverIdeaTitles(server, team.teamId)).sort()).toEqual([...titles].sort());
  // Plain from then on: no packed body tried again.
  await team.a.capture('Water jugs at 2pm, and again at 6pm, on every bay of the ward');
  for (const t of titles) await team.a.capture(`${t} (again)`);
  await team.a.sync();
  expect(pushes.map((p) => p.encoding)).toEqual(['gzip', null, null]);
  expect(pushes.map((p) => p.mutations)).toEqual([12, 12, 13]);
});
