/**
 * The pages a trust asks for (accessibility statement, privacy notice, what
 * the app keeps on the phone) are linked from the footer of every screen, open
 * as lazy routes, and pass axe (WCAG 2.2 A and AA and best practice). The app
 * sets no cookies and keeps nothing in local or session storage, as the
 * storage page says.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, openPhone, serveBuiltApp, type Phone, type TestServer } from './support.ts';
import { capture, startTeam } from './app.ts';

let server: TestServer;
let phone: Phone;
beforeAll(async () => {
  server = await serveBuiltApp();
  phone = await openPhone(server.url);
});
afterAll(async () => {
  await phone.close();
  await server.close();
});

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

const PAGES = [
  { link: 'Accessibility statement', heading: 'Accessibility statement for Ground Up' },
  { link: 'Privacy notice', heading: 'Privacy notice' },
  { link: 'What this app keeps on your phone', heading: 'What this app keeps on your phone' },
] as const;

it('every screen links the three pages from its footer, and each page passes axe', async () => {
  const page = phone.page;
  await openApp(page);
  await page.getByLabel('Your idea').waitFor();
  await startTeam(page, 'Ward 12', 'Asha');
  await page.goto('/');
  await capture(page, 'Put the sharps bin by bed 6');

  for (const path of ['/', '/ideas', '/team', '/settings', '/measures', '/huddles']) {
    await page.goto(path);
    const footer = page.getByRole('contentinfo');
    for (const { link } of PAGES) {
      await footer.getByRole('link', { name: link }).waitFor();
    }
  }

  for (const { link, heading } of PAGES) {
    await page.goto('/ideas');
    await page.getByRole('contentinfo').getByRole('link', { name: link }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    // The tab's title is set just after the page draws: wait for it, not the heading.
    await page.waitForFunction((h) => document.title.includes(h), heading);
    expect(await violations(page), heading).toEqual([]);
  }
});

it('the storage page lists the database tables, and the app sets no cookies or web storage', async () => {
  const page = phone.page;
  await page.goto('/on-this-device');
  const table = page.getByRole('table', { name: 'Tables in the app’s database' });
  await table.getByRole('cell', { name: 'outbox', exact: true }).waitFor();
  await table.getByRole('cell', { name: 'meta', exact: true }).waitFor();

  expect(await phone.context.cookies(), 'cookies').toEqual([]);
  const web = await page.evaluate(() => ({
    local: localStorage.length,
    session: sessionStorage.length,
  }));
  expect(web).toEqual({ local: 0, session: 0 });
});

it('the pages open offline once the app is installed', async () => {
  await phone.context.setOffline(true);
  try {
    const page = phone.page;
    await page.goto('/privacy');
    await page.getByRole('heading', { level: 1, name: 'Privacy notice' }).waitFor();
  } finally {
    await phone.context.setOffline(false);
  }
});
