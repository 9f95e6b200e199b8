/**
 * A huddle end to end in Chromium: the facilitator starts one; a member votes
 * on their own phone while offline; the facilitator's tablet records two
 * people and a colleague without the app; the huddle closes; after sync the
 * board shows the same ranked result on every phone; the chosen ideas are
 * "Testing"; axe finds nothing on the huddle, voting and board screens.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  openApp,
  openPhone,
  serveBuiltApp,
  waitFor,
  type Phone,
  type TestServer,
} from './support.ts';
import { capture, joinByLink, readServerDb, startTeam } from './app.ts';

let server: TestServer;
let phones: Phone[] = [];
beforeAll(async () => {
  server = await serveBuiltApp();
});
afterAll(async () => {
  for (const p of phones) await p.close();
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

/** Dots per voter as the server holds them. */
function serverDots(): number {
  return readServerDb(server, (db) => {
    const rows = db.prepare("SELECT fields FROM records WHERE entity = 'vote'").all() as {
      fields: string;
    }[];
    return rows.reduce((n, r) => n + Number((JSON.parse(r.fields) as { dots: number }).dots), 0);
  });
}

async function tap(page: Page, title: string, times = 1) {
  for (let i = 0; i < times; i++) {
    const before = await page.getByTestId('dots-left').textContent();
    await page.getByRole('button', { name: `Add a dot: ${title}` }).click();
    await page.waitForFunction(
      (b) => document.querySelector('[data-testid="dots-left"]')?.textContent !== b,
      before,
    );
  }
}

const IDEAS = ['Fridge key on a lanyard', 'Bay 3 spare pumps', 'Quiet hour at 2pm'] as const;
const [FRIDGE, PUMPS, QUIET] = IDEAS;

