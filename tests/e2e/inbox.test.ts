/**
 * "For you" in Chromium: a nurse captures an idea; the facilitator starts a
 * huddle with it on the shortlist on another phone; the nurse's menu counts
 * the new items without her reloading, the screen lists them (offline too),
 * viewing clears the count (axe finds nothing on it), and "Vote" opens the huddle.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { capture, joinByLink, startTeam } from './app.ts';
import {
  openApp,
  openPhone,
  serveBuiltApp,
  waitCount,
  type Phone,
  type TestServer,
} from './support.ts';

let server: TestServer;
let phones: Phone[] = [];
beforeAll(async () => {
  server = await serveBuiltApp();
});
afterAll(async () => {
  for (const p of phones) await p.close();
  await server.close();
});

it('tells the nurse her idea was shortlisted and a huddle is open, and clears on viewing', async () => {
  const lead = await openPhone(server.url);
  const nurse = await openPhone(server.url);
  phones = [lead, nurse];
  const a = lead.page;
  const n = nurse.page;

  await openApp(a);
  const code = await startTeam(a, 'Ward 7', 'Asha');
  await openApp(n);
  await joinByLink(n, code, 'Nia');
  await n.goto('/');
  await capture(n, 'Pre-fill the fluid charts');
  expect(await n.getByTestId('for-you-count').count()).toBe(0);

  // The facilitator starts a huddle once the idea has reached her phone.
  await a.goto('/huddles');
  await a.getByLabel('Pre-fill the fluid charts').waitFor({ timeout: 30_000 });
  await a.getByLabel('Title').fill('Thursday huddle');
  await a.getByLabel('Pre-fill the fluid charts').check();
  await a.getByRole('button', { name: 'Start huddle' }).click();
  await a.getByRole('heading', { level: 1, name: 'Thursday huddle' }).waitFor();
  const huddleId = new URL(a.url()).pathname.split('/')[2] ?? '';

  // The nurse's menu counts both, live, on the capture screen.
  // (On a phone the count sits on the bottom menu's More, where For you is listed.)
  await n
    .getByTestId('for-you-count')
    .filter({ visible: true, hasText: /^2$/ })
    .waitFor({ timeout: 30_000 });
  expect(await n.getByRole('link', { name: 'For you, 2 new' }).count()).toBe(1);
  // The count is seen, so a link's name must contain it as seen (WCAG 2.5.3), on the
  // phone's bottom menu and on a tablet's header menu (Lighthouse found both).
  const labelInName = () =>
    new AxeBuilder({ page: n }).withRules(['label-content-name-mismatch']).analyze();
  expect((await labelInName()).violations).toEqual([]);
  await n.setViewportSize({ width: 1024, height: 768 });
  await n
    .getByRole('navigation', { name: 'Main', exact: true })
    .getByTestId('for-you-count')
    .waitFor();
  expect((await labelInName()).violations).toEqual([]);
  await n.setViewportSize({ width: 390, height: 844 });

  // Offline, the screen still lists them; viewing clears the count.
  await nurse.context.setOffline(true);
  await n.getByRole('link', { name: 'For you, 2 new' }).click();
  await n.getByRole('link', { name: 'For you', exact: true }).click();
  await n.getByRole('heading', { level: 1, name: 'For you' }).waitFor();
  await n.getByTestId('inbox-item').nth(1).waitFor();
  const titles = await n.getByTestId('inbox-item').locator('h2').allTextContents();
  expect(titles.sort()).toEqual([
    'A huddle is open: place your dots',
    'Your idea was shortlisted by Asha',
  ]);
  await waitCount(n.getByText('New', { exact: true }), 2);
  await n.getByTestId('for-you-count').waitFor({ state: 'detached' });
  await nurse.context.setOffline(false);
  await n.getByRole('button', { name: 'Turn on notifications' }).waitFor();
  const axe = await new AxeBuilder({ page: n })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // One tap to vote.
  await n
    .getByTestId('inbox-item')
    .filter({ hasText: 'A huddle is open' })
    .getByRole('link', { name: 'Vote' })
    .click();
  await n.waitForURL(`**/huddles/${huddleId}`);
  await n.getByRole('heading', { level: 1, name: 'Thursday huddle' }).waitFor();
});
