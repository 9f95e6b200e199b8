/**
 * A phone over its fair-use limit, in real Chromium: the server refuses its
 * push with 429, Retry-After and words; the sync bar shows those words, and
 * the idea stays saved on the phone, waiting (nothing is lost). The page's own
 * scheduler sends (Background Sync removed), so the page sees the refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../server/http/limits.ts';
import { openApp, openPhone, serveBuiltApp, waitFor, type TestServer } from './support.ts';
import { capture, serverCounts, startTeam } from './app.ts';
import { loadCatalogues } from '../catalogues.ts';
import { welshLookup } from './welshCheck.ts';

const CAPTURE = 'ui/screens/capture/capture';

let server: TestServer;
beforeAll(async () => {
  server = await serveBuiltApp({
    limits: { ...DEFAULT_LIMITS, records: { points: 1, durationSec: 86_400 } },
  });
});
afterAll(async () => {
  await server.close();
});

const NO_BACKGROUND_SYNC = `
  delete ServiceWorkerRegistration.prototype.sync;
  delete globalThis.SyncManager;
`;

describe('a phone over its changes for the day', () => {
  it('shows the server’s words in the sync bar and keeps the idea waiting', async () => {
    const phone = await openPhone(server.url, { initScript: NO_BACKGROUND_SYNC });
    try {
      await openApp(phone.page);
      await startTeam(phone.page, 'Ward 5', 'Asha');
      await phone.page.goto('/');
      await capture(phone.page, 'Spare obs machine in bay 3');
      await waitFor('the first idea on the server', async () =>
        serverCounts(server).titles.includes('Spare obs machine in bay 3'),
      );
      await capture(phone.page, 'Water jugs refilled at 2pm');
      const problem = phone.page.locator('.sync-bar__problem');
      await problem.getByText(/more than 1 changes today/).waitFor({ timeout: 20_000 });
      const words = await problem.innerText();
      console.log(`sync bar: ${words}`);
      expect(words).toMatch(/Nothing is lost/);
      expect(words).toMatch(/in \d+ hours/);
      expect(serverCounts(server).titles).not.toContain('Water jugs refilled at 2pm');
      expect(server.logs.some((l) => /^POST \/api\/v1\/sync\/push(\/checked)? 429 /.test(l))).toBe(
        true,
      );
    } finally {
      await phone.close();
    }
  });

  it('says the server’s words again in Welsh on a Welsh phone', async () => {
    const cy = welshLookup(await loadCatalogues());
    const phone = await openPhone(server.url, { initScript: NO_BACKGROUND_SYNC });
    try {
      const page = phone.page;
      await openApp(page);
      await startTeam(page, 'Ward 6', 'Siân');
      await page.goto('/');
      await capture(page, 'Bwrdd gwyn yn y gegin');
      await waitFor('the Welsh phone’s first idea on the server', async () =>
        serverCounts(server).titles.includes('Bwrdd gwyn yn y gegin'),
      );
      // Cymraeg chosen (as Settings keeps it), then a second idea: over the day's changes.
      await page.evaluate(() => localStorage.setItem('groundup.lang', 'cy'));
      await page.reload();
      await page.getByLabel(cy(CAPTURE, 'yourIdea')).fill('Gwirio’r oergell bob bore');
      await page.getByRole('button', { name: cy(CAPTURE, 'save'), exact: true }).click();
      const problem = page.locator('.sync-bar__problem');
      await problem.getByText(/^Rydych wedi cadw mwy na 1 o newidiadau heddiw/).waitFor({
        timeout: 20_000,
      });
      const words = await problem.innerText();
      console.log(`Welsh sync bar: ${words}`);
      expect(words).toMatch(/Does dim wedi’i golli/);
      expect(words).toMatch(/ymhen \d+ awr\.$/);
      expect(words).not.toMatch(/Nothing is lost|changes today|hours/);
    } finally {
      await phone.close();
    }
  });
});
