/**
 * 7. Lighthouse accessibility of the pages a trust asks for: the footer's
 * accessibility statement, privacy notice and "what this app keeps on your
 * phone", and the staff sign-in screens (/join/CODE as a person sees it before
 * signing in, once signed in, and after a refused account). The goal is 100
 * on each. The sign-in states are reached by the address the server's
 * callback gives (a fragment the page reads), so no provider is needed here;
 * the flow itself is tested end to end in tests/e2e/sign-in.test.ts.
 */
import { chromium } from 'playwright-core';
import { CHROME, CHROME_ARGS } from '../lib/browser.ts';
import type { Figure } from '../lib/result.ts';
import { categoryScore, runLighthouse } from './lighthouse.ts';

const CODE = 'K7M2Q9TX4B';

export const A11Y_PAGES: readonly {
  readonly name: string;
  readonly path: string;
  /** The browser's language: 'cy' opens the app in Welsh (it follows the browser until someone chooses). */
  readonly lang?: string;
}[] = [
  { name: 'accessibility statement', path: '/accessibility' },
  { name: 'privacy notice', path: '/privacy' },
  { name: 'what this app keeps on your phone', path: '/on-this-device' },
  { name: 'sign-in: join before signing in', path: `/join/${CODE}` },
  {
    name: 'sign-in: signed in, join',
    path: `/join/${CODE}#signed-in=benchTicketNotReal0123&email=anna%40nhs.net&name=Anna`,
  },
  {
    name: 'sign-in: account of another domain refused',
    path: `/join/${CODE}#sign-in-error=wrong-domain&email=m%40gmail.com&domains=nhs.net`,
  },
  { name: 'in Welsh: accessibility statement', path: '/accessibility', lang: 'cy' },
  { name: 'in Welsh: privacy notice', path: '/privacy', lang: 'cy' },
  { name: 'in Welsh: what this app keeps on your phone', path: '/on-this-device', lang: 'cy' },
  { name: 'in Welsh: sign-in, join before signing in', path: `/join/${CODE}`, lang: 'cy' },
];

/**
 * Lighthouse's browser gets the language by the same two flags: check that
 * with them the page really opens in it, or its score says nothing of it.
 */
async function opensIn(url: string, lang: string): Promise<void> {
  const browser = await chromium.launch({
    executablePath: CHROME,
    args: [...CHROME_ARGS, `--lang=${lang}`, `--accept-lang=${lang}`],
    headless: true,
  });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.locator('h1').first().waitFor();
    await page.waitForFunction((l) => document.documentElement.lang === l, lang, {
      timeout: 10_000,
    });
  } catch (e) {
    throw new Error(`${url} did not open in ${lang} with --lang=${lang}: ${String(e)}`);
  } finally {
    await browser.close();
  }
}

export const A11Y_SECTION = "7. Accessibility of the trust's pages";

export async function pagesA11yFigures(baseUrl: string) {
  const figures: Figure[] = [];
  const failing: Record<string, string[]> = {};
  for (const page of A11Y_PAGES) {
    const r = await runLighthouse(
      baseUrl + page.path,
      ['accessibility'],
      page.lang ? { lang: page.lang } : {},
    );
    if (page.lang) await opensIn(baseUrl + page.path, page.lang);
    figures.push({
      section: A11Y_SECTION,
      name: `Lighthouse ${r.lighthouseVersion} mobile accessibility: ${page.name} (${page.path.split('#')[0] ?? ''})`,
      value: categoryScore(r, 'accessibility'),
      unit: '/100',
      goal: { op: '>=', target: 100 },
    });
    failing[page.path] = Object.entries(r.audits)
      .filter(([, a]) => a?.score === 0)
      .map(([k]) => k);
  }
  return { figures, detail: { failingAudits: failing } };
}
