/**
 * Tests of change, measures, data points and tally taps sync between two
 * devices through the real server, and taps made on two offline devices all
 * count once both sync.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  addPoint,
  createMeasure,
  decideAct,
  saveCycle,
  setBaseline,
  setRebase,
  startTest,
  tap,
} from '../../../src/db/improvementWrites.ts';
import { chartOfData } from '../../../src/db/boardData.ts';
import { cyclesOf, measureData } from '../../../src/db/improvementQueries.ts';
import { seriesOf } from '../../../src/domain/measureSeries.ts';
import { getSession } from '../../../src/db/session.ts';
import { pushOutbox } from '../../../src/sync/push.ts';
import { now, startServer, twoPhoneTeam, type Device, type Server } from './harness.ts';

let server: Server;
let a: Device;
let b: Device;

beforeEach(async () => {
  server = await startServer();
  ({ a, b } = await twoPhoneTeam(server));
});
afterEach(async () => {
  a.close();
  b.close();
  await server.close();
});

const saved = <T extends { kind: string }>(r: T) => {
  if (r.kind !== 'saved') throw new Error(`not saved: ${JSON.stringify(r)}`);
  return r as Extract<T, { kind: 'saved' }>;
};

it('syncs a test of change, its cycles and the idea it adopts to a second device', async () => {
  const ideaId = await a.capture('Discharge letters started the day before');
  const { id } = saved(await startTest(a.db, ideaId, now()));
  saved(
    await saveCycle(
      a.db,
      id,
      { objective: 'Letters ready by 10am', prediction: 'Half of them' },
      now(),
    ),
  );
  await a.sync();
  await b.sync();
  expect((await cyclesOf(b.db, ideaId)).map((c) => c.objective)).toEqual(['Letters ready by 10am']);

  // B (a member) records what happened; the Do is anyone's to fill in.
  saved(await saveCycle(b.db, id, { asPlanned: true, observations: 'Pharmacy slower' }, now()));
  expect(await b.sync()).toMatchObject({ kind: 'synced', rejected: 0 });
  await a.sync();

  const adapted = saved(await decideAct(a.db, id, 'adapt', 'Try with pharmacy', now()));
  expect(adapted.nextId).not.toBeNull();
  const last = saved(await decideAct(a.db, adapted.nextId ?? '', 'adopt', '', now()));
  expect(last.ideaMoved).toBe(true);
  await a.sync();
  await b.sync();

  const cycles = await cyclesOf(b.db, ideaId);
  expect(cycles.map((c) => [c.cycle, c.act, c.objective, c.observations])).toEqual([
    [1, 'adapt', 'Letters ready by 10am', 'Pharmacy slower'],
    [2, 'adopt', 'Letters ready by 10am', ''],
  ]);
  expect((await b.db.ideas.get(ideaId))?.status).toBe('adopted');
  expect(await a.db.rejected.count()).toBe(0);
  expect(await b.db.rejected.count()).toBe(0);
});

// The cycle's id is derived, so a second phone that starts the same test
// offline, after the plan was typed on the first, makes the same record. A
// member's later start must not be refused; a facilitator may change any plan,
// so theirs must not blank the plan either (decision 0007).
it.each([
  { later: 'a member', first: () => a, second: () => b },
  { later: 'the facilitator', first: () => b, second: () => a },
])('keeps the plan when $later starts the same test offline later', async ({ first, second }) => {
  const [one, two] = [first(), second()];
  const ideaId = await one.capture('Protected mealtimes sign');
  await one.sync();
  await two.sync();
  const { id } = saved(await startTest(one.db, ideaId, now()));
  const plan = { objective: 'Sign on every bay', prediction: 'Fewer calls' };
  saved(await saveCycle(one.db, id, plan, now()));
  await one.sync();
  expect(saved(await startTest(two.db, ideaId, now())).id).toBe(id);
  expect(await two.sync()).toMatchObject({ kind: 'synced', rejected: 0 });
  await one.sync();
  for (const d of [one, two]) {
    const cycles = await cyclesOf(d.db, ideaId);
    expect(cycles.map((c) => [c.objective, c.prediction])).toEqual([
      [plan.objective, plan.prediction],
    ]);
    expect(await d.db.rejected.count()).toBe(0);
  }
});

it('takes the plan from whoever started the test second, offline, when nobody had written one', async () => {
  const ideaId = await a.capture('Bedside handover prompt card');
  await a.sync();
  await b.sync();
  const { id } = saved(await startTest(a.db, ideaId, now()));
  await a.sync();
  // B, a member, starts the same test offline and writes its plan.
  saved(await startTest(b.db, ideaId, now()));
  saved(
    await saveCycle(b.db, id, { objective: 'Card at every bed', prediction: 'Fewer gaps' }, now()),
  );
  expect(await b.sync()).toMatchObject({ kind: 'synced', rejected: 0 });
  await a.sync();
  expect((await a.db.pdsas.get(id))?.objective).toBe('Card at every bed');
});

/** A (the facilitator) starts a test and writes its objective; both phones sync. */
async function planOnA(title: string, objective: string): Promise<string> {
  const ideaId = await a.capture(title);
  const { id } = saved(await startTest(a.db, ideaId, now()));
  saved(await saveCycle(a.db, id, { objective }, now()));
  await a.sync();
  await b.sync();
  return id;
}

