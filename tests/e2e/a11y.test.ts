/**
 * axe-core on the capture, ideas list, idea and team screens, in the built app.
 * Any violation fails with its rule id and the elements it found.
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
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

it('capture, team, list and idea screens have no axe violations', async () => {
  const page = phone.page;
  await openApp(page);
  await page.getByLabel('Your idea').waitFor();
  expect(await violations(page), 'capture screen, before joining').toEqual([]);

  await startTeam(page, 'Ward 12', 'Asha');
  expect(await violations(page), 'team screen').toEqual([]);

  await page.goto('/');
  await capture(page, 'Put the sharps bin by bed 6');
  expect(await violations(page), 'capture screen with an idea').toEqual([]);

  await page.goto('/ideas');
  const link = page.getByRole('link', { name: 'Put the sharps bin by bed 6' });
  await link.waitFor();
  expect(await violations(page), 'ideas list').toEqual([]);

  await link.click();
  await page.getByRole('heading', { level: 1, name: 'Put the sharps bin by bed 6' }).waitFor();
  expect(await violations(page), 'idea page').toEqual([]);
});
