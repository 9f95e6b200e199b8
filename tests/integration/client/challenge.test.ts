/**
 * The 100-day challenge and asks of the sponsor through the real server:
 * a facilitator sets up the challenge and a member sees it; a member asks,
 * only the sponsor may answer, and the asker's device shows the answer.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { answerAsk, askSponsor, saveChallenge } from '../../../src/db/challengeWrites.ts';
import { asksAbout, currentChallenge } from '../../../src/db/challengeQueries.ts';
import { newId } from '../../../src/lib/id.ts';
import { now, startServer, twoPhoneTeam, type Device, type Server } from './harness.ts';

let server: Server;
let a: Device;
let b: Device;
let teamId: string;
let ben: string;

beforeEach(async () => {
  server = await startServer();
  ({ a, b, teamId, benId: ben } = await twoPhoneTeam(server));
});
afterEach(async () => {
  a.close();
  b.close();
  await server.close();
});

const challenge = {
  goal: 'Reduce delayed discharges by 35% in 100 days',
  startDate: '2026-11-02',
  sponsorId: null,
  sponsorName: 'Dr Okafor',
  outcomeMeasureId: null,
  measureIds: [],
  ideaIds: [],
};

it('a facilitator sets up the challenge, a member sees it but may not change it', async () => {
  expect((await saveChallenge(a.db, null, challenge, now())).kind).toBe('saved');
  await a.sync();
  await b.sync();
  const seen = await currentChallenge(b.db);
  expect(seen?.goal).toBe(challenge.goal);
  await saveChallenge(b.db, seen?.id ?? '', { ...challenge, goal: 'Something else' }, now());
  await b.sync();
  expect((await b.db.rejected.toArray()).map((r) => r.reason)).toEqual([
    'Only a facilitator or sponsor can change the 100-day challenge',
  ]);
  expect((await currentChallenge(b.db))?.goal).toBe(challenge.goal);
});

it('only the sponsor answers an ask, and the asker sees the answer', async () => {
  const ideaId = await b.capture('Discharge lounge from 8am');
  const asked = await askSponsor(
    b.db,
    { ideaId, pdsaId: null, kind: 'permission', text: 'Can the lounge open at 8?' },
    now(),
  );
  if (asked.kind !== 'saved') throw new Error(asked.message);
  await b.sync();
  await a.sync();

  // A facilitator is not the sponsor.
  await answerAsk(a.db, asked.id, 'backed', 'Yes', now());
  await a.sync();
  expect((await a.db.rejected.toArray()).map((r) => r.reason)).toEqual([
    'Only the sponsor can answer an ask',
  ]);

  // The sponsor (a member given that role) answers.
  const sponsor = { memberId: ben, teamId, role: 'sponsor' as const };
  const hlc = `${String(now() + 60_000).padStart(15, '0')}-0000-00000000000000ff`;
  const [result] = await server.store.push(
    sponsor,
    [
      {
        id: newId(),
        entity: 'ask',
        entityId: asked.id,
        fields: { answer: 'backed', answerNote: 'From Monday', answeredBy: ben, answeredAt: now() },
        hlc,
      },
    ],
    now(),
  );
  expect(result?.kind).toBe('applied');
  await b.sync();
  const [ask] = await asksAbout(b.db, ideaId);
  expect([ask?.answer, ask?.answerNote]).toEqual(['backed', 'From Monday']);
});
