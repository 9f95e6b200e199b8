// Retention as the server runs it: TEAM_RETENTION_DAYS and
// TEAM_DELETION_GRACE_DAYS read with words for a wrong value, and the sweep
// run when the server starts (here with an injected clock 100 days on),
// and CHANGE_LOG_COMPACT_DAYS's compaction of the change history in the same sweep.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startServer } from '../../../server/main.ts';
import { retentionFromEnv } from '../../../server/ops/retention.ts';
import { openStore, type RetentionPolicy, type Store } from '../../../server/store/index.ts';
import { DAY_MS } from '../../../server/store/teamLifecycle.ts';
import { device, T0 } from './harness.ts';

/**
 * Starts the server on `sqlitePath` with its clock 100 days past T0 and
 * `retention`, waits (at most 5 s) for the sweep to log `line`, then runs
 * `check` and closes it.
 */
async function sweepOnStart(
  dir: string,
  sqlitePath: string,
  retention: RetentionPolicy,
  line: string,
  check: (store: Store) => Promise<void>,
): Promise<void> {
  const logs: string[] = [];
  const running = await startServer({
    port: 0,
    sqlitePath,
    staticDir: join(dir, 'no-app'),
    log: (l) => logs.push(l),
    now: () => T0 + 100 * DAY_MS,
    retention,
  });
  try {
    for (let i = 0; !logs.includes(line) && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(logs).toContain(line);
    await check(running.store);
  } finally {
    await running.close();
  }
}

it('reads the retention settings, and refuses a wrong one in words', () => {
  expect(retentionFromEnv({})).toEqual({ retentionDays: null, graceDays: 7 });
  expect(retentionFromEnv({ TEAM_RETENTION_DAYS: '365', TEAM_DELETION_GRACE_DAYS: '30' })).toEqual({
    retentionDays: 365,
    graceDays: 30,
  });
  expect(() => retentionFromEnv({ TEAM_RETENTION_DAYS: 'a year' })).toThrow(
    'TEAM_RETENTION_DAYS must be a whole number of days, 1 or more (it is "a year").',
  );
  // Compaction of the change history: off unless set, and never inside the digest's week.
  expect(retentionFromEnv({ CHANGE_LOG_COMPACT_DAYS: '90' })).toEqual({
    retentionDays: null,
    graceDays: 7,
    compactAfterDays: 90,
  });
  expect(() => retentionFromEnv({ CHANGE_LOG_COMPACT_DAYS: '3' })).toThrow(
    'CHANGE_LOG_COMPACT_DAYS must be a whole number of days, 7 or more (it is "3"): the weekly digest reads the last week of changes; unset it to keep all history.',
  );
});

it('sweeps on start: a team inactive past the retention period is warned', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ground-up-retention-'));
  try {
    const sqlitePath = join(dir, 'r.sqlite');
    const store = await openStore({ sqlitePath });
    const made = await store.createTeam({ teamName: 'Ward Old', displayName: 'Ada' }, T0);
    await store.close();

    await sweepOnStart(
      dir,
      sqlitePath,
      { retentionDays: 30, graceDays: 7 },
      'retention: 1 inactive teams warned, 0 kept, 0 deleted',
      async (running) =>
        expect(await running.teamDeletion(made.team.id)).toEqual({
          deleteAfter: T0 + 107 * DAY_MS,
          reason: 'inactive',
        }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('compacts the change history on start when CHANGE_LOG_COMPACT_DAYS is set, and says what it did', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ground-up-compact-'));
  try {
    const sqlitePath = join(dir, 'r.sqlite');
    const store = await openStore({ sqlitePath });
    const made = await store.createTeam({ teamName: 'Ward 9', displayName: 'Ada' }, T0);
    const actor = await store.authenticate(made.token);
    if (!actor) throw new Error('no actor');
    const phone = device(1);
    const idea = phone.idea(made, 'Spare hoist slings');
    const edits = [1, 2, 3, 4, 5].map((n) => phone.edit(idea.entityId, { title: `Slings ${n}` }));
    const results = await store.push(actor, [idea, ...edits], T0);
    expect(results.map((r) => r.kind)).toEqual(Array(6).fill('applied'));
    await store.close();

    await sweepOnStart(
      dir,
      sqlitePath,
      { retentionDays: null, graceDays: 7, compactAfterDays: 30 },
      'retention: change history older than 30 days compacted in 1 logs (4 changes removed, 1 shortened)',
      async (running) => {
        const pulled = await running.pull(made.team.id, 0, 100);
        expect(pulled.changes.map((c) => c.fields['title'])).toEqual([undefined, 'Slings 5']);
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
