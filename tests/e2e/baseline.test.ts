/**
 * A fixed baseline and a rebase, end to end in Chromium (issue #12, decision
 * 0017): a "lower is better" measure with 24 points, its limits fixed on the
 * first 15, a PDSA cycle started on the 19th day and the limits rebased there
 * with a reason and the cycle linked, and a note on a point. The chart (its
 * shading, rebase line, cycle mark and icons), its words, its data table and
 * the summary table all show it; axe-core reports no violations. With
 * SCREENSHOTS=1 it saves the chart at 360 px and 1280 px (README, "Charts").
 *
 * The page's clock starts on 2026-10-19 (Playwright's clock), so the cycle
 * starts on the day of the 19th point, where the rebase goes.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { capture, startTeam } from './app.ts';
import { axeViolations } from './axe.ts';
import { openApp, openPhone, serveBuiltApp, type TestServer } from './support.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serveBuiltApp();
});
afterAll(async () => {
  await server.close();
});

const date = (i: number) => `2026-10-${String(i + 1).padStart(2, '0')}`;
const IDEA = 'Answer call bells in bay order';
const REASON = 'Call bells answered in bay order';

// Minutes to answer a call bell (lower is better), as tests/unit/charts/baseline.test.ts works
// out by hand: baseline 19, 21, 20 five times (mean 20, limits 16.39 to 23.61), then 21, 20,
// 19; from the 19th (2026-10-19) the change: 15, 17, 16, 15, 17, 16 (mean 16, limits 12.28
// to 19.72 once rebased).
const VALUES = [
  19, 21, 20, 19, 21, 20, 19, 21, 20, 19, 21, 20, 19, 21, 20, 21, 20, 19, 15, 17, 16, 15, 17, 16,
];

it('a measure with a fixed baseline, a rebase after a PDSA cycle and a note', async () => {
  const phone = await openPhone(server.url);
  const page = phone.page;
  try {
    await page.clock.install({ time: new Date('2026-10-19T08:00:00') });
    await openApp(page);
    await startTeam(page, 'Ward 9', 'Priya');
    await page.goto('/');
    await capture(page, IDEA);

    // The test of change: cycle 1 starts today, 2026-10-19.
    await page.goto('/ideas');
    await page.getByRole('link', { name: IDEA }).click();
    await page.getByRole('link', { name: 'Test of change (PDSA)' }).click();
    await page.getByRole('button', { name: 'Start a test of change' }).click();
    await page
      .getByLabel('What are we trying to find out?')
      .fill('Are call bells answered sooner?');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await page.getByText('Plan saved on this phone').waitFor();

    await page.getByRole('link', { name: 'Measures for this idea' }).click();
    await page.getByLabel('Name').fill('Call bell wait');
    await page.getByLabel('Unit (optional)').fill('minutes');
    await page.getByLabel('Lower is better').check();
    await page.getByLabel('Target (optional)').fill('15');
    await page.getByRole('button', { name: 'Add measure' }).click();
    await page.getByRole('heading', { level: 1, name: 'Call bell wait' }).waitFor();
    for (const [i, value] of VALUES.entries()) {
      await page.getByLabel('Date').fill(date(i));
      await page.getByLabel('Value (minutes)').fill(String(value));
      await page.getByRole('button', { name: 'Add point' }).click();
      await page.getByText(`Saved ${value} for ${i + 1} Oct 2026`).waitFor();
    }
    await page.getByText('Data points (24)').waitFor();
    const summary = page.locator('#chart-summary');
    // Unfixed, the change drags the mean to 456 / 24 = 19.
    await expect.poll(() => summary.textContent()).toContain('Mean 19,');

    // Fix the limits on the first 15 points.
    await page.getByLabel('Fix the limits on the first').selectOption('15');
    await page.getByRole('button', { name: 'Fix the limits' }).click();
    await page
      .getByText('Saved on this phone: the limits are fixed on the first 15 points.')
      .waitFor();
    await expect
      .poll(() => summary.textContent())
      .toContain(
        'Baseline from 1 Oct 2026, fixed on the first 15 points: mean 20, limits 16.39 to 23.61, extended to 24 Oct 2026.',
      );
    // Against the fixed baseline the drop is special cause improvement.
    await page.getByRole('img', { name: 'Variation: special cause improvement (low)' }).waitFor();

    // Rebase at the 19th: a reason is required, and the cycle can be linked.
    await page.getByRole('button', { name: 'Rebase here (19 Oct 2026)' }).click();
    await page.getByRole('button', { name: 'Rebase here', exact: true }).click();
    await page
      .getByRole('link', {
        name: 'Say what changed at this point, for example “new call-bell rota started”',
      })
      .waitFor();
    await page.getByLabel('Why rebase at 19 Oct 2026?').fill(REASON);
    await page
      .getByLabel('After which PDSA cycle? (optional)')
      .selectOption({ label: `${IDEA}, cycle 1` });
    await page.getByRole('button', { name: 'Rebase here', exact: true }).click();
    const rebased = page.getByRole('cell', {
      name: `Rebased here: ${REASON}, after PDSA cycle 1`,
    });
    await rebased.waitFor();
    await expect
      .poll(() => summary.textContent())
      .toContain(
        `Rebased from 19 Oct 2026 (${REASON}, after PDSA cycle 1): mean 16, limits 12.28 to 19.72.`,
      );

    // A note on a point.
    await page.getByRole('button', { name: 'Note on the point for 20 Oct 2026' }).click();
    await page.getByLabel('Note for 20 Oct 2026').fill('Rota week 1');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText('Notes: 20 Oct 2026, “Rota week 1”.').waitFor();

    // The chart: the baseline's shading and label, the rebase line, the cycle, the icons.
    const chart = page.locator('svg.chart');
    await chart.getByText('Baseline (15 points, fixed)').waitFor();
    await chart.getByText('Rebased', { exact: true }).waitFor();
    await chart.getByText('PDSA 1').waitFor();
    expect(await summary.textContent()).toContain('PDSA cycles started: cycle 1 on 19 Oct 2026.');
    await page.getByRole('img', { name: 'Variation: common cause variation' }).waitFor();
    await page
      .getByRole('img', {
        name: 'Assurance: hit and miss: will sometimes pass the target and sometimes fail',
      })
      .waitFor();
    // The data table names each point's period.
    const cells = (name: string) => page.getByRole('cell', { name, exact: true }).count();
    expect(await cells('Baseline: the limits are fixed on these 15 points')).toBe(15);
    expect(await cells('Baseline limits extended')).toBe(3);
    expect(await cells('Rebased period from 19 Oct 2026')).toBe(5);
    expect(await axeViolations(page), 'measure page with a baseline and a rebase').toEqual([]);
    await screenshots(page, 'chart-baseline-rebase', 'figure');

    // The summary table reads the current (rebased) period.
    await page.goto('/measures/summary');
    const row = page.getByRole('row', { name: /^Call bell wait/ });
    await row.waitFor();
    await row.getByRole('img', { name: 'Variation: common cause variation' }).waitFor();
    const text = await row.textContent();
    expect(text).toContain('12.28 to 19.72');
    expect(text).toContain(`Rebased 2026-10-19: ${REASON}, after PDSA cycle 1`);
    expect(await axeViolations(page), 'summary table').toEqual([]);
  } finally {
    await phone.close();
  }
}, 360_000);

/** Saves a screenshot of `selector` at a phone's and a desktop's width when SCREENSHOTS=1. */
async function screenshots(page: Page, name: string, selector: string): Promise<void> {
  if (process.env['SCREENSHOTS'] !== '1') return;
  for (const width of [360, 1280]) {
    // Tall enough for the whole figure, so the phone's fixed bottom menu stays below it.
    await page.setViewportSize({ width, height: 1800 });
    await page.locator(selector).screenshot({ path: `docs/screenshots/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 390, height: 844 });
}
