/**
 * Told before typing (issue 10): a member opens a colleague's test of change
 * and the page says at once that only whoever started it, or a facilitator or
 * sponsor, can change its plan and decision — the same rule the server applies
 * (domain/rules/before.ts), not a refusal under "needs attention" after Save.
 * What anyone in the team may fill in (Do and Study) stays open, and the
 * facilitator may change everything.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { capture, joinByLink, startTeam } from './app.ts';
import { openApp, servedWard } from './support.ts';

const ward = servedWard();

const IDEA = 'Hourly comfort rounds at night';

/** One part of the cycle (Plan, Do, Study, Act), opened if its details box is closed. */
async function part(page: Page, name: 'Plan' | 'Do' | 'Act') {
  const box = page.locator('details.stage', {
    has: page.getByRole('heading', { name: new RegExp(`^${name} `) }),
  });
  if (!(await box.evaluate((d) => (d as HTMLDetailsElement).open)))
    await box.locator('summary').click();
  return page.getByRole('form', { name: new RegExp(`^${name} `) });
}
const LOCKED = /Only whoever started this cycle, or a facilitator or sponsor/;

it('tells a member before typing that only the cycle’s starter or a lead can change its plan', async () => {
  const [asha, ben, cara] = [await ward.phone(), await ward.phone(), await ward.phone()];
  await openApp(asha.page);
  const code = await startTeam(asha.page, 'Ward 9', 'Asha');
  await openApp(ben.page);
  await joinByLink(ben.page, code, 'Ben');
  await openApp(cara.page);
  await joinByLink(cara.page, code, 'Cara');

  // Ben captures the idea, starts its test of change and writes the plan.
  await ben.page.goto('/');
  await capture(ben.page, IDEA);
  await ben.page.goto('/ideas');
  await ben.page.getByRole('link', { name: IDEA }).click();
  await ben.page.getByRole('link', { name: 'Test of change (PDSA)' }).click();
  await ben.page.getByRole('button', { name: 'Start a test of change' }).click();
  await ben.page.getByLabel('What are we trying to find out?').fill('Do falls at night drop?');
  await ben.page.getByRole('button', { name: 'Save the plan' }).click();
  await ben.page.getByText('Plan saved on this phone').waitFor();
  // Ben's own cycle: nothing locked for him.
  expect(await ben.page.getByText(LOCKED).count()).toBe(0);
  const testPath = new URL(ben.page.url()).pathname;

  // Cara opens it once it has reached her phone (the page follows the event stream).
  await cara.page.goto(testPath);
  const objective = cara.page.getByLabel('What are we trying to find out?');
  await expect
    .poll(() => objective.inputValue(), { timeout: 15_000 })
    .toBe('Do falls at night drop?');
  const plan = await part(cara.page, 'Plan');
  await plan.getByText(LOCKED).waitFor();
  expect(await objective.getAttribute('readonly')).not.toBeNull();
  // A part of the plan nobody has written yet is anyone's to fill in (two people may
  // each have started the test offline), so that field and Save stay.
  expect(await plan.getByLabel('Who will do it?').getAttribute('readonly')).toBeNull();
  // Act is the starter's or a lead's too; Do and Study are anyone's.
  const act = await part(cara.page, 'Act');
  await act.getByText(LOCKED).waitFor();
  expect(await act.getByRole('radio', { name: /^Adopt/ }).isDisabled()).toBe(true);
  const doPart = await part(cara.page, 'Do');
  expect(await doPart.getByText(LOCKED).count()).toBe(0);
  await doPart.getByLabel('Anything unexpected?').fill('Two patients woke');
  await doPart.getByRole('button', { name: 'Save what happened' }).click();
  await doPart.getByText('Saved on this phone').waitFor();
  const axe = await new AxeBuilder({ page: cara.page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // The facilitator may change everything.
  await asha.page.goto(testPath);
  const ashaObjective = asha.page.getByLabel('What are we trying to find out?');
  await expect
    .poll(() => ashaObjective.inputValue(), { timeout: 15_000 })
    .toBe('Do falls at night drop?');
  expect(await asha.page.getByText(LOCKED).count()).toBe(0);
  expect(await ashaObjective.getAttribute('readonly')).toBeNull();
});
