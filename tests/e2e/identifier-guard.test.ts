/**
 * The patient-identifier guard on the capture screen: a valid NHS number is
 * named in words before saving, "Remove it and save" saves without it, "Save as
 * it is" saves the text unchanged, and a number failing the check digit is not
 * flagged at all. Nothing is ever blocked silently.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, openPhone, serveBuiltApp, type Phone, type TestServer } from './support.ts';
import { myIdeas } from './app.ts';

let server: TestServer;
let phone: Phone;
beforeAll(async () => {
  server = await serveBuiltApp();
  phone = await openPhone(server.url);
});
afterAll(async () => {
  await phone.close();
  await server.close();
});

it('warns about an NHS number and offers to remove it, or to save as it is', async () => {
  const page = phone.page;
  await openApp(page);
  const save = page.getByRole('button', { name: 'Save', exact: true });

  await page.getByLabel('Your idea').fill('Bed 4 patient 943 476 5919 kept waiting for TTOs');
  await save.click();
  const warning = page.getByRole('alert').filter({ hasText: 'Check for patient details' });
  await warning.waitFor();
  expect(await warning.textContent()).toContain('NHS number');
  expect(await myIdeas(page)).toHaveLength(0); // not saved until the person chooses

  await page.getByRole('button', { name: 'Remove it and save' }).click();
  await page.getByTestId('my-idea').first().waitFor();
  let mine = await myIdeas(page);
  expect(mine[0]).toContain('Bed 4 patient [removed] kept waiting for TTOs');
  expect(mine.join(' ')).not.toContain('943 476 5919');

  await page.getByLabel('Your idea').fill('Fridge log checked at LS1 4AP site');
  await save.click();
  await page.getByRole('button', { name: 'Save as it is' }).click();
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="my-idea"]').length === 2,
  );
  mine = await myIdeas(page);
  expect(mine[0]).toContain('Fridge log checked at LS1 4AP site');

  // 943 476 5918 fails the Modulus 11 check: no warning, saved at once.
  await page.getByLabel('Your idea').fill('Extension 943 476 5918 for the bed bureau');
  await save.click();
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="my-idea"]').length === 3,
  );
  expect(
    await page.getByRole('alert').filter({ hasText: 'Check for patient details' }).count(),
  ).toBe(0);
});
