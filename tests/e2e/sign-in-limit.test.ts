/**
 * Too many sign-ins started from one network (issue 16): the server allows
 * two here; a nurse's third "Sign in" is refused, and the join screen says in
 * the server's words what happened and what to do, stays where it is (no
 * error page, nothing lost) and passes axe. The limit itself, its reset and
 * TRUST_PROXY are tested in tests/integration/server/signInLimit.test.ts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../server/http/limits.ts';
import {
  settingsFor,
  startProvider,
  type TestProvider,
} from '../integration/support/oidcProvider.ts';
import { axeViolations, freePort, openApp, servedWard } from './support.ts';

let idp: TestProvider | undefined;
const port = await freePort();
const publicUrl = `http://127.0.0.1:${port}`;
beforeAll(async () => {
  idp = await startProvider(`${publicUrl}/api/v1/auth/callback`);
});
afterAll(async () => {
  await idp?.close();
});
const ward = servedWard({
  port,
  limits: { ...DEFAULT_LIMITS, signInStarts: { points: 2, durationSec: 600 } },
  get signIn() {
    if (!idp) throw new Error('the provider starts before the server');
    return settingsFor(idp, publicUrl, 60);
  },
});

it('says in words, on the join screen, that too many sign-ins were started and what to do', async () => {
  const nurse = await ward.phone();
  const page = nurse.page;
  // The provider's pages import a web font; there is no internet here, so do not wait for it.
  await nurse.context.route('https://fonts.googleapis.com/**', (r) => r.abort());
  await openApp(page);
  // Back from a sign-in that failed: the join screen offers "Sign in again".
  const join = '/join/K7M2Q9TX4B#sign-in-error=failed';
  for (let i = 0; i < 2; i++) {
    await page.goto(join);
    await page.getByRole('link', { name: 'Sign in again' }).click();
    await page.locator('input[name="login"]').waitFor();
  }

  await page.goto(join);
  await page.getByRole('link', { name: 'Sign in again' }).click();
  const summary = page.locator('#sign-in-start-errors-title').locator('..');
  await summary
    .getByText(
      /^Too many sign-ins have been started from your network in the last few minutes\. Wait 10 minutes, then sign in again; nothing on this phone has changed\./,
    )
    .waitFor();
  expect(new URL(page.url()).pathname).toBe('/join/K7M2Q9TX4B');
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alert');
  expect(await axeViolations(page)).toEqual([]);
});
