/**
 * A facilitator changes a member's role: the member's phone learns it with its
 * next sync pass, without opening the Team screen (issue 17: Helen, made
 * sponsor, saw no answer form on the asks screen even after "Sync now" and a
 * reload). The screens read the role through `me()` and the session.
 */
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { me } from '../../../src/db/challengeQueries.ts';
import { getSession } from '../../../src/db/session.ts';
import { network, startServer, twoPhoneTeam, type Server, type TwoPhones } from './harness.ts';

let server: Server;
let team: TwoPhones;
let ashaToken: string;

beforeEach(async () => {
  server = await startServer();
  team = await twoPhoneTeam(server);
  ashaToken = (await getSession(team.a.db))?.token ?? '';
});
afterEach(async () => {
  team.a.close();
  team.b.close();
  await server.close();
});

const benRole = async () => ({
  session: (await getSession(team.b.db))?.member.role,
  screens: (await me(team.b.db))?.role,
});

it('a new sponsor and a new facilitator are known on the phone after its next sync', async () => {
  expect(await team.b.sync()).toMatchObject({ kind: 'synced' });
  expect(await benRole()).toEqual({ session: 'member', screens: 'member' });

  const made = await team.a.api.setRole(ashaToken, team.benId, 'sponsor');
  expect(made.kind).toBe('ok');
  expect(await team.b.sync()).toMatchObject({ kind: 'synced' });
  expect(await benRole()).toEqual({ session: 'sponsor', screens: 'sponsor' });

  await team.a.api.setRole(ashaToken, team.benId, 'facilitator');
  await team.b.sync();
  expect(await benRole()).toEqual({ session: 'facilitator', screens: 'facilitator' });
});

it('a failed role check leaves the last role and does not fail the pass', async () => {
  await team.a.api.setRole(ashaToken, team.benId, 'sponsor');
  // Only Ben's phone's role check fails (msw: the simulated network answers 500).
  network.use(
    http.get(`${team.b.origin}/api/v1/team`, () =>
      HttpResponse.json({ error: { code: 'server_error', message: 'boom' } }, { status: 500 }),
    ),
  );
  expect(await team.b.sync()).toMatchObject({ kind: 'synced' });
  expect(await benRole()).toEqual({ session: 'member', screens: 'member' });
  network.resetHandlers();
  await team.b.sync();
  expect(await benRole()).toEqual({ session: 'sponsor', screens: 'sponsor' });
});
