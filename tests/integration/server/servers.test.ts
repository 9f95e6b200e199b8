/**
 * Several server processes on one PostgreSQL (issue 15): three real server
 * processes on one schema behind a round-robin proxy, and 60 simulated
 * devices through a short ward's day (tests/load/trustDay.ts). Every
 * acknowledged capture and vote is on the server once, every process served
 * requests, nothing was refused, and a change pushed through one process
 * reaches a device streaming from another. How fast, and how it grows to
 * 8,000 devices, is `npm run bench` (section "servers"): no timing is asserted here.
 */
import { describe, it } from 'vitest';
import { runTrustDay } from '../../load/trustDay.ts';
import { expectACleanDay } from './trustDayChecks.ts';
import { dropSchema, PG_AVAILABLE, PG_URL, uniqueSchema } from './backends.ts';

describe.runIf(PG_AVAILABLE)('three server processes on one PostgreSQL', () => {
  it(
    'serve 60 devices through a ward’s day: nothing lost, nothing twice, live updates cross processes',
    { timeout: 240_000 },
    async () => {
      const schema = uniqueSchema();
      try {
        const report = await runTrustDay({
          pgUrl: PG_URL,
          pgSchema: schema,
          servers: 3,
          devices: 60,
          teamSize: 20,
          dayMs: 8_000,
          pullEveryMs: 3_000,
          liveSamples: 3,
          seed: 15,
        });
        console.log(
          `servers: ${report.devices} devices in ${report.teams} teams, ${report.streams} streams; ` +
            `requests per process ${report.perServer.join('/')}; push p95 ${report.push.p95} ms (${report.checkedPushes} of ${report.push.count} checked), pull p95 ${report.pull.p95} ms; ` +
            `live across processes ${report.live.p50} ms median (max ${report.live.max}); ${report.changes} changes, ${report.databaseBytes} B`,
        );
        expectACleanDay(report, { devices: 60, liveSamples: 3 });
      } finally {
        await dropSchema(schema);
      }
    },
  );
});
