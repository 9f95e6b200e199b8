/**
 * Staff sign-in in Welsh (issues 16 and 20, decisions 0020 and 0022): the
 * app's own sign-in screens with Cymraeg chosen on the phone, against a real
 * OpenID provider on loopback (whose login and consent pages are its own, in
 * English, and not checked). A team asks everyone to sign in: a nurse's
 * invite code alone is refused, the server's words said again in Welsh, with
 * the button to sign in; she signs in and comes back to the join form signed
 * in, and joins. An account of another domain is refused in Welsh with what
 * to do next. Her account disabled at the provider, her next sync signs the
 * phone out and the team screen says why in Welsh. Each of the app's screens:
 * no English left, axe clean, at 360×640.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SessionResponse } from '../../src/domain/protocol.ts';
import {
  settingsFor,
  startProvider,
  type TestProvider,
} from '../integration/support/oidcProvider.ts';
import { type Catalogue, loadCatalogues } from '../catalogues.ts';
import { apiClient, signInAtProvider } from './app.ts';
import {
  freePort,
  openApp,
  openPhone,
  serveBuiltApp,
  type Phone,
  type TestServer,
} from './support.ts';
import { englishTells, expectWelsh, welshLookup, type Tells } from './welshCheck.ts';

let server: TestServer;
let idp: TestProvider;
let nurse: Phone;
let stranger: Phone;
let catalogues: Catalogue[];
let tells: Tells;
let code = '';

/** The phone's language chosen in Settings (kept in localStorage) before the app first loads. */
const WELSH_CHOSEN = "localStorage.setItem('groundup.lang', 'cy')";

beforeAll(async () => {
  catalogues = await loadCatalogues();
  tells = englishTells(catalogues);
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  idp = await startProvider(`${publicUrl}/api/v1/auth/callback`);
  server = await serveBuiltApp({ port, signIn: settingsFor(idp, publicUrl, 0) });
  nurse = await openPhone(server.url, { initScript: WELSH_CHOSEN });
  stranger = await openPhone(server.url, { initScript: WELSH_CHOSEN });
  for (const p of [nurse, stranger]) {
    await p.page.setViewportSize({ width: 360, height: 640 });
    // The provider's pages import a web font; there is no internet here, so do not wait for it.
    await p.context.route('https://fonts.googleapis.com/**', (r) => r.abort());
  }
  // The ward's facilitator started the team and asks everyone to sign in (through the API,
  // as her phone would).
  const api = apiClient(() => server.url);
  const lead = await api<SessionResponse>('POST', '/api/v1/teams', {
    teamName: 'Ward 9',
    displayName: 'Asha',
  });
  await api('PUT', '/api/v1/team/sign-in', { required: true, allowInviteCodes: false }, lead.token);
  code = lead.team.inviteCode ?? '';
});
afterAll(async () => {
  await nurse.close();
  await stranger.close();
  await server.close();
  await idp.close();
});

const cy = (id: string, key: string) => welshLookup(catalogues)(id, key);
const TEAM = 'ui/screens/team/team';
const JOIN = 'ui/screens/join';

/** The join link, in Welsh, with a name: the team refuses the code alone. */
async function tryToJoin(page: Page, name: string): Promise<void> {
  await openApp(page, `/join/${code}`);
  await page.getByRole('heading', { level: 1, name: cy(JOIN, 'join') }).waitFor();
  await page.getByLabel(cy(TEAM, 'yourName')).fill(name);
  await page.getByRole('button', { name: cy(TEAM, 'joinTeam') }).click();
}

it('asks a nurse to sign in to join, in Welsh, and lets her in once she has', async () => {
  const page = nurse.page;
  await tryToJoin(page, 'Anna');
  await page.getByRole('heading', { name: cy(TEAM, 'signInToJoin') }).waitFor();
  // The server's refusal, in English on the wire, said again in Welsh (domain/joining.cy.ts).
  await page.getByText(cy('domain/joining', 'signInRequired')).first().waitFor();
  await expectWelsh(page, tells, '/join/:code, sign-in required');

  await page.getByRole('link', { name: cy(TEAM, 'signInWork') }).click();
  await signInAtProvider(page, 'anna@nhs.net');
  await page.locator('strong', { hasText: 'anna@nhs.net' }).waitFor();
  expect(await page.getByLabel(cy(TEAM, 'yourName')).inputValue()).toBe('Anna');
  await expectWelsh(page, tells, '/join/:code, signed in');
  await page.getByRole('button', { name: cy(TEAM, 'joinTeam') }).click();
  await page.getByTestId('invite-code').waitFor();
  await page.getByRole('heading', { level: 1, name: 'Ward 9' }).waitFor();
  await expectWelsh(page, tells, '/team, joined signed in');
});

it('refuses an account of another domain in Welsh, with what to do next', async () => {
  const page = stranger.page;
  await tryToJoin(page, 'Mallory');
  await page.getByRole('link', { name: cy(TEAM, 'signInWork') }).click();
  await signInAtProvider(page, 'mallory@gmail.com');
  await page.getByRole('link', { name: cy(JOIN, 'signInAgain') }).waitFor();
  const who = cy(TEAM, 'signedInAs').replace('{email}', 'mallory@gmail.com');
  await page.getByText(who, { exact: false }).first().waitFor();
  await expectWelsh(page, tells, '/join/:code, another domain');
});

it('says in Welsh that a disabled work account has signed the phone out', async () => {
  idp.disable('anna@nhs.net');
  const page = nurse.page;
  await page.goto('/');
  await page.getByRole('button', { name: cy('state/sync', 'syncNow') }).click();
  await page.goto('/team');
  await page.getByText(cy('domain/joining', 'accountDisabled')).waitFor({ timeout: 20_000 });
  await expectWelsh(page, tells, '/team, signed out');
});
