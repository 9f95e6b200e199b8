/**
 * Charts a board reads, end to end in Chromium: a measure with 24 points shows
 * Making Data Count's variation and assurance icons (images with words) and a
 * note on a point in the chart's words, its
 * chart downloads as SVG and PNG, and the summary table of all measures lists
 * it with its icons and last signal; axe-core reports no violations on either
 * screen. With SCREENSHOTS=1 it also saves the pictures the README shows
 * (docs/screenshots/, 390 px and 1280 px wide).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTeam } from './app.ts';
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
/** The date as the app shows it ("16 Oct 2026"). */
const shown = (i: number) => `${i + 1} Oct 2026`;

async function addMeasure(
  page: Page,
  m: { name: string; unit: string; direction: 'lower' | 'higher'; target: string },
  values: readonly number[],
): Promise<void> {
  await page.goto('/measures');
  await page.getByLabel('Name').fill(m.name);
  await page.getByLabel('Unit (optional)').fill(m.unit);
  await page.getByLabel(m.direction === 'lower' ? 'Lower is better' : 'Higher is better').check();
  await page.getByLabel('Target (optional)').fill(m.target);
  await page.getByRole('button', { name: 'Add measure' }).click();
  await page.getByRole('heading', { level: 1, name: m.name }).waitFor();
  for (const [i, value] of values.entries()) {
    await page.getByLabel('Date').fill(date(i));
    await page.getByLabel(`Value (${m.unit})`).fill(String(value));
    await page.getByRole('button', { name: 'Add point' }).click();
    await page.getByText(`Saved ${value} for ${shown(i)}`).waitFor();
  }
  await page.getByText(`Data points (${values.length})`).waitFor();
}

/** Saves a screenshot of `selector` (or the page) at each width when SCREENSHOTS=1 (README). */
async function screenshots(page: Page, name: string, selector?: string): Promise<void> {
  if (process.env['SCREENSHOTS'] !== '1') return;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const path = `docs/screenshots/${name}-${width}.png`;
    if (selector) await page.locator(selector).screenshot({ path });
    else await page.screenshot({ path, fullPage: true });
  }
  await page.setViewportSize({ width: 390, height: 844 });
}

// Falls, lower is better: a baseline about 7.4, then nine days lower. Mean 5.75, limits
// 2.28 to 9.22: a shift below the mean (improvement) to the last point; target 4 sits
// between the limits, so hit and miss.
const FALLS = [7, 8, 6, 9, 7, 8, 7, 6, 8, 9, 7, 8, 6, 7, 8, 5, 4, 3, 3, 2, 3, 2, 2, 3];

