/**
 * `npm run bench`: builds the app, starts the real server (SQLite) and the
 * PouchDB peer on loopback behind counting proxies, drives Debian's Chromium,
 * and writes bench/results.json and bench/RESULTS.md. Each section runs on its
 * own: one that fails is reported and the others still run. Timings are never
 * asserted; this is not a test. BENCH_ONLY=bundle,save,cold,lighthouse,a11y,
 * screens,sync,ingest,snapshot,scale,org,servers runs a subset (`npm run bench:a11y` runs a11y and
 * screens alone and keeps the other figures); with BENCH_KEEP=1 a subset's
 * run keeps the other sections' figures from the last bench/results.json,
 * each marked with the day it was measured; BENCH_QUICK=1 runs smaller sync
 * rounds.
 */
import { spawnSync } from 'node:child_process';
import { format } from 'prettier';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../server/http/limits.ts';
import { startServer } from '../server/main.ts';
import { chromiumVersion } from './lib/browser.ts';
import { machineInfo } from './lib/machine.ts';
import { startProxy } from './lib/proxy.ts';
import { startPouchServer } from './lib/pouchServer.ts';
import { markdown, type Results } from './lib/report.ts';
import { PartlyMeasured, type Figure } from './lib/result.ts';
import { bundleFigures } from './sections/bundle.ts';
import { saveFigures } from './sections/save.ts';
import { coldStartFigures } from './sections/coldstart.ts';
import { lighthouseFigures } from './sections/lighthouse.ts';
import { syncFigures } from './sections/sync.ts';
import { ingestFigures } from './sections/ingest.ts';
import { snapshotFigures } from './sections/snapshot.ts';
import { scaleFigures } from './sections/scale.ts';
import { pagesA11yFigures } from './sections/pagesA11y.ts';
import { serversFigures } from './sections/servers.ts';
import { screensA11yFigures } from './sections/screensA11y.ts';
import { orgFigures, orgSizes } from './sections/org.ts';

const PG_URL =
  process.env['BENCH_DATABASE_URL'] ??
  process.env['TEST_DATABASE_URL'] ??
  'postgres://127.0.0.1:5432/test';
const only = process.env['BENCH_ONLY']?.split(',').map((s) => s.trim());
const quick = process.env['BENCH_QUICK'] === '1';

/** Sync sizes: BENCH_SYNC_SIZES="1000x5,10000x3" (ideas × rounds), the default, or others for a diagnosis. */
function syncSizes(): { n: number; rounds: number }[] {
  const given = process.env['BENCH_SYNC_SIZES'];
  if (given !== undefined)
    return given.split(',').map((s) => {
      const [n, rounds] = s.split('x').map(Number);
      return { n: n!, rounds: rounds ?? 1 };
    });
  return quick
    ? [{ n: 1000, rounds: 1 }]
    : [
        { n: 1000, rounds: 5 },
        // Three, not one (until 3 December 2026): one slow round no longer decides the figure.
        { n: 10_000, rounds: 3 },
      ];
}

/** BENCH_SYNC_SYSTEMS="ground-up" runs only those (no figures, the runs in the detail). */
function syncSystems(): ('ground-up' | 'pouchdb' | 'ground-up-closed')[] | undefined {
  const given = process.env['BENCH_SYNC_SYSTEMS'];
  return given === undefined
    ? undefined
    : (given.split(',') as ('ground-up' | 'pouchdb' | 'ground-up-closed')[]);
}
const wants = (s: string) => !only || only.includes(s);
/** Seconds each section may take before it is abandoned and reported as failed. */
const LIMIT_S: Record<string, number> = {
  save: 300,
  cold: 120,
  lighthouse: 240,
  sync: 900,
  scale: 240,
  ingest: 300,
  // Seeding 1,000,000 changes through the push path is most of it.
  snapshot: 1800,
  servers: 1800,
  a11y: 600,
  screens: 1800,
  // Seeding 800 teams of 40 members is most of it.
  org: 1800,
};
const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

/**
 * BENCH_KEEP=1 with BENCH_ONLY: the last run's figures, each marked with the
 * day it was measured, for the sections this run does not measure.
 */
