/**
 * Running a huddle on phones at 360×640 (issue 17): the ideas since the last
 * huddle come ticked; "Close voting" asks first and can be undone by
 * reopening; voting closes itself when the timer runs out; the voting list is
 * compact and "dots left" stays on screen while it scrolls.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  openApp,
  openPhone,
  serveBuiltApp,
  waitChecked,
  type Phone,
  type TestServer,
} from './support.ts';
import { capture, joinByLink, startTeam } from './app.ts';

let server: TestServer;
let a: Phone;
let b: Phone;
beforeAll(async () => {
  server = await serveBuiltApp();
  a = await openPhone(server.url);
  b = await openPhone(server.url);
  for (const p of [a, b]) await p.page.setViewportSize({ width: 360, height: 640 });
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

const IDEAS = [
  'Fridge key on a lanyard',
  'Bay 3 spare pumps',
  'Quiet hour at 2pm',
  'Spare charger at the desk',
  'Handover sheet on one page',
  'Drinks round at 3pm',
  'Label the linen cupboard',
];

async function startHuddle(page: Page, title: string, minutes: string): Promise<string> {
  await page.goto('/huddles');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Timer, in minutes (0 for no timer)').fill(minutes);
  await page.getByRole('button', { name: 'Start huddle' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return new URL(page.url()).pathname;
}

it('runs a huddle on phones: ticked shortlist, confirm, reopen, compact list, auto-close', async () => {
  const page = a.page;
  await openApp(page);
  const code = await startTeam(page, 'Ward 4', 'Asha');
  await page.goto('/');
  for (const t of IDEAS) await capture(page, t);
  await openApp(b.page);
  await joinByLink(b.page, code, 'Ben');

  // No huddle yet: every new idea comes ticked.
  await page.goto('/huddles');
  await page.getByTestId('since-hint').waitFor();
  for (const t of IDEAS) await waitChecked(page.getByLabel(t, { exact: true }));
  expect(await violations(page), 'start a huddle, ideas ticked').toEqual([]);
  const url = await startHuddle(page, 'Monday huddle', '5');

  // Ben votes on his phone: several ideas to a screen, "dots left" in sight at the bottom.
  await b.page.goto(url);
  const cards = b.page.getByTestId('vote-card');
  await cards.first().waitFor({ timeout: 30_000 });
  const inView = await cards.evaluateAll(
    (els) => els.filter((e) => e.getBoundingClientRect().bottom <= window.innerHeight).length,
  );
  console.log(`${inView} of ${IDEAS.length} ideas fully in view at 360×640`);
  await b.page.getByRole('button', { name: `Add a dot: ${IDEAS[6]}` }).click();
  await b.page.getByTestId('dots-left').filter({ hasText: '2 of 3 dots left' }).waitFor();
  const left = await b.page.getByTestId('dots-left').boundingBox();
  expect(left).not.toBeNull();
  expect(left!.y).toBeGreaterThanOrEqual(0);
  expect(left!.y + left!.height).toBeLessThanOrEqual(640);
  expect(await b.page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  expect(await violations(b.page), 'phone voting').toEqual([]);

  // "Close voting" asks first; keeping it open changes nothing.
  await page.getByRole('button', { name: 'Close voting' }).click();
  const confirm = page.getByRole('group', { name: 'Close voting?' });
  await confirm.getByRole('button', { name: 'Keep voting open' }).click();
  expect(await page.getByText('Voting has closed').count()).toBe(0);
  await page.getByRole('button', { name: 'Close voting' }).click();
  await confirm.getByRole('button', { name: 'Close voting' }).click();
  await page.getByRole('table', { name: 'Result' }).waitFor();

  // Closed by mistake: reopened, and Ben can vote again.
  await page.getByRole('button', { name: 'Reopen voting' }).click();
  await page.getByRole('button', { name: 'Close voting' }).waitFor();
  await b.page.getByRole('button', { name: `Add a dot: ${IDEAS[5]}` }).click({ timeout: 30_000 });
  await b.page.getByTestId('dots-left').filter({ hasText: '1 of 3 dots left' }).waitFor();
  await page.getByRole('button', { name: 'Close voting' }).click();
  await confirm.getByRole('button', { name: 'Close voting' }).click();
  await page.getByRole('table', { name: 'Result' }).waitFor();

  // The next huddle: only ideas captured since this one come ticked.
  await page.goto('/');
  await capture(page, 'Night-light by bay 2');
  await page.goto('/huddles');
  await page
    .getByTestId('since-hint')
    .filter({ hasText: 'The idea captured since the last huddle is ticked' })
    .waitFor();
  await waitChecked(page.getByLabel('Night-light by bay 2'));
  await waitChecked(page.getByLabel(IDEAS[0]!, { exact: true }), false);

  // The timer runs out on the facilitator's phone: voting closes by itself.
  await page.clock.install();
  await startHuddle(page, 'Short huddle', '1');
  await page.getByTestId('countdown').waitFor();
  await page.clock.fastForward(61_000);
  await page.getByText('Voting has closed').waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Reopen voting' }).waitFor();
});
