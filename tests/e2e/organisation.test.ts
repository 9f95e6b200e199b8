/**
 * Issue 14 in a real browser: two wards and a community team in one
 * organisation. Ward A's adopted, shared change and Ward B's ask are set up
 * through the API (as their phones would send them); the community team's
 * facilitator links the team on /org, takes the change up offline and its
 * take-up reaches the organisation once back online; the leader, on a
 * 360×640 phone, answers Ward B's ask from the portfolio, and the answer is
 * in Ward B's log. axe reports nothing on the screens touched.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { uuidv7 } from 'uuidv7';
import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../server/http/limits.ts';
import type { PullResponse } from '../../src/domain/protocol.ts';
import { startTeam } from './app.ts';
import { orgApp } from './orgApp.ts';
import { openApp, servedWard, waitCount, waitFor, type Phone } from './support.ts';

// Every team here is set up from this one address: more than a day's team creations allow.
const served = servedWard({
  limits: { ...DEFAULT_LIMITS, teamCreations: { points: 100, durationSec: 3600 } },
});
let community: Phone;
let leader: Phone;
beforeAll(async () => {
  community = await served.phone();
  leader = await served.phone();
});

const { api, m, push, createOrg, ward, shareAdopted } = orgApp(() => served.server.url);

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/** A leader joins on a 360×640 phone and opens the portfolio. */
async function leaderOpensPortfolio(lp: Page, leaderCode: string, name: string) {
  await lp.setViewportSize({ width: 360, height: 640 });
  await openApp(lp, '/org');
  const join = lp.getByRole('form', { name: 'Join an organisation as a leader' });
  await join.getByLabel('The leader code').fill(leaderCode);
  await join.getByLabel('Your name').fill(name);
  await join.getByRole('button', { name: 'Join as a leader' }).click();
  // Joining starts a sync, which brings the portfolio (a leader's phone has no team to sync).
  await lp.getByRole('link', { name: 'Portfolio of every linked team' }).click();
}

it('spreads a change across the organisation and lets a leader answer an ask from a phone', async () => {
  const org = await createOrg('North Patch');
  const a = await ward('Ward A', org.org.inviteCode!, 'Discharge lounge by 11 (Ward A)');
  const b = await ward('Ward B', org.org.inviteCode!, 'Discharge lounge by 11 (Ward B)');
  const shareId = await shareAdopted(a, {
    title: 'Discharge lounge by 11',
    tried: 'Cycle 1: patients ready by 11 wait in the lounge. Result: beds free by noon (adopted)',
    measureName: 'Beds free by noon',
    unit: 'a day',
    points: [
      { date: '2026-10-01', value: 2 },
      { date: '2026-10-08', value: 3 },
      { date: '2026-10-15', value: 6 },
    ],
    contact: 'Asha, Ward A, ext 4411',
  });
  const askId = uuidv7();
  await push(b.s, [
    m('ask', askId, {
      ideaId: b.ideaId,
      kind: 'support',
      text: 'Porters at 10 each morning',
      askedBy: b.s.member.id,
      createdAt: Date.now(),
      deleted: false,
    }),
  ]);

  // The community team's facilitator links the team and reads "Worked elsewhere".
  const page = community.page;
  await openApp(page);
  await startTeam(page, 'Community team', 'Jo');
  await page.goto('/org');
  await page.getByLabel('The organisation’s code').fill(org.org.inviteCode!);
  await page.getByRole('button', { name: 'Link the team' }).click();
  await page.getByText('Linked to').waitFor();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Worked elsewhere' }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByRole('link', { name: 'Discharge lounge by 11' }).waitFor({ timeout: 20_000 });
  await page.getByLabel('Search').fill('lounge');
  await page.getByRole('link', { name: 'Discharge lounge by 11' }).click();
  await page.getByRole('heading', { name: 'Whom to ask' }).waitFor();
  expect(await violations(page)).toEqual([]);

  // Offline, it takes the change up: a new idea of its own with the link back.
  await community.context.setOffline(true);
  await page.getByRole('button', { name: 'Take it up in your team' }).click();
  await page.getByRole('link', { name: 'Taken up from a change that worked elsewhere' }).waitFor();
  await community.context.setOffline(false);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await waitFor('the take-up to reach the organisation', async () => {
    const log = await api<PullResponse>(
      'GET',
      `/api/v1/org/pull?org=${org.org.id}`,
      undefined,
      org.token,
    );
    return log.changes.some((c) => c.entity === 'take' && c.fields['shareId'] === shareId);
  });
  await page.goto(`/org/elsewhere/${shareId}`);
  await page.getByText('Taken up by 1 team').waitFor({ timeout: 20_000 });

  // The leader joins on a small phone and answers Ward B's ask from the portfolio.
  const lp = leader.page;
  await leaderOpensPortfolio(lp, org.org.leaderCode!, 'Ms Shah');
  const card = lp
    .getByRole('listitem')
    .filter({ has: lp.getByRole('heading', { name: 'Ward B' }) });
  await card.getByText('Porters at 10 each morning').waitFor({ timeout: 20_000 });
  expect(await violations(lp)).toEqual([]);
  await card.getByLabel('Backed').check();
  await card.getByLabel('A note for the team').fill('Yes, from Monday');
  await card.getByRole('button', { name: 'Answer' }).click();
  await card.getByText('Answer sent to the team.').waitFor();
  // The refresh after the answer no longer counts the ask as waiting; the card still says it was sent.
  await card.getByRole('heading', { name: 'Asks waiting (0)' }).waitFor({ timeout: 20_000 });
  expect(await card.getByText('Answer sent to the team.').isVisible()).toBe(true);
  const log = await api<PullResponse>(
    'GET',
    `/api/v1/sync/pull?team=${b.s.team.id}&cursor=0`,
    undefined,
    b.s.token,
  );
  const answer = log.changes.find((c) => c.entityId === askId && c.fields['answer']);
  // Any other path still answers "Page not found" (the same lazy route now holds /org).
  await lp.goto('/no-such-page');
  await lp.getByRole('heading', { name: 'Page not found' }).waitFor();
  expect(answer?.fields).toMatchObject({
    answer: 'backed',
    answerNote: 'Yes, from Monday',
    answeredByName: 'Ms Shah',
  });
});

