/**
 * The sync bar's words in each state, in Chromium against the built app and
 * the real server (issue 17): before joining; all synced; no connection (with
 * nothing waiting, and with a change waiting); "Sync now" while offline saying
 * it tried; the server down while the network is fine; back to "All synced"
 * after a good pass; and a change the server turned down, never beside
 * "All synced".
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, openPhone, serveBuiltApp, type Phone, type TestServer } from './support.ts';
import { barSays, capture, joinByLink, setRole, startTeam, syncBar } from './app.ts';

let server: TestServer;
let a: Phone;
let b: Phone;
beforeAll(async () => {
  server = await serveBuiltApp();
  a = await openPhone(server.url);
  b = await openPhone(server.url);
});
afterAll(async () => {
  await a.close();
  await b.close();
  await server.close();
});

const headline = async (page: Page) =>
  ((await syncBar(page).getByRole('status').textContent()) ?? '').trim();

it('says what is happening to your changes in every state', async () => {
  // Not joined yet: kept on this phone until you join, and no "Sync now" to press.
  await openApp(b.page);
  await barSays(b.page, 'Ideas are kept on this phone until you join a team');
  expect(await syncBar(b.page).textContent()).not.toContain('All synced');
  expect(await syncBar(b.page).getByRole('button', { name: 'Sync now' }).count()).toBe(0);
  await capture(b.page, 'Spare charger at the nurses station');
  await barSays(b.page, '1 change kept on this phone until you join a team');

  // Joined: the idea is sent.
  await openApp(a.page);
  const code = await startTeam(a.page, 'Ward 7', 'Asha');
  await joinByLink(b.page, code, 'Ben');
  await b.page.goto('/');
  await syncBar(b.page).getByRole('button', { name: 'Sync now' }).click();
  await barSays(b.page, 'All synced');

  // No connection: nothing waiting is said as such, not as "0 saved".
  await b.context.setOffline(true);
  await barSays(b.page, 'No connection — everything you saved is sent');
  await capture(b.page, 'Fridge log by the door');
  await barSays(b.page, 'No connection — 1 change waiting on this phone');
  await syncBar(b.page).getByText('They are safe here and will be sent automatically.').waitFor();
  // "Sync now" while offline says that it tried.
  await syncBar(b.page).getByRole('button', { name: 'Sync now' }).click();
  await syncBar(b.page).getByText('Tried just now: still no connection.').waitFor();

  // The network is back but the server is down: not "No connection".
  await server.stop();
  await b.context.setOffline(false);
  await syncBar(b.page).getByRole('button', { name: 'Sync now' }).click();
  await barSays(b.page, 'The server is not answering — 1 change waiting on this phone');
  await syncBar(b.page).getByText('Tried just now: the server still did not answer.').waitFor();

  // The server is back: one good pass and the bar says so, whatever events came before.
  await server.restart();
  await syncBar(b.page).getByRole('button', { name: 'Sync now' }).click();
  await barSays(b.page, 'All synced');
  expect(await syncBar(b.page).textContent()).not.toContain('Tried just now');

  // A change the server turns down: Ben, made facilitator, starts a huddle offline
  // while Asha makes him a member again.
  await a.page.goto('/team');
  await setRole(a.page, 'Ben', 'facilitator');
  await b.page.goto('/huddles');
  await syncBar(b.page).getByRole('button', { name: 'Sync now' }).click();
  await b.page.getByRole('button', { name: 'Start huddle' }).waitFor({ timeout: 20_000 });
  await b.context.setOffline(true);
  await b.page.getByLabel('Title').fill('Ben’s huddle');
  await b.page.getByLabel('Fridge log by the door', { exact: true }).check();
  await b.page.getByRole('button', { name: 'Start huddle' }).click();
  await b.page.getByRole('heading', { level: 1, name: 'Ben’s huddle' }).waitFor();
  await setRole(a.page, 'Ben', 'member');
  await b.context.setOffline(false);
  await syncBar(b.page).getByRole('button', { name: 'Sync now' }).click();
  await barSays(b.page, /^Synced, except \d+ changes? the server turned down$/);
  await syncBar(b.page)
    .getByRole('link', { name: /needs? attention$/ })
    .waitFor();
  expect(await headline(b.page)).not.toContain('All synced');
  expect(await syncBar(b.page).textContent()).not.toContain('All synced');
});
