/**
 * A board link for a ward TV (issue 17), in the built app: a facilitator makes
 * the link on the Team screen; a separate browser that is not a member opens
 * it at 1920×1080 and sees each vote arrive as it is made (votes not hidden);
 * the open-huddle banner on a member's Ideas screen leads to the huddle; the
 * facilitator withdraws the link and the TV says what to do. axe finds no
 * violations on the TV board, the Team screen or the banner.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, openPhone, serveBuiltApp, type Phone, type TestServer } from './support.ts';
import { capture, joinByLink, startTeam } from './app.ts';
import { axeViolations } from './axe.ts';

let server: TestServer;
let lead: Phone;
let nurse: Phone;
let tv: Phone;
beforeAll(async () => {
  server = await serveBuiltApp();
  lead = await openPhone(server.url);
  nurse = await openPhone(server.url);
  tv = await openPhone(server.url);
  await tv.page.setViewportSize({ width: 1920, height: 1080 });
});
afterAll(async () => {
  for (const p of [lead, nurse, tv]) await p.close();
  await server.close();
});

const violations = axeViolations;

const dotsOn = (page: Page, idea: string) =>
  page.getByTestId('result-row').filter({ hasText: idea }).locator('td').nth(1);

it('shows the board on a TV that is not a member, live, until the link is withdrawn', async () => {
  const a = lead.page;
  const n = nurse.page;
  const t = tv.page;
  await openApp(a);
  const code = await startTeam(a, 'Ward 4', 'Asha');
  await a.getByRole('button', { name: 'Make a board link' }).click();
  const link = (await a.getByTestId('board-link').textContent()) ?? '';
  await a.getByTestId('board-link-row').waitFor();
  expect(await violations(a), 'team screen with a board link').toEqual([]);

  await a.goto('/');
  await capture(a, 'Fridge key on a lanyard');
  await capture(a, 'Spare pumps in bay 3');
  await a.goto('/huddles');
  await a.getByLabel('Title').fill('Board huddle');
  await a.getByLabel('Hide the votes until the huddle closes').uncheck();
  await a.getByRole('button', { name: 'Start huddle' }).click();
  await a.getByRole('heading', { level: 1, name: 'Board huddle' }).waitFor();

  // The TV: a browser that never joined the team.
  await t.goto(link);
  await t.getByRole('heading', { level: 1, name: 'Ward 4' }).waitFor();
  await t.getByRole('table', { name: 'Votes so far' }).waitFor();
  expect(await dotsOn(t, 'Spare pumps in bay 3').textContent()).toBe('0');
  expect(await t.evaluate(() => localStorage.length + document.cookie.length)).toBe(0);

  // A member learns of the huddle from the banner on Ideas, and votes.
  await openApp(n);
  await joinByLink(n, code, 'Ben');
  await n.goto('/ideas');
  const banner = n.getByRole('region', { name: 'Important' });
  await banner.filter({ hasText: 'A huddle is open: Board huddle' }).waitFor({ timeout: 30_000 });
  expect(await violations(n), 'ideas screen with the open-huddle banner').toEqual([]);
  await banner.getByRole('link', { name: 'Place your dots' }).click();
  // On a 1024×768 tablet the shortlist is two columns, with larger dots.
  await n.setViewportSize({ width: 1024, height: 768 });
  const cards = n.getByTestId('vote-card');
  await cards.nth(1).waitFor({ timeout: 30_000 });
  const [one, two] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
  expect(Math.abs(one!.y - two!.y)).toBeLessThan(2);
  expect(two!.x).toBeGreaterThan(one!.x + one!.width);
  const dot = await n.locator('.dot').first().boundingBox();
  expect(dot!.width).toBeGreaterThanOrEqual(28);
  await n
    .getByRole('button', { name: 'Add a dot: Spare pumps in bay 3' })
    .click({ timeout: 30_000 });
  await n.getByTestId('dots-left').filter({ hasText: '2 of 3 dots left' }).waitFor();
  await n.getByRole('button', { name: 'Add a dot: Spare pumps in bay 3' }).click();
  await n.getByTestId('dots-left').filter({ hasText: '1 of 3 dots left' }).waitFor();

  // The TV shows the dots as they arrive, without a reload.
  await t
    .getByTestId('result-row')
    .filter({ hasText: 'Spare pumps in bay 3' })
    .filter({ hasText: '2' })
    .waitFor({ timeout: 15_000 });
  expect(await dotsOn(t, 'Spare pumps in bay 3').textContent()).toBe('2');
  expect(await t.locator('.app-header').isVisible()).toBe(false);
  const size = await t.evaluate(() => ({
    w: document.documentElement.scrollWidth,
    h: document.documentElement.scrollHeight,
  }));
  expect(size.w).toBeLessThanOrEqual(1920);
  expect(size.h).toBeLessThanOrEqual(1080);
  expect(await violations(t), 'TV board').toEqual([]);

  // Withdrawn: the TV stops and says what to do.
  await a.goto('/team');
  await a.getByRole('button', { name: /^Withdraw the board link made/ }).click();
  await a.getByRole('alertdialog').getByRole('button', { name: 'Withdraw link' }).click();
  await t.getByRole('heading', { name: 'This board link no longer works' }).waitFor();
  expect(await t.getByTestId('tv-stopped').textContent()).toMatch(
    /withdrawn by a facilitator.*make a new board link on the Team screen/,
  );
  expect(await t.getByTestId('result-row').count()).toBe(0);
  expect(await violations(t), 'TV board after withdrawal').toEqual([]);

  // A TV set to Welsh: the server's refusal (English on the wire) said again
  // in Welsh, for a withdrawn link and for one the server never made.
  const welshTv = await openPhone(server.url, {
    initScript: "localStorage.setItem('groundup.lang', 'cy')",
  });
  try {
    const w = welshTv.page;
    await w.setViewportSize({ width: 1920, height: 1080 });
    await w.goto(link);
    await w
      .getByRole('heading', { name: 'Nid yw’r ddolen bwrdd hon yn gweithio mwyach' })
      .waitFor();
    expect(await w.getByTestId('tv-stopped').textContent()).toBe(
      'Mae hwylusydd wedi tynnu’r ddolen bwrdd hon yn ôl. Gofynnwch i hwylusydd wneud dolen bwrdd newydd ar sgrin y Tîm, yna agorwch hi ar y sgrin hon.',
    );
    await w.goto(`${new URL(link).pathname}#${'x'.repeat(43)}`);
    await w.reload();
    await w.getByTestId('tv-stopped').filter({ hasText: 'Nid yw’r gweinydd yn adnabod' }).waitFor();
    expect(await w.getByTestId('tv-stopped').textContent()).toBe(
      'Nid yw’r gweinydd yn adnabod y ddolen bwrdd hon. Gwiriwch fod y ddolen gyfan wedi’i chopïo, neu gofynnwch i hwylusydd am un newydd ar sgrin y Tîm.',
    );
    expect(await violations(w), 'Welsh TV board after withdrawal').toEqual([]);
  } finally {
    await welshTv.close();
  }
});
