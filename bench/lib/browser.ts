/**
 * Debian's Chromium through playwright-core, with the e2e flags; the page
 * harness (bench/page/harness.ts) bundled once by esbuild; CPU throttling
 * through CDP.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME, CHROME_ARGS } from '../../tests/e2e/support.ts';

export { CHROME, CHROME_ARGS };

let harness: string | null = null;

/** The harness as one IIFE script (the app's own modules, bundled for the page). */
export async function harnessCode(): Promise<string> {
  if (harness !== null) return harness;
  const out = await build({
    entryPoints: ['bench/page/harness.ts'],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  harness = out.outputFiles[0]?.text ?? '';
  return harness;
}

export async function injectHarness(page: Page): Promise<void> {
  const code = await harnessCode();
  await page.evaluate(code);
}

export type Phone = {
  readonly profile: string;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
};

/** A fresh persistent profile (its own IndexedDB and service worker). */
export async function launchPhone(
  baseURL: string,
  opts: { profile?: string; initScript?: string; offline?: boolean } = {},
): Promise<Phone> {
  const profile = opts.profile ?? mkdtempSync(join(tmpdir(), 'ground-up-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME,
    args: CHROME_ARGS,
    headless: true,
    baseURL,
    bypassCSP: true,
    viewport: { width: 390, height: 844 },
  });
  // tsx (esbuild, keepNames) wraps functions the bench passes to page.evaluate in __name().
  await context.addInitScript('globalThis.__name = (f) => f;');
  if (opts.initScript) await context.addInitScript(opts.initScript);
  if (opts.offline) await context.setOffline(true);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    profile,
    context,
    page,
    async close() {
      await context.close();
      if (!opts.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** 1 = no throttling; 4 = a phone four times slower than this machine. */
export async function throttle(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

export async function chromiumVersion(): Promise<string> {
  const b = await chromium.launch({ executablePath: CHROME, args: CHROME_ARGS, headless: true });
  const v = b.version();
  await b.close();
  return v;
}
