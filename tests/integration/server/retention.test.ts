// Retention as the server runs it: TEAM_RETENTION_DAYS and
// TEAM_DELETION_GRACE_DAYS read with words for a wrong value, and the sweep
// run when the server starts (here with an injected clock 100 days on).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startServer } from '../../../server/main.ts';
import { retentionFromEnv } from '../../../server/ops/retention.ts';
import { openStore } from '../../../server/store/index.ts';
import { DAY_MS } from '../../../server/store/teamLifecycle.ts';
import { T0 } from './harness.ts';

it('reads the retention settings, and refuses a wrong one in words', () => {
  expect(retentionFromEnv({})).toEqual({ retentionDays: null, graceDays: 7 });
  expect(retentionFromEnv({ TEAM_RETENTION_DAYS: '365', TEAM_DELETION_GRACE_DAYS: '30' })).toEqual({
    retentionDays: 365,
    graceDays: 30,
  });
  expect(() => retentionFromEnv({ TEAM_RETENTION_DAYS: 'a year' })).toThrow(
    'TEAM_RETENTION_DAYS must be a whole number of days, 1 or more (it is "a year").',
  );
});

it('sweeps on start: a team inactive past the retention period is warned', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ground-up-retention-'));
  try {
    const sqlitePath = join(dir, 'r.sqlite');
    const store = await openStore({ sqlitePath });
    const made = await store.createTeam({ teamName: 'Ward Old', displayName: 'Ada' }, T0);
    await store.close();

    const logs: string[] = [];
    const running = await startServer({
      port: 0,
      sqlitePath,
      staticDir: join(dir, 'no-app'),
      log: (line) => logs.push(line),
      now: () => T0 + 100 * DAY_MS,
      retention: { retentionDays: 30, graceDays: 7 },
    });
    try {
      // The sweep logs once it is done: wait for that line (at most 5 s).
      const done = 'retention: 1 inactive teams warned, 0 kept, 0 deleted';
      for (let i = 0; !logs.includes(done) && i < 100; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(logs).toContain(done);
      expect(await running.store.teamDeletion(made.team.id)).toEqual({
        deleteAfter: T0 + 107 * DAY_MS,
        reason: 'inactive',
      });
    } finally {
      await running.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
