/**
 * 10. Several servers on one PostgreSQL (issue 15): three server processes on
 * one schema behind a round-robin proxy in its own process
 * (tests/integration/support/roundRobin.ts),
 * simulated devices through a ward's day squeezed into BENCH_DAY_S seconds
 * (default 60; tests/load/trustDay.ts says what each device does), at 500,
 * 2,000 and 8,000 devices (BENCH_DEVICES), teams of 40. Every level starts on
 * a fresh schema. The simulated devices, the proxy, the three servers and
 * PostgreSQL share the machine's cores, so the latencies include waiting for
 * a core; what the level-to-level growth shows is the point.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withPgUser } from '../../server/store/index.ts';
import { runTrustDay, type TrustDayReport } from '../../tests/load/trustDay.ts';
import type { Figure } from '../lib/result.ts';

const SECTION = '10. Several servers (PostgreSQL)';

export async function serversFigures(
  pgUrl: string,
  log: (s: string) => void,
): Promise<{ figures: Figure[]; detail: unknown }> {
  const levels = (process.env['BENCH_DEVICES'] ?? '500,2000,8000').split(',').map(Number);
  const dayMs = Number(process.env['BENCH_DAY_S'] ?? 60) * 1000;
  const reports: TrustDayReport[] = [];
  for (const devices of levels) {
    const schema = `bench_servers_${randomBytes(4).toString('hex')}`;
    try {
      log(`servers: ${devices} devices…`);
      const r = await runTrustDay({
        pgUrl,
        pgSchema: schema,
        servers: 3,
        devices,
        teamSize: 40,
        dayMs,
        pullEveryMs: 30_000,
        liveSamples: 20,
        seed: 15,
        log,
      });
      reports.push(r);
      log(
        `servers: ${devices} devices: push p95 ${r.push.p95} ms, pull p95 ${r.pull.p95} ms, errors ${r.errors}, lost ${r.lost.length}`,
      );
    } finally {
      const c = new pg.Client({ connectionString: withPgUser(pgUrl).toString() });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    }
  }
  const figures: Figure[] = [];
  for (const r of reports) {
    const at = `${r.devices.toLocaleString('en-GB')} devices`;
    const ms = (name: string, value: number, note: string): Figure => ({
      section: SECTION,
      name: `${at}: ${name}`,
      value,
      unit: 'ms',
      note,
    });
    figures.push(
      ms(
        'push latency p50 / p95 / p99',
        r.push.p95,
        `p50 ${r.push.p50}, p95 ${r.push.p95}, p99 ${r.push.p99}, max ${r.push.max} ms over ${r.push.count} pushes (${r.checkedPushes} of them checked: decision 0036; ${r.probes} one-change asks before a device's first push, not among the pulls); ${r.teams} teams, ${r.streams} event streams; requests per process ${r.perServer.join(' / ')}`,
      ),
      ms(
        'pull latency p50 / p95 / p99',
        r.pull.p95,
        `p50 ${r.pull.p50}, p95 ${r.pull.p95}, p99 ${r.pull.p99}, max ${r.pull.max} ms over ${r.pull.count} pull requests`,
      ),
      {
        section: SECTION,
        name: `${at}: errors (non-200 answers, refusals, network errors)`,
        value: r.errors,
        unit: '',
        goal: { op: '<=', target: 0 },
        note:
          `lost ${r.lost.length}, applied twice ${r.duplicated.length} of ${r.captured} captures and ${r.voted} votes acknowledged` +
          (r.errorSamples.length > 0 ? `; e.g. ${r.errorSamples.slice(0, 2).join(' | ')}` : ''),
      },
      {
        ...ms(
          'live update across processes, median',
          r.live.p50,
          `push sent to process 1 → "change" on a stream from process 2 or 3; ${r.live.count} samples on the quiet system after the day, max ${r.live.max} ms, missed ${r.liveMissed}`,
        ),
        goal: { op: '<=', target: 2000 },
      },
      {
        section: SECTION,
        name: `${at}: database size after the day`,
        value: r.databaseBytes,
        unit: 'B',
        note: `${r.changes.toLocaleString('en-GB')} changes; ${Math.round(r.databaseBytes / r.devices).toLocaleString('en-GB')} B per device; wall ${Math.round(r.wallMs / 1000)} s including set-up`,
      },
    );
  }
  const first = reports[0];
  const last = reports.at(-1);
  if (first && last && first !== last) {
    const k = last.devices / first.devices;
    figures.push({
      section: SECTION,
      name: `Growth from ${first.devices.toLocaleString('en-GB')} to ${last.devices.toLocaleString('en-GB')} devices (${k}×): push p95 / pull p95 / database size`,
      value: Math.round((last.push.p95 / Math.max(1, first.push.p95)) * 100) / 100,
      unit: '×',
      note: `pull p95 ${(last.pull.p95 / Math.max(1, first.pull.p95)).toFixed(2)}×, database ${(last.databaseBytes / Math.max(1, first.databaseBytes)).toFixed(2)}×`,
    });
  }
  return { figures, detail: reports };
}
