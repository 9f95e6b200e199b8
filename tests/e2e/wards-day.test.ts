/**
 * A ward's day at 360×640 (issue 17), asserting what each person sees: Asha
 * starts the team on her phone, Ben joins and captures offline, the sync bar
 * says where his ideas are, a huddle runs on phones and on Asha's locked
 * tablet, voting closes after a confirm, and the board fits a 1080p TV.
 * The ward TV is not a member: Asha makes it a board link on the Team
 * screen, the TV (its own browser) shows the huddle and hears each vote, and
 * once she withdraws the link the TV says so. Ben learns of the huddle from
 * the open-huddle banner on his capture screen.
 * The pieces are tested in depth elsewhere (phone-layout, huddle-flow,
 * huddle, tv-board, sync-bar); this walks them as one day.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  openApp,
  openPhone,
  serveBuiltApp,
  waitChecked,
  waitCount,
  type Phone,
  type TestServer,
} from './support.ts';
import { capture, joinByLink, startTeam } from './app.ts';

let server: TestServer;
let asha: Phone;
let ben: Phone;
let tv: Phone;
beforeAll(async () => {
  server = await serveBuiltApp();
  asha = await openPhone(server.url);
  ben = await openPhone(server.url);
  tv = await openPhone(server.url);
  for (const p of [asha, ben]) await p.page.setViewportSize({ width: 360, height: 640 });
  await tv.page.setViewportSize({ width: 1920, height: 1080 });
});
afterAll(async () => {
  await asha.close();
  await ben.close();
  await tv.close();
  await server.close();
});

const bar = (page: Page) => page.getByTestId('sync-status').getByRole('status');
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main (phone)' });

it('walks a ward’s day on phones, a locked tablet and the TV', async () => {
  const a = asha.page;
  const b = ben.page;

  // Morning: Asha starts the team from the phone's bottom menu.
  await openApp(a);
  await nav(a).getByRole('link', { name: 'More' }).click();
  await a.getByRole('main').getByRole('link', { name: 'Team' }).click();
  const code = await startTeam(a, 'Ward 7', 'Asha');
  await a.goto('/');
  await capture(a, 'Fridge key on a lanyard');

  // Ben joins, then captures on a ward with no signal.
  await openApp(b);
  await joinByLink(b, code, 'Ben');
  await b.goto('/');
  await ben.context.setOffline(true);
  await capture(b, 'Spare pumps in bay 3');
  await bar(b).filter({ hasText: 'No connection — 1 change waiting on this phone' }).waitFor();
  await ben.context.setOffline(false);
  await b.getByTestId('sync-status').getByRole('button', { name: 'Sync now' }).click();
  await bar(b).filter({ hasText: 'All synced' }).waitFor({ timeout: 30_000 });
  await b.getByTestId('my-idea').filter({ hasText: 'Sent' }).waitFor();

  // The ward TV gets a board link: it shows the board without joining the team.
  await a.goto('/team');
  await a.getByRole('button', { name: 'Make a board link' }).click();
  const boardLink = (await a.getByTestId('board-link').textContent()) ?? '';
  expect(boardLink).toMatch(/\/huddles\/tv#[A-Za-z0-9_-]{40,}$/);
  const t = tv.page;
  await t.goto(boardLink);
  await t.getByText('No huddle yet').waitFor();
  expect(await t.locator('.app-header').isVisible()).toBe(false);

  // The huddle: the day's ideas come ticked.
  await nav(a).getByRole('link', { name: 'Huddles' }).click();
  await a.getByLabel('Spare pumps in bay 3', { exact: true }).waitFor({ timeout: 30_000 });
  await waitChecked(a.getByLabel('Fridge key on a lanyard', { exact: true }));
  await waitChecked(a.getByLabel('Spare pumps in bay 3', { exact: true }));
  await a.getByLabel('Title').fill('Afternoon huddle');
  await a.getByRole('button', { name: 'Start huddle' }).click();
  await a.getByRole('heading', { level: 1, name: 'Afternoon huddle' }).waitFor();
  const url = new URL(a.url()).pathname;
  await t.getByRole('heading', { name: 'Afternoon huddle' }).waitFor({ timeout: 30_000 });
  await t.getByTestId('hidden-note').filter({ hasText: '0 people have voted' }).waitFor();

  // Ben hears of it on his capture screen and goes to vote; "dots left" is in sight.
  await b.goto('/');
  const banner = b.getByRole('region', { name: 'Important' });
  await banner
    .filter({ hasText: 'A huddle is open: Afternoon huddle' })
    .waitFor({ timeout: 30_000 });
  await banner.getByRole('link', { name: 'Place your dots' }).click();
  await b.getByRole('heading', { level: 1, name: 'Afternoon huddle' }).waitFor();
  await b
    .getByRole('button', { name: 'Add a dot: Spare pumps in bay 3' })
    .click({ timeout: 30_000 });
  await b.getByTestId('dots-left').filter({ hasText: '2 of 3 dots left' }).waitFor();
  // The TV hears the vote arrive (how many have voted; where stays hidden till the close).
  await t.getByTestId('hidden-note').filter({ hasText: '1 person has voted' }).waitFor();

  // Asha passes her phone round as the tablet: locked to voting.
  await a.getByRole('link', { name: 'Pass the tablet round' }).click();
  await a.getByTestId('tablet-locked').waitFor();
  expect(await nav(a).isVisible()).toBe(false);
  await a.getByLabel('Asha', { exact: true }).check();
  await a.getByRole('button', { name: 'Start voting' }).click();
  await a.getByRole('button', { name: 'Add a dot: Fridge key on a lanyard' }).click();
  await a.getByTestId('dots-left').filter({ hasText: '2 of 3 dots left' }).waitFor();
  await a.getByRole('button', { name: 'Done, pass the tablet on' }).click();
  await a.getByRole('button', { name: 'Unlock the tablet (facilitator)' }).click();
  await a
    .getByRole('group', { name: 'Unlock the tablet?' })
    .getByRole('button', { name: 'Unlock', exact: true })
    .click();

  // Closing asks first; then the result is on every phone.
  await a.getByRole('button', { name: 'Close voting' }).click();
  await a
    .getByRole('group', { name: 'Close voting?' })
    .getByRole('button', { name: 'Close voting' })
    .click();
  await a.getByRole('table', { name: 'Result' }).waitFor();
  await b.getByRole('table', { name: 'Result' }).waitFor({ timeout: 30_000 });

  // The board on the ward TV.
  await a.setViewportSize({ width: 1920, height: 1080 });
  await a.goto(`${url}/board`);
  await a.getByRole('table', { name: 'Result' }).waitFor();
  expect(await a.locator('.app-header').isVisible()).toBe(false);
  expect(await a.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);

  // The TV shows the result too; then Asha withdraws its link and the TV says what to do.
  const result = t.getByRole('table', { name: 'Result' });
  await result.waitFor();
  await waitCount(result.getByTestId('result-row'), 2);
  expect(await t.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);
  await a.setViewportSize({ width: 360, height: 640 });
  await a.goto('/team');
  await a.getByRole('button', { name: /^Withdraw the board link made/ }).click();
  await a.getByRole('alertdialog').getByRole('button', { name: 'Withdraw link' }).click();
  await a.getByRole('status').filter({ hasText: 'Board link withdrawn' }).waitFor();
  await t.getByRole('heading', { name: 'This board link no longer works' }).waitFor();
  expect(await t.getByTestId('tv-stopped').textContent()).toMatch(/make a new board link/);
});
