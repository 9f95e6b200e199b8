/**
 * Welsh (issue 16, decision 0022): switched to Cymraeg in Settings, every
 * screen in SCREENS shows its Welsh words, no English from the English
 * catalogues is left on it (in its text, its labels or its title), and it is
 * axe clean, on a 360×640 phone. The choice survives a reload; a browser set
 * to Welsh opens in Welsh with nothing chosen; switching back gives English.
 *
 * The English check is built from the catalogues (tests/catalogues.ts), not a
 * hand list: every English phrase of two or more words that no Welsh message
 * also holds, and every English word used by three or more English messages
 * and by no Welsh one (so English typed straight into a screen, not from a
 * catalogue, is caught by its "the", "your", "this" too).
 *
 * To cover a screen, add it to SCREENS: its path and a Welsh message (by
 * catalogue id and key) that shows once the screen has drawn, and what a
 * person then does there in Welsh, if the next screen needs it. `:idea` in a
 * path is an idea this phone captured, in a team it started, with a test of
 * change begun; `:huddle` a huddle on it; `:measure` a measure with four
 * points, so its chart and the chart's summary are drawn; `:board` the hash
 * of a board link for a TV — all made in English before the switch
 * (madeForWelsh). The team has no 100-day challenge while SCREENS are
 * checked; one is then set up in Welsh, and its home and review pack checked
 * the same way. A phone in no team sees /team and /huddles in Welsh in the
 * last test.
 */
import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type Token } from '@messageformat/parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Catalogue, loadCatalogues } from '../catalogues.ts';
import {
  axeViolations,
  CHROME,
  CHROME_ARGS,
  openApp,
  openPhone,
  serveBuiltApp,
  type Phone,
  type TestServer,
} from './support.ts';
import { capture, joinByLink, startTeam } from './app.ts';

type Screen = {
  readonly path: string;
  /** A Welsh message in <main> once the screen has drawn: catalogue id and key. */
  readonly shows: readonly [id: string, key: string];
  /** What the person then does there, in Welsh, before the next screen. */
  readonly then?: (page: Page) => Promise<void>;
};

const HUDDLES = 'ui/screens/huddles';

/** The screens checked in Welsh, in the order a person might visit them. */
const SCREENS: readonly Screen[] = [
  { path: '/', shows: ['ui/screens/capture/capture', 'heading'] },
  { path: '/settings', shows: ['ui/screens/settings/settings', 'heading'] },
  { path: '/ideas', shows: ['ui/screens/idea/idea', 'search'] },
  { path: '/ideas/:idea', shows: ['ui/screens/idea/idea', 'comments'] },
  { path: '/for-you', shows: ['ui/screens/forYou/forYou', 'notifyHeading'] },
  { path: '/challenge', shows: ['ui/screens/challenge/challenge', 'setUp'] },
  { path: '/challenge/asks', shows: ['ui/screens/asks/asks', 'heading'] },
  { path: '/challenge/review', shows: ['ui/screens/improvement', 'reviewPack'] },
  { path: '/challenge/export', shows: ['ui/screens/improvement', 'downloadData'] },
  { path: '/ideas/:idea/test', shows: ['ui/screens/improvement', 'testOfChange'] },
  { path: '/measures', shows: ['ui/screens/improvement', 'summaryLink'] },
  { path: '/measures/:measure', shows: ['ui/screens/improvement', 'chart'] },
  { path: '/measures/summary', shows: ['ui/screens/improvement', 'summaryHeading'] },
  { path: '/more', shows: ['ui/components/chrome', 'more'] },
  // The team, as its facilitator sees it (with a board link in use).
  { path: '/team', shows: ['ui/screens/team/team', 'yourRole'] },
  // A TV's board with no link yet says where to make one.
  { path: '/huddles/tv', shows: [HUDDLES, 'tvHeading'] },
  { path: '/huddles', shows: [HUDDLES, 'heading'] },
  // The huddle while voting is open (votes hidden): its board, then the locked tablet, passed
  // to a colleague without the app and back, which the facilitator unlocks, then the huddle
  // itself, whose voting they close.
  { path: '/huddles/:huddle/board', shows: [HUDDLES, 'joinHeading'] },
  { path: '/huddles/:huddle/tablet', shows: [HUDDLES, 'whoVoting'], then: passTablet },
  { path: '/huddles/:huddle', shows: [HUDDLES, 'showBoard'], then: closeVoting },
  // Closed: the result, what to test, and reopening.
  { path: '/huddles/:huddle', shows: [HUDDLES, 'reopen'] },
  // The board link on a TV, once the closed huddle has reached the server.
  { path: '/huddles/tv#:board', shows: [HUDDLES, 'result'] },
  // The organisation's screen, for a team in no organisation.
  { path: '/org', shows: ['ui/screens/org/org', 'organisation'] },
  { path: '/org/elsewhere', shows: ['ui/screens/org/org', 'elsewhereIntro'] },
  // Not a leader: where a leader joins.
  { path: '/org/portfolio', shows: ['ui/screens/org/org', 'portfolio'] },
  // A join link opened on a phone already in a team.
  { path: '/join/:code', shows: ['ui/screens/join', 'already'] },
  { path: '/accessibility', shows: ['ui/screens/legal/legal', 'a11yHowHeading'] },
  { path: '/privacy', shows: ['ui/screens/legal/legal', 'privacyWhatHeading'] },
  { path: '/on-this-device', shows: ['ui/screens/legal/legal', 'deviceDbHeading'] },
  // Last: its message is the page's heading, which the reload below waits for.
  { path: '/no-such-page', shows: ['ui/screens/routes', 'notFound'] },
];

