/**
 * A name with a hidden character (a zero-width space pasted from an email) or
 * an invite code of the wrong shape, in the built app: the team form refuses
 * it on the phone with words that name the field and say what to do (the
 * server's own check, run first: src/sync/team.ts), in English and in Welsh;
 * nothing reaches the server, what was typed stays in the form, and axe finds
 * no violations.
 */
import { expect, it } from 'vitest';
import { loadCatalogues } from '../catalogues.ts';
import { axeViolations, openApp, servedWard } from './support.ts';
import { welshLookup } from './welshCheck.ts';

const ward = servedWard();

it('refuses a pasted hidden character and a short code in words, naming the field', async () => {
  const cy = welshLookup(await loadCatalogues());
  const { page } = await ward.phone();
  await openApp(page);
  await page.goto('/team');
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Start team' }) });
  await form.getByLabel('Ward or team name').fill('Ward 9');
  await form.getByLabel('Your name').fill('Asha\u200b');
  await form.getByRole('button', { name: 'Start team' }).click();
  const nameError = form.locator('#start-display-name-error');
  await nameError.getByText(/Your name has a hidden character in it/).waitFor();
  expect(await form.getByLabel('Your name').inputValue()).toBe('Asha\u200b');
  expect(await form.getByLabel('Ward or team name').inputValue()).toBe('Ward 9');
  expect(await axeViolations(page)).toEqual([]);
  expect(ward.server.logs.filter((l) => /\/api\/v1\/teams?\b/.test(l))).toEqual([]);

  // In Welsh: a code too short for an invite code.
  await page.evaluate(() => localStorage.setItem('groundup.lang', 'cy'));
  await page.goto('/join/K7M2');
  const join = page.locator('form', {
    has: page.getByRole('button', { name: cy('ui/screens/team/team', 'joinTeam') }),
  });
  await join.getByLabel(cy('ui/screens/team/team', 'yourName')).fill('Siân');
  await join.getByRole('button', { name: cy('ui/screens/team/team', 'joinTeam') }).click();
  await page.getByText(cy('sync/team', 'codeShape')).first().waitFor();
  expect(await axeViolations(page)).toEqual([]);
  expect(ward.server.logs.filter((l) => /\/api\/v1\/(teams?|join)\b/.test(l))).toEqual([]);
});
