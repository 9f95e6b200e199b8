/**
 * `npm run bench:against`: the same bench sections on an earlier commit and on
 * this one, side by side in one run on one machine, so "not slower than
 * before" is a measurement rather than two numbers from different days.
 *
 * Each side is a clean `git worktree` of its commit (this one is HEAD, so
 * commit first), installed and built on its own. Then the sections
 * (BENCH_ONLY, default save,sync,ingest) run BENCH_ROUNDS times per side
 * (default 2), the sides taking turns and swapping who goes first each round,
 * so that whatever else the machine is doing falls on both. Each side runs its
 * own bench/run.ts: the measuring code of the sections compared here has not
 * changed since the default commit (`git diff 50e6534 -- bench/sections`)
 * but in one way: the ingest section's fresh pull now asks for plain JSON,
 * which is what 50e6534's server always sent, and measures the gzip pull as a
 * figure of its own (which the earlier side does not have).
 *
 * Writes bench/AGAINST.md and bench/against.json. Nothing is asserted.
 *
 *   BENCH_AGAINST=<commit>   the earlier side (default 50e6534: main just
 *                            before issue 10's one registry of kinds)
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'prettier';
import type { Results } from './lib/report.ts';
import { fmt, type Figure } from './lib/result.ts';

const here = resolve(import.meta.dirname, '..');
const against = process.env['BENCH_AGAINST'] ?? '50e6534';
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 2);
const sections = process.env['BENCH_ONLY'] ?? 'save,sync,ingest';
const log = (s: string) => console.log(`[against ${new Date().toISOString().slice(11, 19)}] ${s}`);

function run(cmd: string, args: string[], opts: SpawnSyncOptions = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} failed (${r.status}): ${String(r.stderr).slice(-2000)}`,
    );
  }
  return String(r.stdout ?? '').trim();
}

type Side = { label: 'before' | 'now'; commit: string; dir: string; runs: Results[] };

/** A worktree of `commit`, installed and built: node_modules is copied as hard links when its lockfile is this one's. */
function prepare(label: Side['label'], ref: string, root: string): Side {
  const commit = run('git', ['rev-parse', '--short', ref], { cwd: here });
  const dir = join(root, label);
  log(`${label}: worktree of ${commit}…`);
  run('git', ['worktree', 'add', '--detach', dir, commit], { cwd: here });
  const same = (file: string) =>
    existsSync(join(here, file)) &&
    existsSync(join(dir, file)) &&
    readFileSync(join(here, file), 'utf8') === readFileSync(join(dir, file), 'utf8');
  if (same('package-lock.json') && existsSync(join(here, 'node_modules'))) {
    run('cp', ['-al', join(here, 'node_modules'), join(dir, 'node_modules')]);
  } else {
    log(`${label}: npm ci (its lockfile differs from this one's)…`);
    run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore' });
  }
  if (existsSync(join(dir, 'bench', 'install.mjs'))) {
    if (same('bench/package-lock.json') && existsSync(join(here, 'bench', 'node_modules'))) {
      run('cp', ['-al', join(here, 'bench', 'node_modules'), join(dir, 'bench', 'node_modules')]);
    } else {
      run('node', ['bench/install.mjs'], { cwd: dir, stdio: 'inherit' });
    }
  }
  log(`${label}: building…`);
  // As that commit built itself: its `npm run build` where it packs its files
  // (scripts/compressDist.ts, decision 0034), plain `vite build` before that.
  if (existsSync(join(dir, 'scripts', 'compressDist.ts')))
    run('npm', ['run', 'build'], { cwd: dir, stdio: 'ignore' });
  else run('npx', ['vite', 'build'], { cwd: dir, stdio: 'ignore' });
  return { label, commit, dir, runs: [] };
}

function benchOnce(side: Side): void {
  log(`${side.label} (${side.commit}): ${sections}… (load ${loadavg()[0]!.toFixed(1)})`);
  spawnSync('node', ['--import', 'tsx', 'bench/run.ts'], {
    cwd: side.dir,
    stdio: 'inherit',
    env: { ...process.env, BENCH_ONLY: sections, BENCH_SKIP_BUILD: '1' },
  });
  const results = JSON.parse(
    readFileSync(join(side.dir, 'bench', 'results.json'), 'utf8'),
  ) as Results;
  for (const e of results.errors) log(`${side.label}: section ${e.section} FAILED: ${e.message}`);
  side.runs.push(results);
}

