/**
 * The capture screen on a 360×640 phone (issue 17): a bottom navigation
 * instead of a menu wrapping to two rows, the 100-day challenge in it, Save in
 * sight without scrolling, an idea box that grows with the text, a paste over
 * the limit counted and refused in words (never cut short silently), and
 * "My ideas" reaching every idea, not only the newest twenty. With
 * SCREENSHOTS=1 it saves the capture screen for the README.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, openPhone, serveBuiltApp, type Phone, type TestServer } from './support.ts';
import { capture, waitForMyIdeas } from './app.ts';

let server: TestServer;
let phone: Phone;
beforeAll(async () => {
  server = await serveBuiltApp();
  phone = await openPhone(server.url);
  await phone.page.setViewportSize({ width: 360, height: 640 });
});
afterAll(async () => {
  await phone.close();
  await server.close();
});

const bottomNav = (page: Page) => page.getByRole('navigation', { name: 'Main (phone)' });

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/** Whether the button lies wholly inside the 360×640 window and above the bottom bar. */
async function inView(page: Page, name: string): Promise<boolean> {
  const box = await page.getByRole('button', { name, exact: true }).boundingBox();
  const bar = await bottomNav(page).boundingBox();
  console.log(
    `${name} ends ${box ? box.y + box.height : '?'} px down; the bottom bar starts at ${bar?.y ?? '?'}`,
  );
  return box !== null && bar !== null && box.y >= 0 && box.y + box.height <= bar.y;
}

it('puts the menu at the bottom and Save in sight on a 360×640 phone', async () => {
  const page = phone.page;
  await openApp(page);
  const box = page.getByLabel('Your idea');
  await box.waitFor();

  // One row of five at the bottom; the header's wrapping menu is gone.
  const links = await bottomNav(page).getByRole('link').allTextContents();
  expect(links).toEqual(['Capture', 'Ideas', 'Huddles', 'Challenge', 'More']);
  expect(await page.getByRole('navigation', { name: 'Main', exact: true }).isVisible()).toBe(false);
  const header = await page.locator('.app-header__bar').boundingBox();
  console.log(`header bar ${header?.height ?? '?'} px tall at 360 px`);

  // Save is on screen as the page opens (the idea box has focus, as when typing).
  await box.click();
  expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(await inView(page, 'Save')).toBe(true);
  expect(await violations(page), 'capture screen at 360×640').toEqual([]);
  if (process.env['SCREENSHOTS'] === '1') {
    await box.fill('Put a second fridge thermometer on the night side of the ward');
    await page.screenshot({ path: 'docs/screenshots/capture-360.png' });
    await box.fill('');
  }

  // "More" holds the rest of the menu; the challenge is one tap away.
  await bottomNav(page).getByRole('link', { name: 'More' }).click();
  await page.getByRole('heading', { level: 1, name: 'More' }).waitFor();
  const more = await page.getByRole('main').getByRole('link').allTextContents();
  expect(more).toEqual(expect.arrayContaining(['Measures', 'Team', 'Settings']));
  expect(await violations(page), 'more screen').toEqual([]);
  await bottomNav(page).getByRole('link', { name: 'Challenge' }).click();
  await page.waitForURL('**/challenge');
  expect(
    await bottomNav(page).getByRole('link', { name: 'Challenge' }).getAttribute('aria-current'),
  ).toBe('page');
});

it('grows the idea box with the text and counts a paste over the limit instead of cutting it', async () => {
  const page = phone.page;
  await page.goto('/');
  const box = page.getByLabel('Your idea');
  await box.waitFor();
  const empty = (await box.boundingBox())?.height ?? 0;

  const long =
    'Put a second drugs fridge thermometer on the night side of the ward so the readings are taken at handover by whoever is on, ';
  await box.fill(long);
  const grown = (await box.boundingBox())?.height ?? 0;
  expect(grown).toBeGreaterThan(empty);
  // All of it in sight: the box does not scroll inside itself.
  expect(await box.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);

  // A 300-character paste is kept whole, counted, and Save says what to do.
  const pasted = 'x'.repeat(300);
  await box.fill(pasted);
  expect((await box.inputValue()).length).toBe(300);
  await page
    .getByTestId('title-count')
    .filter({ hasText: 'You have 100 characters too many' })
    .waitFor();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: 'Your idea must be 200 characters or fewer' })
    .waitFor();
  expect(await page.getByTestId('my-idea').count()).toBe(0);
  expect((await box.inputValue()).length).toBe(300);

  // Shortened to the limit, it saves.
  await box.fill('y'.repeat(200));
  await page
    .getByTestId('title-count')
    .filter({ hasText: 'You have 0 characters remaining' })
    .waitFor();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await waitForMyIdeas(page, 1);
});

it('reaches every idea in "My ideas", twenty at a time', async () => {
  const page = phone.page;
  await page.goto('/');
  await page.getByLabel('Your idea').waitFor();
  await waitForMyIdeas(page, 1);
  for (let i = 2; i <= 19; i += 1) await capture(page, `Offline idea number ${i}`);
  await waitForMyIdeas(page, 19);
  // From the twentieth the list stops growing: a save shows as the box emptying.
  for (let i = 20; i <= 25; i += 1) {
    await page.getByLabel('Your idea').fill(`Offline idea number ${i}`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForFunction(
      () => (document.getElementById('idea-title') as HTMLTextAreaElement | null)?.value === '',
    );
  }
  await waitForMyIdeas(page, 20);
  await page.getByTestId('my-ideas-shown').filter({ hasText: 'Showing 20 of 25.' }).waitFor();
  await page.getByRole('button', { name: 'Show 5 more' }).click();
  await waitForMyIdeas(page, 25);
  expect(await page.getByTestId('my-ideas-shown').count()).toBe(0);
  const titles = await page.getByTestId('my-idea').allTextContents();
  expect(titles.at(-1)).toContain('y'.repeat(200));
});
