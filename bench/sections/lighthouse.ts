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
  audits: Record<
    string,
    | {
        numericValue?: number;
        score?: number | null;
        /** For a failed accessibility audit: the elements it found. */
        details?: { items?: { node?: { selector?: string; snippet?: string } }[] };
      }
    | undefined
  >;
  lighthouseVersion: string;
};

/** Where and how a run looks, when not Lighthouse's own fresh mobile browser. */
export type RunOptions = {
  /**
   * The DevTools port of a Chromium already running (a phone's profile set up
   * by the bench): Lighthouse opens its tab there and keeps the profile's
   * storage (IndexedDB, the service worker) instead of clearing it.
   */
  readonly port?: number;
  /** The screen, instead of Lighthouse's mobile default (412×823). */
  readonly screen?: { readonly width: number; readonly height: number; readonly mobile: boolean };
  /**
   * How long to wait for the network to go quiet, instead of 45 s. A screen
   * with a live event stream open never goes quiet; it has drawn long before.
   */
  readonly maxWaitForLoadMs?: number;
  /** The browser's language (navigator.languages and Accept-Language), e.g. 'cy'. */
  readonly lang?: string;
};

function optionFlags(o: RunOptions): string[] {
  const flags: string[] = [];
  if (o.port !== undefined) flags.push(`--port=${o.port}`, '--disable-storage-reset');
  if (o.maxWaitForLoadMs !== undefined) flags.push(`--max-wait-for-load=${o.maxWaitForLoadMs}`);
  if (o.screen) {
    const { width, height, mobile } = o.screen;
    flags.push(
      `--form-factor=${mobile ? 'mobile' : 'desktop'}`,
      `--screenEmulation.mobile=${mobile}`,
      `--screenEmulation.width=${width}`,
      `--screenEmulation.height=${height}`,
      `--screenEmulation.deviceScaleFactor=${mobile ? 2 : 1}`,
    );
    if (!mobile) flags.push('--no-emulatedUserAgent');
  }
  return flags;
}

/** One Lighthouse run (its default mobile settings unless `o` says) of `url`, limited to `categories`. */
export async function runLighthouse(
  url: string,
  categories: readonly string[],
  o: RunOptions = {},
): Promise<Report> {
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
          `--chrome-flags=${[...FLAGS, ...(o.lang ? [`--lang=${o.lang}`, `--accept-lang=${o.lang}`] : [])].join(' ')}`,
          ...optionFlags(o),
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
      name: 'Lighthouse mobile: LCP (simulated)',
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
