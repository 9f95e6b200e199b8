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
      expect(server.logs.some((l) => /^POST \/api\/v1\/sync\/push 429 /.test(l))).toBe(true);
    } finally {
      await phone.close();
    }
  });
});
