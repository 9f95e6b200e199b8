/**
 * Data a team can hand back, in the built app on two phones: a member
 * downloads everything held about them (every record they made, nothing of a
 * colleague's) and has their name replaced by "Former member", which the
 * colleague's phone shows; the facilitator downloads the team's data, deletes
 * the team (the name typed to confirm, a wrong one refused in words), sees the
 * notice, and once the grace period is over nothing of the team is left in
 * any table of the server's database.
 */
import { AxeBuilder } from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { openStore } from '../../server/store/index.ts';
import { DAY_MS } from '../../server/store/teamLifecycle.ts';
import { capture, joinByLink, startTeam } from './app.ts';
import { openApp, servedWard, waitFor, type Phone } from './support.ts';

const ward = servedWard();
let asha: Phone;
let ben: Phone;
beforeAll(async () => {
  asha = await ward.phone();
  ben = await ward.phone();
});

const dbFile = () => join(ward.server.dir, 'e2e.sqlite');

/** Every value in every table of the server's database, as text. */
function everything(): string {
  const db = new Database(dbFile(), { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
      .all() as { name: string }[];
    return tables
      .flatMap((t) =>
        db
          .prepare(`select * from "${t.name}"`)
          .all()
          .map((r) => JSON.stringify(r)),
      )
      .join('\n');
  } finally {
    db.close();
  }
}

function recordsOnServer(): { title: string; createdBy: string }[] {
  const db = new Database(dbFile(), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(`select fields, created_by from records where entity = 'idea'`)
      .all() as { fields: string; created_by: string }[];
    return rows.map((r) => ({
      title: String((JSON.parse(r.fields) as { title?: unknown }).title),
      createdBy: r.created_by,
    }));
  } finally {
    db.close();
  }
}

/** Clicks `button` and reads the JSON file the page saves. */
async function downloaded(page: Page, button: string): Promise<{ name: string; body: unknown }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await file.path();
  return {
    name: file.suggestedFilename(),
    body: JSON.parse(readFileSync(path, 'utf8')) as unknown,
  };
}

it('hands a member their data, erases their name, and deletes the team leaving nothing behind', async () => {
  await openApp(asha.page);
  const code = await startTeam(asha.page, 'Ward Quokka', 'Asha Zanzibar');
  await openApp(ben.page);
  await joinByLink(ben.page, code, 'Ben Xylophone');

  await asha.page.goto('/');
  await capture(asha.page, 'Asha idea about the linen cupboard');
  await ben.page.goto('/');
  await capture(ben.page, 'Ben idea one: bay cards');
  await capture(ben.page, 'Ben idea two: quiet hour');
  await waitFor('all three ideas on the server', async () => recordsOnServer().length === 3);

  // Subject access: every record Ben made, and nothing of Asha's.
  await ben.page.goto('/team');
  const mine = await downloaded(ben.page, 'Download your data');
  expect(mine.name).toMatch(/^ground-up-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const sar = mine.body as {
    member: { id: string; displayName: string };
    records: { fields: { title?: string } }[];
  };
  expect(sar.member.displayName).toBe('Ben Xylophone');
  const benMade = recordsOnServer()
    .filter((r) => r.createdBy === sar.member.id)
    .map((r) => r.title);
  expect(sar.records.map((r) => r.fields.title).sort()).toEqual(benMade.sort());
  expect(benMade).toHaveLength(2);
  expect(JSON.stringify(sar)).not.toContain('linen cupboard');

  // Erasure: Ben's name is replaced, and Asha's phone shows "Former member".
  await asha.page.goto('/ideas');
  await asha.page.getByText('Ben Xylophone').first().waitFor();
  await ben.page.getByRole('button', { name: 'Remove my name' }).click();
  await ben.page.getByRole('alertdialog').getByRole('button', { name: 'Remove my name' }).click();
  await ben.page
    .getByText('Your name now reads “Former member” on everything you wrote.')
    .waitFor();
  await asha.page.getByText('Former member').first().waitFor();
  expect(await asha.page.getByText('Ben Xylophone').count()).toBe(0);
  expect(everything()).not.toContain('Ben Xylophone');

  // The facilitator's download holds every record of the team.
  await asha.page.goto('/team');
  const team = await downloaded(asha.page, "Download the team's data");
  expect(team.name).toMatch(/^ground-up-team-\d{4}-\d{2}-\d{2}\.json$/);
  const teamTitles = (team.body as { records: { fields: { title?: string } }[] }).records
    .map((r) => r.fields.title)
    .filter((t) => t !== undefined)
    .sort();
  expect(teamTitles).toEqual(
    recordsOnServer()
      .map((r) => r.title)
      .sort(),
  );

  // Deleting: a wrong name is refused in words; the right one schedules it.
  await asha.page.getByRole('button', { name: 'Delete the team' }).click();
  const confirm = asha.page.getByLabel("Type the team's name, Ward Quokka, to delete it");
  await confirm.fill('Ward Wombat');
  await asha.page.getByRole('button', { name: 'Delete Ward Quokka' }).click();
  await asha.page
    .getByText('To delete the team, type its name exactly as it is shown: Ward Quokka.')
    .waitFor();
  await confirm.fill('Ward Quokka');
  await asha.page.getByRole('button', { name: 'Delete Ward Quokka' }).click();
  await asha.page.getByRole('heading', { name: /^This team will be deleted on / }).waitFor();
  await asha.page.getByRole('button', { name: 'Keep the team' }).waitFor();
  const axe = await new AxeBuilder({ page: asha.page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(
    axe.violations.map((v) => `${v.id}: ${v.help}`),
    'team screen with the notice',
  ).toEqual([]);

  // After the grace period the sweep removes it: nothing of it is left in any table.
  const store = await openStore({ sqlitePath: dbFile() });
  try {
    const swept = await store.sweepTeams(Date.now() + 8 * DAY_MS, {
      retentionDays: null,
      graceDays: 7,
    });
    expect(swept.purged).toHaveLength(1);
  } finally {
    await store.close();
  }
  const left = everything();
  for (const gone of [
    'Quokka',
    'Asha Zanzibar',
    'bay cards',
    'quiet hour',
    'linen cupboard',
    code,
  ]) {
    expect(left, `"${gone}" is still in the database`).not.toContain(gone);
  }
});