it('refuses a member’s change to someone else’s plan, and the device puts it back', async () => {
  const id = await planOnA('Fridge key', 'Key on a lanyard');
  saved(await saveCycle(b.db, id, { objective: 'Key in the safe' }, now()));
  await b.sync();
  const rejected = await b.db.rejected.toArray();
  expect(rejected).toHaveLength(1);
  expect(rejected[0]?.reason).toMatch(/Only whoever started this cycle/);
  expect((await b.db.pdsas.get(id))?.objective).toBe('Key on a lanyard');
});

it('keeps a change the server took when an earlier one in the same send was refused', async () => {
  // B (a member) changes A's plan, which is refused, then records what
  // happened, which anyone may. Both go in one push; the server's state sent
  // with the refusal predates the second, which must not be undone with the first.
  const id = await planOnA('Fridge key', 'Key on a lanyard');
  saved(await saveCycle(b.db, id, { objective: 'Key in the safe' }, now()));
  saved(await saveCycle(b.db, id, { observations: 'Two keys went missing' }, now()));
  // The push alone: the pull after it would bring the change back and hide a loss.
  const session = await getSession(b.db);
  const token = { token: session?.token ?? '', teamId: session?.team.id ?? '' };
  expect(await pushOutbox(b.db, b.api, token, now)).toMatchObject({ kind: 'done', rejected: 1 });
  const cycle = await b.db.pdsas.get(id);
  expect([cycle?.objective, cycle?.observations]).toEqual([
    'Key on a lanyard',
    'Two keys went missing',
  ]);
  await a.sync();
  expect((await a.db.pdsas.get(id))?.observations).toBe('Two keys went missing');
});

it('syncs a measure and its data points both ways', async () => {
  const { id } = saved(
    await createMeasure(
      a.db,
      {
        name: 'Discharges before noon',
        unit: '%',
        definition: 'Discharges before 12:00 / all discharges',
        direction: 'higher',
        target: 40,
        type: 'outcome',
        ideaId: null,
        tally: false,
      },
      now(),
    ),
  );
  saved(await addPoint(a.db, id, { date: '2026-11-01', value: 20, note: '' }, now()));
  await a.sync();
  await b.sync();
  saved(await addPoint(b.db, id, { date: '2026-11-02', value: 25, note: 'Bank holiday' }, now()));
  await b.sync();
  await a.sync();
  for (const d of [a, b]) {
    const data = await measureData(d.db, id);
    expect(data?.measure.target).toBe(40);
    expect(seriesOf(data?.points ?? [], data?.taps ?? [])).toEqual([
      { date: '2026-11-01', value: 20 },
      { date: '2026-11-02', value: 25, note: 'Bank holiday' },
    ]);
  }
});

it('counts every +1 tapped on two offline devices: none is lost', async () => {
  const { id } = saved(
    await createMeasure(
      a.db,
      {
        name: 'Delayed discharges',
        unit: 'patients',
        definition: 'Medically fit, still on the ward at 17:00',
        direction: 'lower',
        target: null,
        type: 'outcome',
        ideaId: null,
        tally: true,
      },
      now(),
    ),
  );
  await a.sync();
  await b.sync();
  a.fault = 'offline';
  b.fault = 'offline';
  for (let i = 0; i < 3; i++) saved(await tap(a.db, id, '2026-11-03', now()));
  for (let i = 0; i < 2; i++) saved(await tap(b.db, id, '2026-11-03', now()));
  await a.sync();
  await b.sync();
  a.fault = 'none';
  b.fault = 'none';
  await a.sync();
  await b.sync();
  await a.sync();
  for (const d of [a, b]) {
    const data = await measureData(d.db, id);
    expect(seriesOf(data?.points ?? [], data?.taps ?? [])).toEqual([
      { date: '2026-11-03', value: 5 },
    ]);
  }
});

