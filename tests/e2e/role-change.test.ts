/**
 * A role change reaches the member's phone without the Team screen (issue 17):
 * made sponsor, Ben's phone shows the answer form on the asks screen after its
 * next sync; made facilitator, it shows "Start a huddle". Ben never opens /team.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, openPhone, serveBuiltApp, type Phone, type TestServer } from './support.ts';
import { capture, joinByLink, setRole, startTeam } from './app.ts';

let server: TestServer;
let a: Phone;
let b: Phone;
beforeAll(async () => {
  server = await serveBuiltApp();
  a = await openPhone(server.url);
  b = await openPhone(server.url);
});
afterAll(async () => {
  await a.close();
  await b.close();
  await server.close();
});

const ASK = 'Pharmacy to prioritise TTOs';

it('a new sponsor sees the answer form and a new facilitator "Start a huddle" after a sync', async () => {
  await openApp(a.page);
  const code = await startTeam(a.page, 'Ward 5', 'Asha');
  await openApp(b.page);
  await joinByLink(b.page, code, 'Ben');

  // Asha asks the sponsor for something on a test of change.
  await a.page.goto('/');
  await capture(a.page, 'TTOs written the day before');
  await a.page.goto('/ideas');
  await a.page.getByRole('link', { name: 'TTOs written the day before' }).click();
  await a.page.getByRole('link', { name: 'Test of change (PDSA)' }).click();
  await a.page.getByRole('button', { name: 'Start a test of change' }).click();
  await a.page.getByLabel('What are you asking for?').fill(ASK);
  await a.page.getByRole('button', { name: 'Send the ask' }).click();
  await a.page.getByText('Ask saved').waitFor();

  // Ben sees the ask, as a member: no answer form.
  await b.page.goto('/challenge/asks');
  await b.page.getByRole('button', { name: 'Sync now' }).click();
  await b.page.getByText(ASK).waitFor({ timeout: 20_000 });
  expect(await b.page.getByRole('button', { name: 'Answer' }).count()).toBe(0);

  // Asha makes Ben the sponsor; his phone's next sync brings the answer form.
  await a.page.goto('/team');
  await setRole(a.page, 'Ben', 'sponsor');
  await b.page.getByRole('button', { name: 'Sync now' }).click();
  await b.page.getByRole('button', { name: 'Answer' }).waitFor({ timeout: 20_000 });
  await b.page.reload();
  await b.page.getByRole('button', { name: 'Answer' }).waitFor();

  // Made facilitator: "Start a huddle" appears on the huddles screen after a sync.
  await b.page.goto('/huddles');
  await b.page.getByRole('heading', { level: 1 }).waitFor();
  expect(await b.page.getByRole('heading', { name: 'Start a huddle' }).count()).toBe(0);
  await setRole(a.page, 'Ben', 'facilitator');
  await b.page.getByRole('button', { name: 'Sync now' }).click();
  await b.page.getByRole('heading', { name: 'Start a huddle' }).waitFor({ timeout: 20_000 });
  expect(b.page.url()).not.toContain('/team');
});