function keptFigures(): Figure[] {
  if (process.env['BENCH_KEEP'] !== '1' || !only) return [];
  const last = JSON.parse(readFileSync('bench/results.json', 'utf8')) as Results;
  const day = last.startedAt.slice(0, 10);
  return last.figures.map((f) => {
    const already = /\(measured \d{4}-\d{2}-\d{2}, not in this run\)$/.test(f.note ?? '');
    if (already) return f;
    const mark = `(measured ${day}, not in this run)`;
    return { ...f, note: f.note ? `${f.note} ${mark}` : mark };
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const results: Results = {
    startedAt: new Date(started).toISOString(),
    durationS: 0,
    machine: await machineInfo(await chromiumVersion(), PG_URL),
    figures: [],
    errors: [],
    detail: {},
  };
  const kept = keptFigures();
  const write = () => {
    results.durationS = (Date.now() - started) / 1000;
    const measured = results.figures.filter((f) => !kept.includes(f));
    const ran = new Set(measured.map((f) => f.section));
    // In the order of the sections' numbers ("5. Server ingest …"), kept ones among them.
    const number = (f: Figure) => Number.parseInt(f.section, 10) || 0;
    results.figures = [...measured, ...kept.filter((f) => !ran.has(f.section))].sort(
      (a, b) => number(a) - number(b),
    );
    writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
    writeFileSync('bench/RESULTS.md', markdown(results));
  };
  const writeFormatted = async () => {
    write();
    // So that `prettier --check .` passes on the committed file.
    writeFileSync('bench/RESULTS.md', await format(markdown(results), { parser: 'markdown' }));
  };
  const section = async (
    name: string,
    run: () => Promise<{ figures: Figure[]; detail: unknown }>,
  ) => {
    if (!wants(name)) return;
    log(`${name}…`);
    const t0 = Date.now();
    try {
      // A watchdog, so that one stuck section cannot keep the run from finishing.
      let timer: NodeJS.Timeout | undefined;
      const watchdog = new Promise<never>((_, fail) => {
        timer = setTimeout(
          () => fail(new Error(`timed out after ${LIMIT_S[name] ?? 300} s`)),
          (LIMIT_S[name] ?? 300) * 1000,
        );
      });
      const r = await Promise.race([run(), watchdog]).finally(() => clearTimeout(timer));
      results.figures.push(...r.figures);
      results.detail[name] = r.detail;
    } catch (e) {
      if (e instanceof PartlyMeasured) {
        results.figures.push(...e.figures);
        results.detail[name] = e.detail;
      }
      const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
      results.errors.push({ section: name, message: message.split('\n').slice(0, 3).join(' ') });
      log(`${name} FAILED: ${message}`);
    }
    log(`${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    write();
  };

  if (process.env['BENCH_SKIP_BUILD'] !== '1') {
    log('building the app (npm run build: vite build, then the packed copies)…');
    const b = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (b.status !== 0) throw new Error('npm run build failed');
  }
  await section('bundle', async () => bundleFigures());

  const dir = mkdtempSync(join(tmpdir(), 'ground-up-bench-server-'));
  // The bench pushes 10,000 changes as one member and pulls as fast as it can:
  // it measures speed, so the per-member fair-use limits are lifted.
  const lifted = { points: 2_000_000_000, durationSec: 60 };
  const server = await startServer({
    port: 0,
    sqlitePath: join(dir, 'bench.sqlite'),
    staticDir: 'dist',
    log: () => undefined,
    limits: { ...DEFAULT_LIMITS, pushBytes: lifted, records: lifted, pulls: lifted },
  });
  const guProxy = await startProxy(server.url);
  const pouch = await startPouchServer();
  const pouchProxy = await startProxy(pouch.url);
  try {
    await section('save', () => saveFigures(guProxy.url));
    await section('cold', () => coldStartFigures(guProxy.url));
    await section('lighthouse', () => lighthouseFigures(`${server.url}/`));
    await section('a11y', () => pagesA11yFigures(server.url));
    await section('screens', () => screensA11yFigures(server.url, log));
    await section('sync', () =>
      syncFigures({
        store: server.store,
        guProxy,
        pouchUrl: pouch.url,
        pouchProxy,
        sizes: syncSizes(),
        systems: syncSystems(),
        log,
      }),
    );
    await section('scale', () => scaleFigures(guProxy.url));
  } finally {
    await pouchProxy.close();
    await pouch.close();
    await guProxy.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  await section('ingest', () => ingestFigures(PG_URL));
  await section('snapshot', () => snapshotFigures(log));
  await section('org', () => orgFigures(PG_URL, orgSizes(), log));
  await section('servers', () => serversFigures(PG_URL, log));
  await writeFormatted();
  log(
    `wrote bench/results.json and bench/RESULTS.md in ${Math.round((Date.now() - started) / 1000)} s`,
  );
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