it('runs a huddle across phones, offline votes and the tablet, to one result everywhere', async () => {
  const lead = await openPhone(server.url);
  const ben = await openPhone(server.url);
  const cee = await openPhone(server.url);
  phones = [lead, ben, cee];
  const a = lead.page;
  const step = (what: string) => console.log(`${new Date().toISOString()} ${what}`);

  await openApp(a);
  const code = await startTeam(a, 'Ward 5', 'Asha');
  await a.goto('/');
  for (const t of IDEAS) await capture(a, t);
  await openApp(ben.page);
  await joinByLink(ben.page, code, 'Ben');
  await openApp(cee.page);
  await joinByLink(cee.page, code, 'Cee');

  step('The facilitator starts a huddle');
  // The facilitator starts a huddle with the three ideas.
  await a.goto('/huddles');
  await a.getByLabel('Title').fill('Tuesday huddle');
  for (const t of IDEAS) await a.getByLabel(t, { exact: true }).check();
  expect(await violations(a), 'huddles screen with the start form').toEqual([]);
  await a.getByRole('button', { name: 'Start huddle' }).click();
  await a.getByRole('heading', { level: 1, name: 'Tuesday huddle' }).waitFor();
  const huddleId = new URL(a.url()).pathname.split('/')[2] ?? '';
  expect(await a.getByTestId('countdown').textContent()).toMatch(/[45]:\d\d left/);
  expect(await violations(a), 'huddle (voting) screen').toEqual([]);
  // The discussion runs long: the facilitator adds two minutes.
  await a.getByRole('button', { name: 'Add 2 minutes' }).click();
  await a
    .getByTestId('countdown')
    .filter({ hasText: /[67]:\d\d left/ })
    .waitFor();

  step('Ben opens it online');
  // Ben opens it online, then loses signal and votes: 2 on the fridge key, 1 on pumps.
  await ben.page.goto(`/huddles/${huddleId}`);
  await ben.page.getByRole('button', { name: `Add a dot: ${FRIDGE}` }).waitFor({ timeout: 30_000 });
  await ben.context.setOffline(true);
  await tap(ben.page, FRIDGE, 2);
  await tap(ben.page, PUMPS);
  expect(await ben.page.getByTestId('dots-left').textContent()).toBe('0 of 3 dots left');
  expect(await ben.page.getByRole('button', { name: `Add a dot: ${QUIET}` }).isDisabled()).toBe(
    true,
  );

  step('The tablet:');
  // The tablet: Cee, then Asha, then Dev (no app) recorded by the facilitator.
  await a.goto(`/huddles/${huddleId}/tablet`);
  await a.getByLabel('Cee').waitFor({ timeout: 30_000 });
  const turn = async (who: string, votes: [string, number][], proxy = false) => {
    if (proxy) {
      await a.getByLabel('A colleague without the app').check();
      await a.getByLabel('Their name').fill(who);
    } else await a.getByLabel(who, { exact: true }).check();
    await a.getByRole('button', { name: 'Start voting' }).click();
    await a.getByRole('heading', { name: new RegExp(`^${who}.* is voting$`) }).waitFor();
    for (const [title, n] of votes) await tap(a, title, n);
    if (who === 'Cee') expect(await violations(a), 'tablet voting screen').toEqual([]);
    await a.getByRole('button', { name: 'Done, pass the tablet on' }).click();
    // The next person does not see the previous person's dots.
    await a.getByRole('heading', { name: 'Who is voting?' }).waitFor();
    expect(await a.getByTestId('vote-card').count()).toBe(0);
  };
  await turn('Cee', [[PUMPS, 2]]);
  await turn('Asha', [
    [FRIDGE, 1],
    [QUIET, 1],
  ]);
  await turn('Dev', [[QUIET, 1]], true);

  step('The tablet stays locked until the facilitator unlocks it');
  // Whoever holds the tablet can only vote: no menu, and other screens lead back.
  expect(await a.locator('.app-header').isVisible()).toBe(false);
  await a.goto('/team');
  await a.getByTestId('tablet-locked').waitFor();
  expect(new URL(a.url()).pathname).toBe(`/huddles/${huddleId}/tablet`);
  await a.getByRole('button', { name: 'Unlock the tablet (facilitator)' }).click();
  await a
    .getByRole('group', { name: 'Unlock the tablet?' })
    .getByRole('button', { name: 'Unlock', exact: true })
    .click();
  await a.getByRole('button', { name: 'Close voting' }).waitFor();
  expect(await a.locator('.app-header').isVisible()).toBe(true);

  step("Ben's signal comes back");
  // Ben's signal comes back: his offline dots reach the server.
  await ben.context.setOffline(false);
  await waitFor('all 8 dots on the server', async () => serverDots() === 8, 30_000);

  step('The facilitator closes the vote');
  // The facilitator closes the vote; the ranked result, ties as ties.
  await a.goto(`/huddles/${huddleId}`);
  await a.getByRole('button', { name: 'Close voting' }).click();
  await a
    .getByRole('group', { name: 'Close voting?' })
    .getByRole('button', { name: 'Close voting' })
    .click();
  await a.getByRole('table', { name: 'Result' }).waitFor();
  const expected = [
    ['Joint 1st', FRIDGE, '3', '2'],
    ['Joint 1st', PUMPS, '3', '2'],
    ['3rd', QUIET, '2', '2'],
  ];
  const rows = async (page: Page) =>
    (await page.getByTestId('result-row').all()).map((r) => r.locator('td, th').allTextContents());
  // The tablet counts the dots it holds: Ben's three come with its next pull.
  await waitFor(
    'the tablet shows every dot in the result',
    async () => JSON.stringify(await Promise.all(await rows(a))) === JSON.stringify(expected),
  );

  step('The facilitator breaks the tie for first');
  const tie = a.getByRole('form', { name: 'Break the tie for first' });
  await tie.getByLabel(FRIDGE).check();
  await tie.getByRole('button', { name: 'Choose this idea' }).click();
  await tie.waitFor({ state: 'detached' });
  await a.getByTestId('result-row').filter({ hasText: FRIDGE }).getByText('Testing').waitFor();

  step('Both winners to test');
  // Both winners to test, in one step.
  const choose = a.getByRole('form', { name: 'Choose what to test' });
  await choose.getByLabel(/^Fridge key on a lanyard/).check();
  await choose.getByLabel(/^Bay 3 spare pumps/).check();
  await a.getByRole('button', { name: 'Mark chosen ideas as testing' }).click();
  await a.getByText('2 ideas are now being tested.').waitFor();

  step("Every phone's board");
  // Every phone's board shows the same result once synced.
  for (const p of phones) {
    await p.page.goto(`/huddles/${huddleId}/board`);
    await p.page.getByRole('table', { name: 'Result' }).waitFor({ timeout: 30_000 });
    await waitFor(`${p.profile} board shows the chosen ideas`, async () => {
      const got = await Promise.all(await rows(p.page));
      return (
        JSON.stringify(got.map((r) => r.map((c) => c.replace(' Testing', '')))) ===
          JSON.stringify(expected) &&
        (await p.page.getByText('Testing', { exact: true }).count()) === 2
      );
    });
  }
  expect(await violations(ben.page), 'board screen').toEqual([]);

  step('The chosen ideas are Testing');
  // The chosen ideas are Testing, with who moved them, on a member's phone too.
  await cee.page.goto('/ideas');
  await cee.page.getByRole('link', { name: FRIDGE }).click();
  await cee.page.getByRole('heading', { level: 1, name: FRIDGE }).waitFor();
  await waitFor('history shows the move', async () =>
    ((await cee.page.getByTestId('status-history').textContent()) ?? '').includes(
      'Testing by Asha',
    ),
  );
  expect(await cee.page.locator('.tags').first().textContent()).toContain('Testing');
});