/** Which way is better for a figure: the bench's units say it, but × is a speed-up or a ratio of bytes. */
function better(f: Figure): 'lower' | 'higher' | null {
  if (f.unit === 'ms' || f.unit === 'B') return 'lower';
  if (f.unit === '/s') return 'higher';
  if (f.unit === '×') return /speed-up/i.test(f.name) ? 'higher' : 'lower';
  return null;
}

/** The middle value; the mean of the middle two when there is an even number. */
function median(v: readonly number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const key = (f: Figure) => `${f.section} — ${f.name}`;

type Row = {
  figure: string;
  unit: string;
  better: 'lower' | 'higher';
  before: number[];
  now: number[];
  change: number;
  verdict: 'better' | 'same' | 'worse';
};

/** Within 5 % either way, or inside the spread of the rounds themselves, is "the same". */
function compare(before: Side, now: Side): Row[] {
  const values = (side: Side) => {
    const m = new Map<string, { f: Figure; v: number[] }>();
    for (const r of side.runs) {
      for (const f of r.figures) {
        if (f.value === null || !Number.isFinite(f.value) || better(f) === null) continue;
        const e = m.get(key(f)) ?? { f, v: [] };
        e.v.push(f.value);
        m.set(key(f), e);
      }
    }
    return m;
  };
  const b = values(before);
  const n = values(now);
  const rows: Row[] = [];
  for (const [k, { f, v: bv }] of b) {
    const nv = n.get(k)?.v;
    if (!nv) continue;
    const dir = better(f)!;
    const mb = median(bv);
    const mn = median(nv);
    const change = mb === 0 ? 0 : (mn - mb) / mb;
    const overlap = Math.min(...nv) <= Math.max(...bv) && Math.min(...bv) <= Math.max(...nv);
    const gain = dir === 'lower' ? -change : change;
    const verdict = Math.abs(change) <= 0.05 || overlap ? 'same' : gain > 0 ? 'better' : 'worse';
    rows.push({ figure: k, unit: f.unit, better: dir, before: bv, now: nv, change, verdict });
  }
  return rows;
}

function markdown(before: Side, now: Side, rows: Row[], started: number, loads: number[]): string {
  const list = (v: number[]) => v.map((x) => fmt(x)).join(', ');
  const lines = [
    '# Ground Up benchmark: before and after, in one run',
    '',
    `Produced by \`npm run bench:against\` on ${new Date(started).toISOString()} in ${Math.round((Date.now() - started) / 1000)} s: sections ${sections}, ${rounds} rounds per side, the sides taking turns. Before: ${before.commit}; now: ${now.commit}. One-minute load average when each run began: ${loads.map((l) => l.toFixed(1)).join(', ')} (2 cores). A change within 5 %, or inside the spread of the rounds, counts as the same.`,
    '',
    `| figure | better | before (${before.commit}) | now (${now.commit}) | change of the medians | verdict |`,
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const verdict = r.verdict === 'worse' ? '**worse**' : r.verdict;
    lines.push(
      `| ${r.figure.replace(/\|/g, '\\|')} | ${r.better} | ${list(r.before)} ${r.unit} | ${list(r.now)} ${r.unit} | ${r.change >= 0 ? '+' : ''}${(r.change * 100).toFixed(1)} % | ${verdict} |`,
    );
  }
  const errors = [...before.runs, ...now.runs].flatMap((r) => r.errors);
  if (errors.length > 0) {
    lines.push('', '## Sections that failed', '');
    for (const e of errors) lines.push(`- ${e.section}: ${e.message.replace(/\n/g, ' ')}`);
  }
  lines.push('');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'ground-up-against-'));
  const sides: Side[] = [];
  const loads: number[] = [];
  try {
    const before = prepare('before', against, root);
    sides.push(before);
    const now = prepare('now', 'HEAD', root);
    sides.push(now);
    for (let i = 0; i < rounds; i++) {
      for (const side of i % 2 === 0 ? [before, now] : [now, before]) {
        loads.push(loadavg()[0]!);
        benchOnce(side);
      }
    }
    const rows = compare(before, now);
    const md = await format(markdown(before, now, rows, started, loads), { parser: 'markdown' });
    writeFileSync(join(here, 'bench', 'AGAINST.md'), md);
    writeFileSync(
      join(here, 'bench', 'against.json'),
      JSON.stringify(
        { before: before.commit, now: now.commit, sections, rounds, loads, rows },
        null,
        2,
      ) + '\n',
    );
    log(
      `wrote bench/AGAINST.md: ${rows.filter((r) => r.verdict === 'worse').length} figure(s) worse`,
    );
  } finally {
    for (const s of sides)
      spawnSync('git', ['worktree', 'remove', '--force', s.dir], { cwd: here });
    rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
