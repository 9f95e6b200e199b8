/**
 * 6. Scale on the device: 100,000 ideas in IndexedDB, seeded as if pulled
 * (rows made by apply.ts's rowOf, as applyChange stores them, bulk-written 10,000
 * per transaction). Then, in Chromium, unthrottled:
 *  - the query alone: listIdeas() as the Ideas screen calls it (limit 25),
 *    with no search, a common word, a rare word (43 matches) and an absent one;
 *  - the screen: from a click on the "Ideas" link to the first idea cards on
 *    screen (next animation frame), and from typing a search to the list
 *    showing its result.
 */
import type { Page } from 'playwright-core';
import { injectHarness, launchPhone } from '../lib/browser.ts';
import { openApp } from '../../tests/e2e/support.ts';
import { makeIdeas } from '../lib/ideas.ts';
import { median, round } from '../lib/stats.ts';
import type { Figure } from '../lib/result.ts';
import type { BenchApi } from '../page/harness.ts';

declare const __bench: BenchApi;

async function navToIdeas(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done) => {
        const link = document.querySelector<HTMLAnchorElement>('a[href="/ideas"]');
        if (!link) throw new Error('no Ideas link');
        const t0 = performance.now();
        link.click();
        const check = () => {
          if (document.querySelectorAll('[data-testid=idea]').length > 0)
            requestAnimationFrame(() => done(performance.now() - t0));
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
}

/** Types `needle` into the search box; resolves when the list shows the result. */
async function search(page: Page, needle: string, expectNone: boolean): Promise<number> {
  return page.evaluate(
    ({ needle, expectNone }) =>
      new Promise<number>((done) => {
        const box = document.querySelector<HTMLInputElement>('#ideas-search');
        if (!box) throw new Error('no search box');
        const t0 = performance.now();
        box.value = needle;
        box.dispatchEvent(new Event('input', { bubbles: true }));
        const shown = () => {
          const status = document.querySelector('p.secondary-text[role=status]')?.textContent ?? '';
          if (expectNone) return status.startsWith('No ideas match');
          const cards = [...document.querySelectorAll('[data-testid=idea] h2')];
          return (
            cards.length > 0 &&
            cards.every((c) => (c.textContent ?? '').toLowerCase().includes(needle))
          );
        };
        const check = () => {
          if (shown()) requestAnimationFrame(() => done(performance.now() - t0));
          else requestAnimationFrame(check);
        };
        check();
      }),
    { needle, expectNone },
  );
}

export async function scaleFigures(baseUrl: string, n = 100_000) {
  const phone = await launchPhone(baseUrl);
  try {
    const page = phone.page;
    await openApp(page);
    await injectHarness(page);
    const ideas = makeIdeas(n, 3);
    let seedMs = 0;
    for (let i = 0; i < n; i += 20_000) {
      seedMs += await page.evaluate(
        ({ list, i }) => __bench.seedPulled(list, 'bench-team', 10_000, i),
        {
          list: ideas.slice(i, i + 20_000),
          i,
        },
      );
    }
    const count = await page.evaluate(() => __bench.ideaCount());
    if (count < n) throw new Error(`only ${count} ideas seeded`);
    const q = async (search: string) =>
      page.evaluate(({ search }) => __bench.timeList({ search, limit: 25 }, 3), { search });
    const plain = await q('');
    const common = await q('discharge');
    const rare = await q('tympanic');
    const none = await q('xylophone');
    // The screen, three times each (the first includes loading the lazy chunk).
    const navs: number[] = [];
    const rares: number[] = [];
    const nones: number[] = [];
    for (let r = 0; r < 3; r++) {
      await page.goto('/');
      await page.waitForSelector('#idea-title');
      navs.push(await navToIdeas(page));
      rares.push(await search(page, 'tympanic', false));
      nones.push(await search(page, 'xylophone', true));
    }
    const s = '6. Scale on the device (100,000 ideas)';
    const figures: Figure[] = [
      {
        section: s,
        name: 'Ideas list: click "Ideas" → first cards on screen (median of 3)',
        value: round(median(navs), 1),
        unit: 'ms',
        goal: { op: '<=', target: 100 },
        note: `runs ${navs.map((x) => round(x, 0)).join(', ')} ms (first loads the lazy chunk)`,
      },
      {
        section: s,
        name: 'Ideas list: search a rare word → results on screen (median of 3)',
        value: round(median(rares), 1),
        unit: 'ms',
        goal: { op: '<=', target: 100 },
        note: `"tympanic", ${rare.rows} matches shown; runs ${rares.map((x) => round(x, 0)).join(', ')} ms`,
      },
      {
        section: s,
        name: 'Ideas list: search with no match → "No ideas match" (median of 3)',
        value: round(median(nones), 1),
        unit: 'ms',
        goal: { op: '<=', target: 100 },
        note: `runs ${nones.map((x) => round(x, 0)).join(', ')} ms`,
      },
      {
        section: s,
        name: 'listIdeas() alone: newest 25',
        value: round(median(plain.ms), 1),
        unit: 'ms',
      },
      {
        section: s,
        name: 'listIdeas() alone: search a common word (~1 in 3)',
        value: round(median(common.ms), 1),
        unit: 'ms',
      },
      {
        section: s,
        name: 'listIdeas() alone: search a rare word',
        value: round(median(rare.ms), 1),
        unit: 'ms',
      },
      {
        section: s,
        name: 'listIdeas() alone: search, no match (no such word in the index)',
        value: round(median(none.ms), 1),
        unit: 'ms',
      },
      {
        section: s,
        name: 'Seeding 100,000 ideas (bulkPut of the rows applyChange writes; context only)',
        value: round(seedMs, 0),
        unit: 'ms',
      },
    ];
    return { figures, detail: { navs, rares, nones, plain, common, rare, none, seedMs } };
  } finally {
    await phone.close();
  }
}
