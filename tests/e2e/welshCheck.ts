/**
 * The Welsh check shared by the Welsh browser tests (welsh.test.ts,
 * sign-in-welsh.test.ts): a screen drawn in full shows no English from the
 * English catalogues, in its text, its labels or its title, and is axe clean.
 *
 * The English check is built from the catalogues (tests/catalogues.ts), not a
 * hand list: every English phrase of two or more words that no Welsh message
 * also holds, and every English word used by three or more English messages
 * and by no Welsh one (so English typed straight into a screen, not from a
 * catalogue, is caught by its "the", "your", "this" too).
 */
import type { Page } from 'playwright-core';
import { parse, type Token } from '@messageformat/parser';
import { expect } from 'vitest';
import type { Catalogue } from '../catalogues.ts';
import { axeViolations } from './support.ts';

/** The literal text of a message, between its placeholders, case by case. */
function pieces(tokens: readonly Token[]): string[] {
  return tokens.flatMap((tk) =>
    tk.type === 'content'
      ? [tk.value]
      : 'cases' in tk
        ? tk.cases.flatMap((c) => pieces(c.tokens))
        : ['\u0000'],
  );
}
const texts = (messages: Record<string, string>) =>
  Object.values(messages).flatMap((m) =>
    pieces(parse(m))
      .join('')
      .split('\u0000')
      .map((s) => s.trim())
      .filter(Boolean),
  );
const wordsOf = (text: string) => text.toLowerCase().match(/\p{L}[\p{L}'’]*/gu) ?? [];

/** What must not be seen on a Welsh screen: English phrases and common English words. */
export function englishTells(all: readonly Catalogue[]) {
  const english = all.flatMap((c) => texts(c.en));
  const welsh = all.flatMap((c) => texts(c.cy)).join('\n');
  const welshWords = new Set(wordsOf(welsh));
  const phrases = [...new Set(english)].filter(
    (p) => p.split(/\s+/).length >= 2 && !welsh.includes(p),
  );
  const uses = new Map<string, number>();
  for (const m of english) for (const w of new Set(wordsOf(m))) uses.set(w, (uses.get(w) ?? 0) + 1);
  const words = [...uses]
    .filter(([w, n]) => n >= 3 && w.length >= 3 && !welshWords.has(w))
    .map(([w]) => w);
  return { phrases, words: new Set(words) };
}

/**
 * The screen's visible text, its accessible names and hints, and its title.
 * Not what is in <code>: names a program reads (the storage page's table
 * names, `groundup.lang`), the same in every language.
 */
const shownText = (page: Page) =>
  page.evaluate(() => {
    const labels = [...document.querySelectorAll('[aria-label],[placeholder],[title],[alt]')].map(
      (e) =>
        ['aria-label', 'placeholder', 'title', 'alt'].map((a) => e.getAttribute(a) ?? '').join(' '),
    );
    const code = [...document.querySelectorAll('code')].map((e) => e.textContent ?? '');
    let text = document.body.innerText;
    for (const c of code) text = text.replace(c, '');
    return [document.title, text, ...labels].join('\n');
  });

function englishOn(shown: string, tells: Tells): string[] {
  // A web address (a join link) or an email address or domain (a work account's, the
  // domains a team accepts: "@nhs.net") is not words to read.
  const text = shown.replace(/\bhttps?:\/\/\S+/g, ' ').replace(/[\w.+-]*@[\w-]+(\.[\w-]+)+/g, ' ');
  const found = tells.phrases.filter((p) => text.includes(p));
  const words = [...new Set(wordsOf(text))].filter((w) => tells.words.has(w));
  return [...found.map((p) => `"${p}"`), ...words.map((w) => `word "${w}"`)];
}

export type Tells = ReturnType<typeof englishTells>;

/** A Welsh message by catalogue id and key (an error if there is none). */
export function welshLookup(catalogues: readonly Catalogue[]) {
  return (id: string, key: string): string => {
    const c = catalogues.find((x) => x.id === id);
    if (!c?.cy[key]) throw new Error(`no Welsh message ${id}: ${key}`);
    return c.cy[key];
  };
}

/** The screen drawn in full (with what loads after the first paint) has no English and is axe clean. */
export async function expectWelsh(page: Page, tells: Tells, what: string) {
  // The footer and the phone's menu load just after the first paint.
  await page.getByRole('contentinfo').waitFor();
  // Let the sync bar draw (it loads after the first paint) before reading the screen; it is
  // in the DOM but not shown on a board or a locked tablet, whose header is hidden.
  await page.getByTestId('sync-status').locator('.sync-bar__status').waitFor({ state: 'attached' });
  expect(englishOn(await shownText(page), tells), what).toEqual([]);
  expect(await axeViolations(page), what).toEqual([]);
}
