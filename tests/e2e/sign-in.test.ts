/**
 * Staff sign-in in Chromium against a real OpenID provider on loopback
 * (oidc-provider, its own login and consent forms): a facilitator makes the
 * team require sign-in; a nurse's invite code alone is refused in words with
 * a way to sign in; she signs in at the provider, comes back to the join form
 * with her name filled in, and joins; an account of another domain is refused
 * in words; when the provider disables her account, her phone's next sync
 * signs it out, in words, with everything on it kept. Each screen passes axe.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  settingsFor,
  startProvider,
  type TestProvider,
} from '../integration/support/oidcProvider.ts';
import {
  axeViolations,
  freePort,
  openApp,
  openPhone,
  serveBuiltApp,
  type Phone,
  type TestServer,
} from './support.ts';
import { signInAtProvider, startTeam, waitForMyIdeas } from './app.ts';

let server: TestServer;
let idp: TestProvider;
let lead: Phone;
let nurse: Phone;
let stranger: Phone;

beforeAll(async () => {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  idp = await startProvider(`${publicUrl}/api/v1/auth/callback`);
  server = await serveBuiltApp({
    port,
    signIn: settingsFor(idp, publicUrl, 0),
  });
  lead = await openPhone(server.url);
  nurse = await openPhone(server.url);
  stranger = await openPhone(server.url);
  // The provider's pages import a web font; there is no internet here, so do not wait for it.
  for (const p of [lead, nurse, stranger])
    await p.context.route('https://fonts.googleapis.com/**', (r) => r.abort());
});
afterAll(async () => {
  await lead.close();
  await nurse.close();
  await stranger.close();
  await server.close();
  await idp.close();
});

async function tryToJoin(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`/join/${code}`);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join team' }).click();
}

let code = '';

it('a team that requires sign-in lets a nurse in only after she signs in', async () => {
  await openApp(lead.page);
  code = await startTeam(lead.page, 'Ward 9', 'Asha');
  await lead.page.getByLabel('Ask everyone to sign in with NHSmail to join').check();
  await lead.page.getByRole('button', { name: 'Save how people join' }).click();
  await lead.page.getByText('The invite code alone no longer lets anyone in').waitFor();
  expect(await axeViolations(lead.page)).toEqual([]);

  await openApp(nurse.page);
  await tryToJoin(nurse.page, code, 'Anna');
  await nurse.page.getByRole('heading', { name: 'Sign in to join' }).waitFor();
  await nurse.page.getByText('asks everyone to sign in with their work account').first().waitFor();
  expect(await axeViolations(nurse.page)).toEqual([]);

  await nurse.page.getByRole('link', { name: 'Sign in with your work account' }).click();
  await signInAtProvider(nurse.page, 'anna@nhs.net');
  await nurse.page.getByText('You are signed in as').waitFor();
  expect(await nurse.page.locator('strong', { hasText: 'anna@nhs.net' }).count()).toBe(1);
  // The ticket is out of the address once read.
  expect(new URL(nurse.page.url()).hash).toBe('');
  expect(await nurse.page.getByLabel('Your name').inputValue()).toBe('Anna');
  expect(await axeViolations(nurse.page)).toEqual([]);
  await nurse.page.getByRole('button', { name: 'Join team' }).click();
  await nurse.page.getByTestId('invite-code').waitFor();
  await nurse.page.locator('dd', { hasText: 'Anna' }).first().waitFor();

  await lead.page.reload();
  await lead.page.getByText('1 of 2 members joined signed in with NHSmail.').waitFor();
});

it('refuses an account of another domain, in words, with what to do next', async () => {
  await openApp(stranger.page);
  await tryToJoin(stranger.page, code, 'Mallory');
  await stranger.page.getByRole('link', { name: 'Sign in with your work account' }).click();
  await signInAtProvider(stranger.page, 'mallory@gmail.com');
  await stranger.page
    .getByText(
      "You signed in as mallory@gmail.com. This team's server accepts only work accounts ending @nhs.net.",
      { exact: false },
    )
    .waitFor();
  await stranger.page.getByRole('link', { name: 'Sign in again' }).waitFor();
  expect(await axeViolations(stranger.page)).toEqual([]);
});

it('a disabled account loses access on its next sync, in words, and keeps what it saved', async () => {
  idp.disable('anna@nhs.net');
  await nurse.page.goto('/');
  await nurse.page.getByLabel('Your idea').fill('Label the spare oxygen');
  await nurse.page.getByRole('button', { name: 'Save', exact: true }).click();
  await waitForMyIdeas(nurse.page, 1);
  await nurse.page.getByRole('button', { name: 'Sync now' }).click();
  await nurse.page.goto('/team');
  await nurse.page.getByText('The work account you signed in with is no longer active').waitFor({
    timeout: 20_000,
  });
  expect(await axeViolations(nurse.page)).toEqual([]);
  await nurse.page.goto('/');
  await waitForMyIdeas(nurse.page, 1);
});