it('draws a large portfolio thirty teams at a time, downloads all of it, and words what a leader may not see', async () => {
  const org = await createOrg('Big Patch');
  const wards = [];
  for (let i = 1; i <= 32; i++) {
    const name = `Team ${String(i).padStart(2, '0')}`;
    wards.push(await ward(name, org.org.inviteCode!, `Discharge lounge by 11 (${name})`));
  }
  // Team 01 erases its idea's words; Team 02 asks about an idea still new (never shown to leaders).
  const [first, second] = wards;
  await api(
    'POST',
    `/api/v1/records/idea/${first!.ideaId}/erase`,
    { reason: 'A patient’s name' },
    first!.s.token,
  );
  const newIdea = uuidv7();
  await push(second!.s, [
    m('idea', newIdea, {
      title: 'SECRET still new',
      category: 'flow',
      status: 'new',
      anonymous: false,
      createdAt: Date.now(),
      deleted: false,
    }),
    m('ask', uuidv7(), {
      ideaId: newIdea,
      kind: 'permission',
      text: 'May we try it?',
      askedBy: second!.s.member.id,
      createdAt: Date.now(),
      deleted: false,
    }),
  ]);

  // A leader of this organisation, on a phone of their own.
  const lp = (await served.phone()).page;
  await leaderOpensPortfolio(lp, org.org.leaderCode!, 'Mr Evans');
  await lp.getByRole('heading', { level: 1, name: 'Portfolio: Big Patch' }).waitFor();

  const cards = lp.locator('.card-list > li');
  const more = lp.getByRole('button', { name: 'Show 2 more teams (2 not shown yet)' });
  await more.waitFor({ timeout: 20_000 });
  await waitCount(cards, 30);
  const one = cards.filter({ has: lp.getByRole('heading', { name: 'Team 01' }) });
  await one.getByText('(its words were erased)').waitFor();
  const two = cards.filter({ has: lp.getByRole('heading', { name: 'Team 02' }) });
  await two.getByText('Permission for “an idea of the team”: May we try it?').waitFor();
  expect(await lp.getByText(/SECRET/).count()).toBe(0);
  expect(await violations(lp)).toEqual([]);

  await more.click();
  await waitCount(cards, 32);
  await cards.filter({ has: lp.getByRole('heading', { name: 'Team 32' }) }).waitFor();
  expect(await more.count()).toBe(0);

  // The CSV is made when asked for, and holds every team, shown or not.
  const [download] = await Promise.all([
    lp.waitForEvent('download'),
    lp.getByRole('button', { name: 'Download every challenge’s results (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^portfolio-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  for (const w of wards) expect(csv).toContain(w.s.team.name);
});