it('a chart with its icons, downloaded as SVG and PNG, and the summary table', async () => {
  const phone = await openPhone(server.url);
  const page = phone.page;
  try {
    await openApp(page);
    await startTeam(page, 'Ward 9', 'Priya');
    await addMeasure(
      page,
      { name: 'Hand hygiene', unit: '%', direction: 'higher', target: '95' },
      [88, 91, 90],
    );
    await addMeasure(
      page,
      { name: 'Falls', unit: 'falls', direction: 'lower', target: '4' },
      FALLS,
    );

    // The chart's icons: pictures with their meaning in words.
    const variation = page.getByRole('img', {
      name: 'Variation: special cause improvement (low)',
    });
    await variation.waitFor();
    await page
      .getByRole('img', {
        name: 'Assurance: hit and miss: will sometimes pass the target and sometimes fail',
      })
      .waitFor();
    expect(await page.locator('svg.mdc-icon circle[stroke="#005eb8"]').count()).toBe(1);

    // A note on a point is in the chart's words as well as its data table.
    await page.getByRole('button', { name: 'Note on the point for 16 Oct 2026' }).click();
    await page.getByLabel('Note for 16 Oct 2026').fill('Night checks started');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText('Notes: 16 Oct 2026, “Night checks started”.').waitFor();
    expect(await axeViolations(page), 'measure page with icons').toEqual([]);

    // On a 360 px phone: the chart's words name the mean and limits, are at
    // least 12 px tall as seen, and the target's words sit on no point; the
    // points table says it scrolls; Note, Ghost and Recalculate are apart and
    // explained.
    await page.setViewportSize({ width: 360, height: 640 });
    const chart = page.locator('figure svg.chart');
    const words = await chart.locator('text').allTextContents();
    expect(words).toEqual(
      expect.arrayContaining(['Upper limit 9.22', 'Mean 5.75', 'Lower limit 2.28', 'Target 4']),
    );
    const sizes = await chart.evaluate((svg) => {
      const scale = svg.getBoundingClientRect().width / 640;
      return [...svg.querySelectorAll('text')].map(
        (t) => parseFloat(getComputedStyle(t).fontSize) * scale,
      );
    });
    console.log(`chart text at 360 px: ${Math.min(...sizes).toFixed(1)} px smallest`);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    const onPoints = await chart.evaluate((svg) => {
      const label = [...svg.querySelectorAll('text')].find((t) => t.textContent === 'Target 4');
      const box = label!.getBoundingClientRect();
      return [...svg.querySelectorAll('circle, rect[fill]')]
        .filter((el) => el.getAttribute('stroke') !== '#d8dde0')
        .filter((el) => {
          const p = el.getBoundingClientRect();
          return (
            p.width < 20 &&
            p.left < box.right &&
            p.right > box.left &&
            p.top < box.bottom &&
            p.bottom > box.top
          );
        }).length;
    });
    expect(onPoints).toBe(0);
    await page.getByTestId('scroll-hint').waitFor();
    expect(await page.getByRole('region', { name: 'Data points' }).getAttribute('tabindex')).toBe(
      '0',
    );
    const row = page.getByRole('row').filter({ hasText: '16 Oct 2026' });
    const note = await row.getByRole('button', { name: /^Note/ }).boundingBox();
    const ghost = await row.getByRole('button', { name: /^Ghost/ }).boundingBox();
    expect(ghost!.y).toBeGreaterThanOrEqual(note!.y + note!.height);
    await page.getByText('What “Ghost” and “Rebase here” do').click();
    await page.getByText(/leaves one point out of the mean and the limits/).waitFor();
    expect(await axeViolations(page), 'measure page on a 360 px phone').toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });

    const svgDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download chart as SVG' }).click();
    const svgFile = await svgDownload;
    expect(svgFile.suggestedFilename()).toBe('falls-falls.svg');
    const svgText = readFileSync((await svgFile.path()) ?? '', 'utf8');
    expect(svgText).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).toContain('Falls (falls)');
    expect(svgText).toContain('Variation: special cause improvement (low)');
    await page.getByText('The chart was saved as SVG.').waitFor();

    const pngDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download chart as PNG' }).click();
    const pngFile = await pngDownload;
    expect(pngFile.suggestedFilename()).toBe('falls-falls.png');
    const png = readFileSync((await pngFile.path()) ?? '');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: 1280 × 672 (the 640 × 336 drawing at twice the size)
    expect(png.readUInt32BE(16)).toBe(1280);
    expect(png.readUInt32BE(20)).toBe(672);
    console.log(`chart PNG ${png.length} bytes, SVG ${svgText.length} characters`);
    await screenshots(page, 'chart-with-icons', 'figure');

    // The summary table, from Measures.
    await page.goto('/measures');
    await page.getByRole('link', { name: 'Summary table of all measures' }).click();
    const falls = page.getByRole('row', { name: /^Falls/ });
    await falls.waitFor();
    await falls.getByRole('img', { name: 'Variation: special cause improvement (low)' }).waitFor();
    expect(await falls.textContent()).toContain('a shift below the mean (improvement)');
    expect(await falls.textContent()).toContain('2026-10-16 to 2026-10-24');
    expect(await falls.textContent()).toContain('2.28 to 9.22');
    const hygiene = page.getByRole('row', { name: /^Hand hygiene/ });
    expect(await hygiene.textContent()).toContain('median');
    expect(await hygiene.getByRole('img').count()).toBe(0);
    expect(await axeViolations(page), 'summary table').toEqual([]);
    await screenshots(page, 'summary-table');

    // The same rows as CSV.
    await page.goto('/challenge/export');
    const csvDownload = page.waitForEvent('download');
    await page
      .getByRole('button', { name: 'Download Summary table (one row per measure)' })
      .click();
    const csv = readFileSync((await (await csvDownload).path()) ?? '', 'utf8');
    expect(csv).toContain('special cause improvement (low)');
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(3);
  } finally {
    await phone.close();
  }
}, 180_000);