let server: TestServer;
let phone: Phone;
let catalogues: Catalogue[];
/** The first test's team and idea, which a colleague's phone joins below. */
const ward = { code: '', idea: '' };
beforeAll(async () => {
  catalogues = await loadCatalogues();
  server = await serveBuiltApp();
  phone = await openPhone(server.url);
  await phone.page.setViewportSize({ width: 360, height: 640 });
});
afterAll(async () => {
  await phone.close();
  await server.close();
});

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
function englishTells(all: readonly Catalogue[]) {
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

function englishOn(shown: string, tells: ReturnType<typeof englishTells>): string[] {
  // A web address (a join link) is not words to read.
  const text = shown.replace(/\bhttps?:\/\/\S+/g, ' ');
  const found = tells.phrases.filter((p) => text.includes(p));
  const words = [...new Set(wordsOf(text))].filter((w) => tells.words.has(w));
  return [...found.map((p) => `"${p}"`), ...words.map((w) => `word "${w}"`)];
}

const welshOf = (id: string, key: string) => {
  const c = catalogues.find((x) => x.id === id);
  if (!c?.cy[key]) throw new Error(`no Welsh message ${id}: ${key}`);
  return c.cy[key];
};

/** A day `back` days before today, as the date field takes it. */
const daysAgo = (back: number) =>
  new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);

/**
 * A board link for a TV, a huddle on the idea (an hour on its timer, so it stays open until
 * the test closes it), a test of change of it and a measure with four points, in English.
 */
async function madeForWelsh(page: Page, idea: string) {
  const last = () => new URL(page.url()).pathname.split('/').pop() ?? '';
  await page.goto('/team');
  await page.getByRole('button', { name: 'Make a board link' }).click();
  const board = new URL((await page.getByTestId('board-link').textContent()) ?? '').hash.slice(1);
  await page.goto('/huddles');
  await page.getByLabel('Title').fill('Cyfarfod y bore');
  await page.getByLabel('Timer, in minutes (0 for no timer)').fill('60');
  await page.getByRole('button', { name: 'Start huddle' }).click();
  await page.getByRole('heading', { level: 1, name: 'Cyfarfod y bore' }).waitFor();
  const huddle = last();
  await page.goto(`/ideas/${idea}/test`);
  await page.getByRole('button', { name: 'Start a test of change' }).click();
  await page.getByLabel('What are we trying to find out?').fill('A yw’r bin yn haws ei gyrraedd?');
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await page.getByText('Plan saved on this phone').waitFor();
  await page.goto('/measures');
  await page.getByLabel('Name').fill('Anafiadau nodwydd');
  await page.getByRole('button', { name: 'Add measure' }).click();
  await page.getByRole('heading', { level: 1, name: 'Anafiadau nodwydd' }).waitFor();
  const measure = last();
  for (const [back, value] of [
    [3, 2],
    [2, 4],
    [1, 3],
    [0, 5],
  ] as const) {
    await page.getByLabel('Date').fill(daysAgo(back));
    await page.getByLabel('Value').fill(String(value));
    await page.getByRole('button', { name: 'Add point' }).click();
    await page.getByText(new RegExp(`^Saved ${value} for`)).waitFor();
  }
  await page
    .getByText(/^Run chart, 4 points\./)
    .first()
    .waitFor();
  return { huddle, measure, board };
}