it('rejects a data point with a date that is not yyyy-mm-dd or a value that is not a number', async () => {
  const { id } = saved(
    await createMeasure(
      a.db,
      {
        name: 'Falls',
        unit: '',
        definition: '',
        direction: 'lower',
        target: null,
        type: 'outcome',
        ideaId: null,
        tally: false,
      },
      now(),
    ),
  );
  saved(await addPoint(a.db, id, { date: '2026-02-30', value: 1, note: '' }, now()));
  await a.sync();
  const rejected = await a.db.rejected.toArray();
  expect(rejected.map((r) => [r.field, r.reason])).toEqual([
    ['fields.date', 'fields.date must be a date written yyyy-mm-dd'],
  ]);
});

it('refuses a decision before the plan, on the device and on the server', async () => {
  const ideaId = await a.capture('Bed rails audit');
  const { id } = saved(await startTest(a.db, ideaId, now()));
  const local = await decideAct(a.db, id, 'adopt', '', now());
  expect(local).toMatchObject({ kind: 'error', message: expect.stringMatching(/objective/) });
  // A device that skipped the check is answered by the server with the same words.
  await a.sync();
  const session = await getSession(a.db);
  const facilitator = {
    memberId: session?.member.id ?? '',
    teamId: session?.team.id ?? '',
    role: 'facilitator' as const,
  };
  const [result] = await server.store.push(
    facilitator,
    [
      {
        id: '019ac000-0000-7000-8000-0000000000aa',
        entity: 'pdsa',
        entityId: id,
        fields: { act: 'adopt' },
        hlc: `${String(now() + 60_000).padStart(15, '0')}-0000-00000000000000aa`,
      },
    ],
    now(),
  );
  expect(result).toMatchObject({
    kind: 'rejected',
    field: 'fields.act',
    reason: expect.stringMatching(/objective/),
  });
});

it('syncs a fixed baseline and a rebase after a cycle, and puts back a colleague’s refused undo', async () => {
  // Decision 0017: A (who made the measure) fixes its baseline and rebases after cycle 1.
  const ideaId = await a.capture('Answer call bells in bay order');
  const cycle = saved(await startTest(a.db, ideaId, now())).id;
  const { id } = saved(
    await createMeasure(
      a.db,
      {
        name: 'Call bell wait',
        unit: 'minutes',
        definition: '',
        direction: 'lower',
        target: null,
        type: 'outcome',
        ideaId,
        tally: false,
      },
      now(),
    ),
  );
  const values = [19, 21, 20, 19, 21, 20, 19, 21, 20, 19, 21, 20, 15, 17, 16, 15];
  const points: string[] = [];
  for (const [i, value] of values.entries()) {
    const date = `2026-11-${String(i + 1).padStart(2, '0')}`;
    points.push(saved(await addPoint(a.db, id, { date, value, note: '' }, now())).id);
  }
  saved(await setBaseline(a.db, id, 12, now()));
  const at = points[12] ?? '';
  saved(await setRebase(a.db, at, { reason: ' Bay order rota ', pdsaId: cycle }, now()));
  await a.sync();
  await b.sync();

  for (const d of [a, b]) {
    const data = await measureData(d.db, id);
    if (!data) throw new Error('no measure');
    expect(data.measure.baselinePoints).toBe(12);
    const chart = chartOfData(data);
    if (chart.kind !== 'xmr') throw new Error(`expected XmR, got ${chart.kind}`);
    // baseline: 19, 21, 20 four times → mean 20; rebased from the 13th: 15, 17, 16, 15
    expect(chart.segments.map((s) => [s.baseline, s.startIndex, s.mean, s.reason])).toEqual([
      [true, 0, 20, undefined],
      [false, 12, 15.75, 'Bay order rota, after PDSA cycle 1'],
    ]);
  }

  // B, a member who did not add the point, undoes the rebase: refused, and put back.
  saved(await setRebase(b.db, at, null, now()));
  expect((await b.db.points.get(at))?.recalculate).toBe(false);
  await b.sync();
  const rejected = await b.db.rejected.toArray();
  expect(rejected).toHaveLength(1);
  expect(rejected[0]?.reason).toMatch(/Only whoever added this data point/);
  expect(await b.db.points.get(at)).toMatchObject({
    recalculate: true,
    rebaseReason: 'Bay order rota',
    rebasePdsaId: cycle,
  });
});
