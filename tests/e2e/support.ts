/**
 * End-to-end support: the built app (dist/) served by the real server on a
 * free loopback port with a fresh SQLite file, and Debian's Chromium driven by
 * playwright-core. Persistent profiles let a test close a "phone's" browser and
 * open it again on the same IndexedDB and service worker.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LimitSettings } from '../../server/http/limits.ts';
import { startServer, type RunningServer } from '../../server/main.ts';
import type { SignInSettings } from '../../server/signIn/settings.ts';
import { createServer } from 'node:net';

/** A loopback port free at the moment of asking (for a server whose URL must be known before it starts). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((ok) => probe.close(ok));
  return port;
}

export const CHROME =
  process.env['CHROME_PATH'] ??
  (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : 'chromium');

/** Flags from the machine notes; Background Sync retries every 2 s instead of 5 min. */
export const CHROME_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--force-fieldtrials=BackgroundSync/Probe',
  '--force-fieldtrial-params=BackgroundSync.Probe:initial_retry_delay_sec/2/retry_delay_factor/1/max_sync_attempts/5',
];

/**
 * The real server on a free port over a fresh SQLite file. `stop()` and
 * `restart()` take it away and bring it back on the same port and file, which
 * is how a test cuts every path to it, the service worker's included.
 */
export type TestServer = {
  readonly url: string;
  readonly dir: string;
  readonly logs: string[];
  stop(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
};

export async function serveBuiltApp(
  opts: {
    limits?: LimitSettings;
    allowHttpPushEndpoints?: boolean;
    /** Staff sign-in against a test provider (its redirect needs `port` known first). */
    signIn?: SignInSettings;
    /** Default: a free one. */
    port?: number;
  } = {},
): Promise<TestServer> {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'ground-up-e2e-'));
  const logs: string[] = [];
  const start = (port: number) =>
    startServer({
      port,
      sqlitePath: join(dir, 'e2e.sqlite'),
      staticDir: 'dist',
      log: (line) => logs.push(line),
      ...opts,
    });
  let running: RunningServer | null = await start(opts.port ?? 0);
  const port = running.port;
  return {
    url: running.url,
    dir,
    logs,
    async stop() {
      await running?.close();
      running = null;
    },
    async restart() {
      running ??= await start(port);
    },
    async close() {
      await running?.close();
      running = null;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A "phone": a persistent Chromium profile that can be closed and reopened. */
/**
 * The built app served for one test file, with the phones it opens closed at
 * the end: `const ward = servedWard();` then `await ward.phone()` in a test.
 */
export function servedWard(opts: Parameters<typeof serveBuiltApp>[0] = {}) {
  let server: TestServer | undefined;
  const phones: Phone[] = [];
  beforeAll(async () => {
    server = await serveBuiltApp(opts);
  });
  afterAll(async () => {
    for (const p of phones) await p.close();
    await server?.close();
  });
  return {
    get server(): TestServer {
      if (!server) throw new Error('the app is served only once the tests run');
      return server;
    },
    async phone(): Promise<Phone> {
      const p = await openPhone(this.server.url);
      phones.push(p);
      return p;
    },
  };
}

export type Phone = {
  readonly profile: string;
  context: BrowserContext;
  page: Page;
  reopen(opts?: { offline?: boolean }): Promise<void>;
  close(): Promise<void>;
};

export async function openPhone(
  baseURL: string,
  opts: {
    initScript?: string;
    profile?: string;
    timezoneId?: string;
    /**
     * Chromium's own Background Sync retries (5 minutes after a failed `sync`
     * event), as on a real phone, instead of the tests' every 2 s.
     */
    browserSyncRetries?: boolean;
  } = {},
): Promise<Phone> {
  const profile = opts.profile ?? mkdtempSync(join(tmpdir(), 'ground-up-profile-'));
  const args = opts.browserSyncRetries
    ? CHROME_ARGS.filter((a) => !a.startsWith('--force-fieldtrial'))
    : CHROME_ARGS;
  const launch = async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROME,
      args,
      headless: true,
      baseURL,
      viewport: { width: 390, height: 844 },
      locale: 'en-GB',
      ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}),
    });
    if (opts.initScript) await context.addInitScript(opts.initScript);
    const page = context.pages()[0] ?? (await context.newPage());
    return { context, page };
  };
  const first = await launch();
  const phone: Phone = {
    profile,
    ...first,
    async reopen(o = {}) {
      await phone.context.close();
      const next = await launch();
      phone.context = next.context;
      phone.page = next.page;
      if (o.offline) await phone.context.setOffline(true);
    },
    async close() {
      await phone.context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return phone;
}

/**
 * A time zone in which it is about midday now (Etc/GMT-N is N hours ahead of
 * UTC): for a phone whose behaviour depends on the hour, such as notifications
 * held back in the default quiet hours (22:00–07:00), so a test run at night
 * behaves as one run by day.
 */
export function middayZone(at = Date.now()): string {
  const ahead = 12 - new Date(at).getUTCHours(); // -11 … 12
  if (ahead === 0) return 'Etc/GMT';
  return ahead > 0 ? `Etc/GMT-${ahead}` : `Etc/GMT+${-ahead}`;
}

/** Load the app and wait until its service worker controls the page. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  const controlled = await page.evaluate(async () => {
    const timeout = new Promise<never>((_, fail) =>
      setTimeout(() => fail(new Error('no service worker became ready within 30 s')), 30_000),
    );
    await Promise.race([navigator.serviceWorker.ready, timeout]);
    return navigator.serviceWorker.controller !== null;
  });
  // A first visit is controlled only from the next load (unless the worker claims clients).
  if (!controlled) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
}

/**
 * Wait until a checkbox or radio is ticked (or, with `false`, not ticked):
 * the state itself, which a redraw may set a frame after the text near it.
 */
export async function waitChecked(box: Locator, checked = true): Promise<void> {
  await box.and(box.page().locator(checked ? ':checked' : ':not(:checked)')).waitFor();
}

/** Wait until exactly `n` elements match (rows drawn as data arrives, say). */
export async function waitCount(items: Locator, n: number, ms = 20_000): Promise<void> {
  let last = -1;
  await waitFor(`${n} matching elements`, async () => (last = await items.count()) === n, ms).catch(
    () => {
      throw new Error(
        `expected ${n} matching elements, saw ${last} for ${ms} ms: ${String(items)}`,
      );
    },
  );
}

/** Poll until `check` returns true, or fail after `ms` with `what`. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  ms = 20_000,
): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

/** axe's violations on the page (WCAG 2.2 A and AA and best practice), one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}
