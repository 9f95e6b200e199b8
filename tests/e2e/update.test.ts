/**
 * A new version of the app, end to end: the service worker (registered with
 * the browser's own API, src/ui/serviceWorker.ts) finds an updated sw.js,
 * installs it and leaves it waiting; the page offers "Reload" — at once, and
 * again after a reload while it still waits — and never reloads by itself;
 * the person's tap activates the new worker and reloads the page under it.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/main.ts';
import { compressFile } from '../../scripts/compressDist.ts';
import { openApp, openPhone } from './support.ts';

/** The built app copied aside, so the test can publish a next version of sw.js in it. */
let dir: string;
let server: RunningServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ground-up-update-'));
  cpSync('dist', join(dir, 'dist'), { recursive: true });
  server = await startServer({
    port: 0,
    sqlitePath: join(dir, 'e2e.sqlite'),
    staticDir: join(dir, 'dist'),
    log: () => undefined,
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

it('offers a waiting update, keeps the page until the person taps Reload, then runs the new version', async () => {
  const phone = await openPhone(server.url);
  try {
    const { page } = phone;
    await openApp(page);
    // The next version: the same worker, one byte-different line on the end,
    // packed again as `npm run build` packs it (the server sends the packed copy).
    appendFileSync(join(dir, 'dist', 'sw.js'), '\n// next version\n');
    compressFile(join(dir, 'dist', 'sw.js'));
    await page.getByLabel('Your idea').fill('Half-typed idea');
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg?.update();
    });
    const reload = page.getByRole('button', { name: 'Reload', exact: true });
    await reload.waitFor();
    await page.getByText('A new version of Ground Up is ready.').waitFor();
    // Nothing reloaded under the person's fingers.
    expect(await page.getByLabel('Your idea').inputValue()).toBe('Half-typed idea');
    const waitingScript = () =>
      page.evaluate(
        async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null,
      );
    expect(await waitingScript()).toBe(true);

    // Still waiting after a reload: offered again at once.
    await page.reload();
    await reload.waitFor();

    await page.evaluate(() => Object.assign(window, { oldPage: true }));
    await reload.click();
    await page.waitForFunction(() => !('oldPage' in window) && navigator.serviceWorker.controller);
    await page.getByLabel('Your idea').waitFor();
    expect(await waitingScript()).toBe(false);
  } finally {
    await phone.close();
  }
});
