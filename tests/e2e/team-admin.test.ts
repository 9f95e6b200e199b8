/**
 * A facilitator manages who can join: a new invite code replaces the old one
 * (the old link stops working), a member can be named the team's sponsor, and
 * a removed member's phone is signed out while everything on it stays safe.
 */
import { beforeAll, expect, it } from 'vitest';
import { openApp, servedWard, waitFor, type Phone } from './support.ts';
import { joinByLink, setRole, startTeam, waitForMyIdeas } from './app.ts';

const ward = servedWard();
let a: Phone;
let b: Phone;
beforeAll(async () => {
  a = await ward.phone();
  b = await ward.phone();
});

it('rotates the invite code, names a sponsor and removes a member', async () => {
  await openApp(a.page);
  const oldCode = await startTeam(a.page, 'Ward 3', 'Asha');
  await openApp(b.page);
  await joinByLink(b.page, oldCode, 'Ben');

  await a.page.goto('/team');
  await a.page.getByRole('button', { name: 'Make a new invite code' }).click();
  await a.page.getByRole('button', { name: 'Make a new code' }).click();
  // Wait for the state asserted (the code on screen changing), not for the message beside it.
  const shownCode = async () =>
    ((await a.page.getByTestId('invite-code').textContent()) ?? '').replace(/[\s-]/g, '');
  await waitFor('the new invite code on screen', async () => (await shownCode()) !== oldCode);
  const newCode = await shownCode();
  expect(newCode).toMatch(/^[0-9A-Z]{8,}$/);
  // The message and the new code are on screen together.
  await a.page.getByText('The old code no longer works').waitFor();
  expect(await shownCode()).toBe(newCode);

  const joinOld = await a.page.evaluate(
    async (code) =>
      (
        await fetch('/api/v1/join', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ inviteCode: code, displayName: 'Late' }),
        })
      ).status,
    oldCode,
  );
  expect(joinOld).toBe(404);

  // A role change asks first, saying what the role allows; Cancel leaves it as it was.
  await a.page.getByLabel('Role of Ben').selectOption('facilitator');
  const ask = a.page.getByRole('alertdialog');
  expect(await ask.textContent()).toContain('run huddles, change the invite code');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  expect(await a.page.getByLabel('Role of Ben').inputValue()).toBe('member');
  expect(await a.page.getByText('Ben is now').count()).toBe(0);

  // Name Ben the team's sponsor; his phone learns its new role.
  await setRole(a.page, 'Ben', 'sponsor');
  await b.page.goto('/team');
  await b.page.locator('dd', { hasText: 'Sponsor' }).waitFor({ timeout: 20_000 });

  await a.page.getByRole('button', { name: 'Remove Ben' }).click();
  await a.page.getByRole('button', { name: 'Remove Ben' }).click(); // the confirm step
  await a.page.getByText('Ben was removed from the team.').waitFor();

  // Ben's phone captures offline-first as ever, then learns it is signed out.
  await b.page.goto('/');
  await b.page.getByLabel('Your idea').fill('Idea after removal');
  await b.page.getByRole('button', { name: 'Save', exact: true }).click();
  await b.page.getByTestId('my-idea').first().waitFor();
  await b.page.getByRole('button', { name: 'Sync now' }).click();
  await b.page
    .getByText('no longer signed in', { exact: false })
    .first()
    .waitFor({ timeout: 20_000 });
  await waitForMyIdeas(b.page, 1);
});
