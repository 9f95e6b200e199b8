/**
 * What a person does in the app, as steps the e2e tests share: start or join a
 * team, capture an idea, read "My ideas". Locators use the labels people see.
 */
import type { Page } from 'playwright-core';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { TestServer } from './support.ts';

export async function startTeam(page: Page, team: string, name: string): Promise<string> {
  await page.goto('/team');
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Start team' }) });
  await form.getByLabel('Ward or team name').fill(team);
  await form.getByLabel('Your name').fill(name);
  await form.getByRole('button', { name: 'Start team' }).click();
  const code = page.getByTestId('invite-code');
  await code.waitFor();
  return ((await code.textContent()) ?? '').replace(/[\s-]/g, '');
}

export async function joinByLink(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`/join/${code}`);
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Join team' }) });
  await form.getByLabel('Your name').fill(name);
  await form.getByRole('button', { name: 'Join team' }).click();
  await page.getByTestId('invite-code').waitFor();
}

export async function capture(page: Page, title: string): Promise<void> {
  const before = await page.getByTestId('my-idea').count();
  await page.getByLabel('Your idea').fill(title);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="my-idea"]').length > n,
    before,
  );
}

/** The sync bar at the foot of every screen. */
export const syncBar = (page: Page) => page.getByTestId('sync-status');

/** Wait for the sync bar's headline to say `words` (the state itself, not a neighbouring message). */
export async function barSays(page: Page, words: string | RegExp): Promise<void> {
  await syncBar(page).getByRole('status').filter({ hasText: words }).waitFor({ timeout: 30_000 });
}

/** Wait until "My ideas" lists `n` ideas (it renders from IndexedDB after the form). */
export async function waitForMyIdeas(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (count) => document.querySelectorAll('[data-testid="my-idea"]').length === count,
    n,
    { timeout: 20_000 },
  );
}

export async function myIdeas(page: Page): Promise<string[]> {
  return page.getByTestId('my-idea').allTextContents();
}

/** `read` run on the server's database, opened read-only straight from its SQLite file. */
export function readServerDb<T>(server: TestServer, read: (db: Database.Database) => T): T {
  const db = new Database(join(server.dir, 'e2e.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** What the server's database holds. */
export function serverCounts(server: TestServer): {
  ideaCreates: number;
  ideas: number;
  titles: string[];
} {
  return readServerDb(server, (db) => {
    const rows = db.prepare(`SELECT fields FROM change_log WHERE entity = 'idea'`).all() as {
      fields: string;
    }[];
    const creates = rows
      .map((r) => JSON.parse(r.fields) as Record<string, unknown>)
      .filter((f) => 'createdAt' in f);
    const ideas = (
      db.prepare(`SELECT count(*) AS n FROM records WHERE entity = 'idea'`).get() as { n: number }
    ).n;
    return { ideaCreates: creates.length, ideas, titles: creates.map((f) => String(f['title'])) };
  });
}

/** The state of each huddle the server holds ('open', 'closed'). */
export function serverHuddleStates(server: TestServer): string[] {
  return readServerDb(server, (db) => {
    const rows = db.prepare(`SELECT fields FROM records WHERE entity = 'huddle'`).all() as {
      fields: string;
    }[];
    return rows.map((r) => String((JSON.parse(r.fields) as Record<string, unknown>)['state']));
  });
}

/** A facilitator on the Team screen gives `name` a role: picks it, then confirms. */
export async function setRole(
  page: Page,
  name: string,
  role: 'member' | 'facilitator' | 'sponsor',
): Promise<void> {
  await page.getByLabel(`Role of ${name}`).selectOption(role);
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: `Make ${name} ${role}` })
    .click();
  await page.getByText(`${name} is now ${role}.`).waitFor();
}

/** At the test OpenID provider: its login form (any password), then its consent step. */
export async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Calls the server's API as a phone would (JSON both ways, a bearer token), failing on an error. */
export function apiClient(baseUrl: () => string) {
  return async function api<T>(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<T> {
    const res = await fetch(baseUrl() + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}
