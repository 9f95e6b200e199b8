/**
 * "Needs attention" as a person reads it (issue 17): Ben's dot, tapped
 * offline while the facilitator closed voting, is turned down. The item names
 * the idea and the huddle, shows no internals such as "(fields.dots)", and
 * offers Discard (with a confirm) and no "Try again", since a vote in a closed
 * huddle can never be accepted.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, openPhone, serveBuiltApp, type Phone, type TestServer } from './support.ts';
import { capture, joinByLink, serverHuddleStates, startTeam } from './app.ts';

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

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

const IDEA = 'Spare pumps in bay 3';

it('names what a refused change is about and leads with Discard when it can never pass', async () => {
  await openApp(a.page);
  const code = await startTeam(a.page, 'Ward 9', 'Asha');
  await a.page.goto('/');
  await capture(a.page, IDEA);
  await openApp(b.page);
  await joinByLink(b.page, code, 'Ben');

  await a.page.goto('/huddles');
  await a.page.getByLabel('Title').fill('Thursday huddle');
  await a.page.getByLabel(IDEA).check();
  await a.page.getByRole('button', { name: 'Start huddle' }).click();
  await a.page.getByRole('heading', { level: 1, name: 'Thursday huddle' }).waitFor();
  const url = new URL(a.page.url()).pathname;

  // Ben opens it, loses signal and taps a dot; meanwhile voting closes.
  await b.page.goto(url);
  const add = b.page.getByRole('button', { name: `Add a dot: ${IDEA}` });
  await add.waitFor({ timeout: 30_000 });
  await b.context.setOffline(true);
  await add.click();
  await b.page.getByTestId('dots-left').filter({ hasText: '2 of 3 dots left' }).waitFor();
  await a.page.getByRole('button', { name: 'Close voting' }).click();
  await a.page
    .getByRole('group', { name: 'Close voting?' })
    .getByRole('button', { name: 'Close voting' })
    .click();
  await a.page.getByText('Voting has closed', { exact: false }).first().waitFor();
  // The close must have reached the server before Ben's dot does, not only Asha's screen.
  await expect.poll(() => serverHuddleStates(server), { timeout: 30_000 }).toEqual(['closed']);

  await b.context.setOffline(false);
  await b.page.getByTestId('sync-status').getByRole('button', { name: 'Sync now' }).click();
  await b.page
    .getByTestId('sync-status')
    .getByRole('link', { name: /needs? attention$/ })
    .click();
  const item = b.page.getByTestId('needs-attention-item');
  await item.waitFor({ timeout: 30_000 });

  const words = (await item.textContent()) ?? '';
  expect(words).toContain('Your 1 dot on an idea');
  expect(await item.getByTestId('needs-attention-about').textContent()).toBe(
    `About the idea “${IDEA}” in the huddle “Thursday huddle”`,
  );
  expect(words).not.toMatch(/\(fields\.|fields\./);
  expect(words).toContain('This change can never be accepted as it is.');
  expect(await item.getByRole('button', { name: 'Try again' }).count()).toBe(0);
  expect(await violations(b.page), 'settings with an item needing attention').toEqual([]);

  await item.getByRole('button', { name: 'Discard' }).click();
  await item
    .getByRole('group', { name: 'Confirm discard' })
    .getByRole('button', { name: 'Discard' })
    .click();
  await b.page.getByText('Nothing needs attention').waitFor();
});