/**
 * On the locked tablet: a colleague without the app takes it (that screen in Welsh too) and
 * passes it back; the facilitator unlocks it, after a confirm, and lands on the huddle.
 */
async function passTablet(page: Page) {
  await page.getByRole('radio', { name: welshOf(HUDDLES, 'colleague') }).check();
  await page.getByLabel(welshOf(HUDDLES, 'theirName')).fill('Dafydd');
  await page.getByRole('button', { name: welshOf(HUDDLES, 'startVoting') }).click();
  const who = welshOf(HUDDLES, 'recordedFor').replace('{name}', 'Dafydd');
  await page
    .getByRole('heading', { name: welshOf(HUDDLES, 'isVoting').replace('{name}', who) })
    .waitFor();
  await expectWelsh(page, englishTells(catalogues), 'the tablet, voting');
  await page.getByRole('button', { name: welshOf(HUDDLES, 'passOn') }).click();
  await page.getByRole('heading', { name: welshOf(HUDDLES, 'whoVoting') }).waitFor();
  await page.getByRole('button', { name: welshOf(HUDDLES, 'unlockLink') }).click();
  await page
    .getByRole('group', { name: welshOf(HUDDLES, 'unlockAsk') })
    .getByRole('button', { name: welshOf(HUDDLES, 'unlock'), exact: true })
    .click();
  await page.getByRole('link', { name: welshOf(HUDDLES, 'showBoard') }).waitFor();
  await page.getByTestId('tablet-locked').waitFor({ state: 'detached' });
}

/** On the huddle: the facilitator closes voting, after a confirm. */
async function closeVoting(page: Page) {
  await page.getByRole('button', { name: welshOf(HUDDLES, 'closeVoting'), exact: true }).click();
  await page
    .getByRole('group', { name: welshOf(HUDDLES, 'closeAsk') })
    .getByRole('button', { name: welshOf(HUDDLES, 'closeVoting'), exact: true })
    .click();
  await page.getByRole('button', { name: welshOf(HUDDLES, 'reopen') }).waitFor();
}

/** The screen drawn in full (with what loads after the first paint) has no English and is axe clean. */
async function expectWelsh(page: Page, tells: ReturnType<typeof englishTells>, what: string) {
  // The footer and the phone's menu load just after the first paint.
  await page.getByRole('contentinfo').waitFor();
  // Let the sync bar draw (it loads after the first paint) before reading the screen; it is
  // in the DOM but not shown on a board or a locked tablet, whose header is hidden.
  await page.getByTestId('sync-status').locator('.sync-bar__status').waitFor({ state: 'attached' });
  expect(englishOn(await shownText(page), tells), what).toEqual([]);
  expect(await axeViolations(page), what).toEqual([]);
}

