/**
 * A ward set up for the accessibility audit of the app's screens
 * (sections/screensA11y.ts): two phones that Lighthouse can audit in place,
 * each a persistent Chromium profile with its DevTools port open, so that
 * Lighthouse's tab sees the profile's team, records and service worker.
 * Each step is done in the app as a person does it (the e2e tests' steps in
 * tests/e2e/app.ts), not written into the databases behind its back.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capture, joinByLink, startTeam } from '../../tests/e2e/app.ts';
import { CHROME, CHROME_ARGS, openApp, waitFor } from '../../tests/e2e/support.ts';

/** A phone Lighthouse can audit: its page for the set-up, its port for Lighthouse. */
export type AuditPhone = {
  readonly page: Page;
  readonly port: number;
  close(): Promise<void>;
};

export async function auditPhone(baseURL: string): Promise<AuditPhone> {
  const profile = mkdtempSync(join(tmpdir(), 'ground-up-a11y-phone-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME,
    // Port 0: Chromium picks a free one and writes it to DevToolsActivePort.
    args: [...CHROME_ARGS, '--remote-debugging-port=0'],
    headless: true,
    baseURL,
    viewport: { width: 412, height: 823 },
    locale: 'en-GB',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const active = join(profile, 'DevToolsActivePort');
  await waitFor('Chromium’s DevTools port', async () => {
    try {
      return readFileSync(active, 'utf8').includes('\n');
    } catch {
      return false;
    }
  });
  const port = Number(readFileSync(active, 'utf8').split('\n')[0]);
  return {
    page,
    port,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const IDEAS = [
  'Discharge letters written the day before',
  'Fridge key on a lanyard',
  'Spare pumps in bay 3',
  'Quiet hour at 2pm',
] as const;

/** Asha starts Ward 7 and captures the ideas; Ben joins it. */
export async function startWard(asha: Page, ben: Page): Promise<void> {
  await openApp(asha);
  const code = await startTeam(asha, 'Ward 7', 'Asha');
  await asha.goto('/');
  for (const t of IDEAS) await capture(asha, t);
  await openApp(ben);
  await joinByLink(ben, code, 'Ben');
}

/** The facilitator starts a huddle over the ideas (votes shown as they come); its path. */
export async function startHuddle(asha: Page): Promise<string> {
  await asha.goto('/huddles');
  await asha.getByLabel(IDEAS[3], { exact: true }).waitFor();
  await asha.getByLabel('Title').fill('Afternoon huddle');
  // No timer: the audits take longer than a huddle's default, which would close it.
  await asha.getByLabel('Timer, in minutes (0 for no timer)').fill('0');
  await asha.getByLabel('Hide the votes until the huddle closes').uncheck();
  await asha.getByRole('button', { name: 'Start huddle' }).click();
  await asha.getByRole('heading', { level: 1, name: 'Afternoon huddle' }).waitFor();
  return new URL(asha.url()).pathname;
}

/** A member's phone shows the huddle with dots to place, and places one. */
export async function voteOnce(ben: Page, huddle: string): Promise<void> {
  await ben.goto(huddle);
  await ben.getByRole('button', { name: `Add a dot: ${IDEAS[2]}` }).click({ timeout: 30_000 });
  await ben.getByTestId('dots-left').filter({ hasText: '2 of 3 dots left' }).waitFor();
}

/** The facilitator makes a board link for the ward TV on the Team screen; the link. */
export async function makeBoardLink(asha: Page): Promise<string> {
  await asha.goto('/team');
  await asha.getByRole('button', { name: 'Make a board link' }).click();
  await asha.getByTestId('board-link-row').waitFor();
  return (await asha.getByTestId('board-link').textContent()) ?? '';
}

export async function closeVoting(asha: Page, huddle: string): Promise<void> {
  await asha.goto(huddle);
  await asha.getByRole('button', { name: 'Close voting' }).click();
  await asha
    .getByRole('group', { name: 'Close voting?' })
    .getByRole('button', { name: 'Close voting' })
    .click();
  await asha.getByRole('table', { name: 'Result' }).waitFor();
}

// A baseline near 8 then a run far lower: a signal on the chart.
const VALUES = [8, 9, 7, 8, 9, 8, 7, 9, 8, 8, 2, 2, 1, 2, 1];

/**
 * A test of change on the first idea with its plan saved, and a measure of it
 * with 15 points; the paths of the PDSA page and the measure's chart page.
 */
export async function testOfChange(asha: Page): Promise<{ pdsa: string; measure: string }> {
  await asha.goto('/ideas');
  await asha.getByRole('link', { name: IDEAS[0] }).click();
  await asha.getByRole('link', { name: 'Test of change (PDSA)' }).click();
  await asha.getByRole('button', { name: 'Start a test of change' }).click();
  await asha.getByLabel('What are we trying to find out?').fill('Are letters ready by 10am?');
  await asha.getByLabel('Who will do it?').fill('Night F2');
  await asha.getByLabel('What do we predict will happen?').fill('Most letters ready by 10am');
  await asha.getByRole('button', { name: 'Save the plan' }).click();
  await asha.getByText('Plan saved on this phone').waitFor();
  const pdsa = new URL(asha.url()).pathname;

  await asha.getByRole('link', { name: 'Measures for this idea' }).click();
  await asha.getByLabel('Name').fill('Delayed discharges');
  await asha.getByLabel('Unit (optional)').fill('patients');
  await asha.getByLabel('Target (optional)').fill('3');
  await asha.getByRole('button', { name: 'Add measure' }).click();
  await asha.getByRole('heading', { level: 1, name: 'Delayed discharges' }).waitFor();
  for (const [i, value] of VALUES.entries()) {
    await asha.getByLabel('Date').fill(`2026-11-${String(i + 1).padStart(2, '0')}`);
    await asha.getByLabel('Value (patients)').fill(String(value));
    await asha.getByRole('button', { name: 'Add point' }).click();
    await asha.getByText(`Saved ${value} for ${i + 1} Nov 2026`).waitFor();
  }
  await asha.getByText(`Data points (${VALUES.length})`).waitFor();
  return { pdsa, measure: new URL(asha.url()).pathname };
}

/** The 100-day challenge around the measure, so the review pack has something to show. */
export async function startChallenge(asha: Page): Promise<void> {
  await asha.goto('/challenge');
  await asha.getByLabel('Goal').fill('Reduce delayed discharges by 35% in 100 days');
  await asha.getByLabel('Day 1').fill('2026-11-01');
  await asha.getByLabel('Sponsor').fill('Dr Okafor');
  await asha.getByLabel('Outcome measure').selectOption({ label: 'Delayed discharges' });
  await asha.getByRole('button', { name: 'Save the challenge' }).click();
  await asha
    .getByRole('heading', { level: 1, name: /Day \d+ of 100|Challenge complete/ })
    .waitFor();
}
