/**
 * 3b. Lighthouse 12.2.3, its default mobile run (simulated slow 4G, 4× CPU),
 * against the running server, with Debian's Chromium and the headless flags.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROME } from '../lib/browser.ts';
import type { Figure } from '../lib/result.ts';

/** Installed by bench/install.mjs into bench/node_modules (bench/package.json), not the app's. */
const LIGHTHOUSE_CLI = fileURLToPath(
  new URL('../node_modules/lighthouse/cli/index.js', import.meta.url),
);

const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export type Report = {
  categories: Record<string, { score: number | null } | undefined>;
  audits: Record<string, { numericValue?: number; score?: number | null } | undefined>;
  lighthouseVersion: string;
};

/** One Lighthouse run (its default mobile settings) of `url`, limited to `categories`. */
export async function runLighthouse(url: string, categories: readonly string[]): Promise<Report> {
  const dir = mkdtempSync(join(tmpdir(), 'ground-up-lh-'));
  const out = join(dir, 'report.json');
  try {
    await new Promise<void>((done, fail) => {
      const child = spawn(
        process.execPath,
        [
          LIGHTHOUSE_CLI,
          url,
          '--output=json',
          `--output-path=${out}`,
          `--only-categories=${categories.join(',')}`,
          `--chrome-flags=${FLAGS.join(' ')}`,
          '--quiet',
        ],
        { env: { ...process.env, CHROME_PATH: CHROME }, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
      child.on('error', fail);
      child.on('exit', (c) => {
        clearTimeout(timer);
        if (c !== 0) fail(new Error(`lighthouse exited ${c}: ${err.slice(-800)}`));
        else done();
      });
    });
    return JSON.parse(readFileSync(out, 'utf8')) as Report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A category's score out of 100, or null. */
export function categoryScore(r: Report, k: string): number | null {
  const v = r.categories[k]?.score;
  return v === null || v === undefined ? null : Math.round(v * 100);
}

export async function lighthouseFigures(url: string) {
  const r = await runLighthouse(url, ['performance', 'accessibility', 'best-practices']);
  const score = (k: string) => categoryScore(r, k);
  const ms = (k: string) => r.audits[k]?.numericValue ?? null;
  const s = '3. Cold start offline';
  const figures: Figure[] = [
    {
      section: s,
      name: `Lighthouse ${r.lighthouseVersion} mobile: performance`,
      value: score('performance'),
      unit: '/100',
    },
    {
      section: s,
      name: 'Lighthouse mobile: accessibility',
      value: score('accessibility'),
      unit: '/100',
    },
    {
      section: s,
      name: 'Lighthouse mobile: best practices',
      value: score('best-practices'),
      unit: '/100',
    },
    {
      section: s,
      name: 'Lighthouse mobile: LCP / TBT (simulated)',
      value: ms('largest-contentful-paint'),
      unit: 'ms',
      note: `FCP ${Math.round(ms('first-contentful-paint') ?? 0)} ms, TBT ${Math.round(ms('total-blocking-time') ?? 0)} ms, CLS ${ms('cumulative-layout-shift') ?? '?'}`,
    },
  ];
  const failing = Object.entries(r.audits)
    .filter(([, a]) => a?.score !== null && a?.score !== undefined && a.score < 0.9)
    .map(([k]) => k);
  return { figures, detail: { failingAudits: failing } };
}
