/**
 * A phone over a fair-use limit: the server answers 429 with Retry-After and
 * words; the phone keeps the change in its outbox, shows the server's words in
 * the sync bar, and its scheduler waits out the Retry-After before the next
 * pass (a kick meanwhile is put off, not sent).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, memoryLimits } from '../../../server/http/limits.ts';
import { outboxCount } from '../../../src/db/queries.ts';
import { problemWords, reportOutcome, syncStatus } from '../../../src/state/syncStatus.ts';
import { clearServerHold, serverHold } from '../../../src/sync/api.ts';
import { createScheduler } from '../../../src/sync/scheduler.ts';
import { createTeam } from '../../../src/sync/team.ts';
import { device, now, startServer, type Device, type Server } from './harness.ts';

let server: Server;
let a: Device;

beforeEach(async () => {
  clearServerHold();
  server = await startServer({
    limits: memoryLimits({ ...DEFAULT_LIMITS, records: { points: 2, durationSec: 86_400 } }),
  });
  a = device(server, 'a');
  const created = await createTeam(a.db, a.api, { teamName: 'Ward 7', displayName: 'Asha' }, now());
  if (created.kind !== 'ok') throw new Error(created.message);
});
afterEach(async () => {
  a.close();
  clearServerHold();
  await server.close();
});

describe('a phone over its daily changes', () => {
  it('keeps the change, shows the server’s words and waits out Retry-After', async () => {
    await a.capture('Spare obs machine');
    await a.capture('Label IV lines');
    expect((await a.sync()).kind).toBe('synced');

    await a.capture('Water jugs at 2pm');
    const refused = await a.sync();
    expect(refused.kind).toBe('error');
    expect(await outboxCount(a.db)).toBe(1);
    const hold = serverHold();
    expect(hold?.message).toMatch(/more than 2 changes today/);
    expect(hold?.message).toMatch(/Nothing is lost/);
    expect(hold!.untilMs - Date.now()).toBeGreaterThan(60 * 60_000); // hours, not the 2 s back-off

    reportOutcome(refused);
    expect(problemWords(syncStatus.getState().problem)).toBe(hold?.message);

    // The scheduler: the next pass waits for the hold, and a kick does not send early.
    const timers: number[] = [];
    let runs = 0;
    const s = createScheduler({
      run: async () => {
        runs++;
        return a.sync();
      },
      random: () => 0.5,
      setTimer: (_fn, ms) => timers.push(ms),
      clearTimer: () => undefined,
    });
    s.kick();
    await s.idle();
    expect(runs).toBe(0);
    expect(timers[0]).toBeGreaterThan(60 * 60_000);
    s.stop();
  });
});