it('shows a vote on another phone’s board through the live event stream', async () => {
  const lead = await openPhone(server.url);
  const ben = await openPhone(server.url);
  phones.push(lead, ben);
  const step = (what: string) => console.log(`${new Date().toISOString()} live: ${what}`);
  step('await openApp(lead.page);');
  await openApp(lead.page);
  const code = await startTeam(lead.page, 'Ward 6', 'Asha');
  await lead.page.goto('/');
  await capture(lead.page, 'Whiteboard by the nurses’ station');
  step('await openApp(ben.page);');
  await openApp(ben.page);
  await joinByLink(ben.page, code, 'Ben');

  step("await lead.page.goto('/huddles');");
  await lead.page.goto('/huddles');
  await lead.page.getByLabel('Hide the votes until the huddle closes').uncheck();
  await lead.page.getByLabel('Whiteboard by the nurses’ station').check();
  await lead.page.getByRole('button', { name: 'Start huddle' }).click();
  await lead.page.getByRole('table', { name: 'Votes so far' }).waitFor();
  const huddleId = new URL(lead.page.url()).pathname.split('/')[2] ?? '';

  step('await ben.page.goto(`/huddles/${huddleId');
  // Ben's "phone" is the ward TV here: 1080p.
  await ben.page.setViewportSize({ width: 1920, height: 1080 });
  await ben.page.goto(`/huddles/${huddleId}/board`);
  await ben.page.getByRole('table', { name: 'Votes so far' }).waitFor({ timeout: 30_000 });
  await ben.page.getByText('Live: votes appear as they are made.').waitFor();
  const dotsCell = ben.page.getByTestId('result-row').locator('td').nth(1);
  expect(await dotsCell.textContent()).toBe('0');

  step('const start = Date.now();');
  const start = Date.now();
  await lead.page
    .getByRole('button', { name: 'Add a dot: Whiteboard by the nurses’ station' })
    .click();
  await waitFor(
    'the dot on Ben’s board',
    async () => (await dotsCell.textContent()) === '1',
    10_000,
  );
  // A figure, not a pass mark (tests never fail on timing); the issue asks for under 2 s.
  console.log(`live update reached the other board in ${Date.now() - start} ms`);

  // Readable from 3 m: on a 40-inch 1080p TV, 1 cm of capital height needs
  // type of about 32 px; the votes and the join code share the one screen.
  const fontPx = await ben.page
    .getByTestId('board')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontPx).toBeGreaterThanOrEqual(32);
  const table = await ben.page.getByRole('table', { name: 'Votes so far' }).boundingBox();
  const join = await ben.page.getByRole('complementary', { name: 'Join the team' }).boundingBox();
  expect(table && join, 'the results table and the join code are both shown').toBeTruthy();
  if (!table || !join) return;
  expect(join.x, 'the join code beside the votes, not below them').toBeGreaterThanOrEqual(
    table.x + table.width,
  );
  expect(join.y + join.height, 'the join code within the screen').toBeLessThanOrEqual(1080);
});