it('switches to Welsh in Settings: each screen in Welsh, no English left, axe clean, at 360×640', async () => {
  const page = phone.page;
  const tells = englishTells(catalogues);
  expect(tells.phrases.length).toBeGreaterThan(20);

  await openApp(page);
  await page.getByLabel('Your idea').waitFor();
  ward.code = await startTeam(page, 'Ward 12', 'Asha');
  await page.goto('/');
  await capture(page, 'Symud y bin miniog at wely 6');
  const link = page.getByTestId('my-idea').getByRole('link');
  const idea = ((await link.getAttribute('href')) ?? '').split('/').pop() ?? '';
  ward.idea = idea;
  const { huddle, measure, board } = await madeForWelsh(page, idea);

  await page.goto('/settings');
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-GB');
  await page.getByRole('radio', { name: 'Cymraeg' }).check();
  await page.getByRole('heading', { level: 1, name: 'Gosodiadau' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
  // Focus stays on the choice across the redraw.
  await page.waitForFunction(
    () => (document.activeElement as HTMLInputElement | null)?.value === 'cy',
  );
  expect(await page.evaluate(() => ({ ...localStorage }))).toEqual({ 'groundup.lang': 'cy' });

  for (const screen of SCREENS) {
    await page.goto(
      screen.path
        .replace(':idea', idea)
        .replace(':huddle', huddle)
        .replace(':measure', measure)
        .replace(':board', board)
        .replace(':code', ward.code),
    );
    await inWelsh(page, screen, tells);
    await screen.then?.(page);
  }

  // Kept on the phone: a reload opens in Welsh.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: welshOf(...SCREENS.at(-1)!.shows) }).waitFor();

  // A 100-day challenge set up in Welsh, with the measure as its outcome: its home and review pack.
  const challenge = (key: string) => welshOf('ui/screens/challenge/challenge', key);
  await page.goto('/challenge');
  await page
    .getByLabel(challenge('goal'), { exact: true })
    .fill('Dim anafiadau nodwydd mewn 100 diwrnod');
  await page.getByLabel(challenge('dayOne')).fill(daysAgo(3));
  await page.getByLabel(challenge('outcome')).selectOption({ label: 'Anafiadau nodwydd' });
  await page.getByRole('button', { name: challenge('save') }).click();
  await inWelsh(
    page,
    { path: '/challenge', shows: ['ui/screens/challenge/challenge', 'reviewPack'] },
    tells,
  );
  await page.goto('/challenge/review');
  await page.getByRole('heading', { level: 2, name: 'Anafiadau nodwydd (canlyniad)' }).waitFor();
  await inWelsh(
    page,
    { path: '/challenge/review', shows: ['ui/screens/improvement', 'adoptedHeading'] },
    tells,
  );
});

/** The screen has drawn its Welsh message, shows no English, and is axe clean. */
async function inWelsh(page: Page, screen: Screen, tells: ReturnType<typeof englishTells>) {
  await page
    .locator('main')
    .getByText(welshOf(...screen.shows), { exact: true })
    .first()
    .waitFor();
  await expectWelsh(page, tells, screen.path);
}

it('says Welsh things in Welsh: the character count, a saved idea and its time', async () => {
  const page = phone.page;
  await page.goto('/');
  const box = page.getByLabel('Eich syniad');
  await box.fill('Symud y bin miniog at wely 6 '.repeat(6).trim());
  await page.getByText(/Mae gennych \d+ nod ar ôl/).waitFor();
  await page.getByRole('button', { name: 'Cadw', exact: true }).click();
  await page.getByText("Wedi'i gadw ar y ffôn hwn").waitFor();
  await page.getByTestId('my-idea').first().getByText('gynnau', { exact: false }).waitFor();
});

it('tells a member before typing, in Welsh, that only the starter of a colleague’s test of change or a lead can change its plan', async () => {
  // Asha (the first test) started the test of change; Ben joins her team and reads in Welsh.
  const ben = await openPhone(server.url);
  try {
    const page = ben.page;
    await page.setViewportSize({ width: 360, height: 640 });
    await openApp(page);
    await joinByLink(page, ward.code, 'Ben');
    await page.goto('/settings');
    await page.getByRole('radio', { name: 'Cymraeg' }).check();
    await page.getByRole('heading', { level: 1, name: 'Gosodiadau' }).waitFor();
    await page.goto(`/ideas/${ward.idea}/test`);
    // Asha's plan reaches Ben's phone (the page follows the event stream).
    const objective = page.getByLabel(welshOf('ui/screens/pdsa/pdsa', 'objective'));
    await expect
      .poll(() => objective.inputValue(), { timeout: 15_000 })
      .toBe('A yw’r bin yn haws ei gyrraedd?');
    expect(await objective.getAttribute('readonly')).not.toBeNull();
    // The rule's words (rules.cy.ts) in the page's sentence (pdsa.cy.ts), and no English.
    await page.evaluate(() =>
      document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true)),
    );
    const why = welshOf('domain/rules/rules', 'cyclePlan');
    await page.getByText(why, { exact: false }).first().waitFor();
    expect(await page.getByText(/Only whoever started this cycle/).count()).toBe(0);
  } finally {
    await ben.close();
  }
});

it('opens in Welsh where the browser prefers Welsh, also before joining a team, and goes back to English when chosen', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'ground-up-cy-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME,
    args: CHROME_ARGS,
    headless: true,
    baseURL: server.url,
    viewport: { width: 360, height: 640 },
    locale: 'cy-GB',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Cofnodi syniad' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    // Not in a team yet: joining or starting one, and what huddles need.
    const tells = englishTells(catalogues);
    await page.goto('/team');
    await page
      .getByRole('heading', { level: 1, name: welshOf('ui/screens/team/team', 'joinOrStart') })
      .waitFor();
    await expectWelsh(page, tells, '/team before joining');
    await page.goto('/huddles');
    await page.getByText(welshOf(HUDDLES, 'forTeam')).waitFor();
    await expectWelsh(page, tells, '/huddles before joining');

    await page.goto('/settings');
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-GB');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
