/**
 * 9. An organisation (issue 14), on PostgreSQL (a fresh schema, dropped
 * afterwards), over HTTP on loopback against the real server: one
 * organisation grown from 50 to 200 to 800 linked teams of 40 members each.
 * Each team has a 100-day challenge whose outcome measure has 20 points, six
 * ideas (three in test, three adopted), two asks of the sponsor, one shared
 * change (with its chart's points and picture) and a take-up of the previous
 * team's. At each size:
 *  - the portfolio: a leader's GET /api/v1/org/portfolio, checked with the
 *    client's valibot schema (time from request to parsed answer, and bytes);
 *    and the server's summing-up alone (store.orgs.portfolio, in process);
 *  - a leader's device syncing the organisation's feed from nothing: GET
 *    /api/v1/org/pull page by page (1,000 a page), each page parsed and
 *    checked with the client's schema (time and bytes).
 *  - the portfolio on a phone (Chromium, 360×640): a leader joins in the app
 *    with the leader code, and the time from "Join as a leader" to the first
 *    cards drawn (the page draws CARDS_AT_A_TIME at once, the rest on a tap;
 *    unthrottled: it holds the portfolio's fetch); then the first render of
 *    the portfolio the phone keeps, opened again with the CPU throttled 4×:
 *    navigation start to the last of those cards in the page (a
 *    MutationObserver in the page notes the moment).
 * Medians of 3. The phone part needs the built app (dist/, which `npm run
 * bench` builds first); without it that part is reported as an error.
 *
 * Environment: BENCH_ORG_TEAMS (sizes, default "50,200,800"),
 * BENCH_ORG_MEMBERS (members per team, default 40). A quick proof:
 * BENCH_ORG_TEAMS=4,8 BENCH_ORG_MEMBERS=2.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import * as v from 'valibot';
import { startServer, type RunningServer } from '../../server/main.ts';
import { withPgUser } from '../../server/store/index.ts';
import { formatHlc } from '../../src/domain/hlc.ts';
import type { DeviceId } from '../../src/domain/ids.ts';
import { portfolioSchema, type OrgSession } from '../../src/domain/orgProtocol.ts';
import { pullResponseSchema } from '../../src/domain/protocol.ts';
import { takeId } from '../../src/domain/takeId.ts';
import { newId } from '../../src/lib/id.ts';
import { openApp } from '../../tests/e2e/support.ts';
import { launchPhone, throttle } from '../lib/browser.ts';
import { median, round } from '../lib/stats.ts';
import { PartlyMeasured, type Figure } from '../lib/result.ts';
import { CARDS_AT_A_TIME } from '../../src/domain/portfolio.ts';

const SECTION = '9. Organisation';
const ROUNDS = 3;

export type OrgSizes = { readonly teams: readonly number[]; readonly members: number };

/** The sizes from the environment (BENCH_ORG_TEAMS, BENCH_ORG_MEMBERS), or the issue's. */
export function orgSizes(env = process.env): OrgSizes {
  const teams = (env['BENCH_ORG_TEAMS'] ?? '50,200,800')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0)
    .sort((a, b) => a - b);
  const members = Number(env['BENCH_ORG_MEMBERS'] ?? 40);
  return { teams, members: Number.isInteger(members) && members > 0 ? members : 40 };
}

/** A small picture of a chart, the size of a real export's header and a line. */
function chartSvg(values: readonly number[]): string {
  const line = values.map((y, i) => `${40 + i * 30},${300 - y * 5}`).join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="376" viewBox="0 0 640 376"><rect width="640" height="376" fill="#fff"/><text x="8" y="34" font-size="18" fill="#212b32">Meals missed (a week)</text><svg viewBox="0 0 640 320" y="56" width="640" height="320"><polyline points="${line}" fill="none" stroke="#005eb8" stroke-width="2"/></svg></svg>`;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await run();
  return { ms: performance.now() - t0, value };
}

/** One team: its facilitator, members, and the records a ward has after some weeks. */
async function addTeam(
  server: RunningServer,
  inviteCode: string,
  n: number,
  members: number,
  previousShare: string | null,
): Promise<string> {
  const { store } = server;
  const now = Date.now();
  const lead = await store.createTeam(
    { teamName: `Ward ${String(n).padStart(4, '0')}`, displayName: 'Lead' },
    now,
  );
  for (let i = 1; i < members; i++) {
    const s = await store.joinTeam(
      { inviteCode: lead.team.inviteCode ?? '', displayName: `Member ${i}` },
      now,
    );
    if (!s || !('token' in s)) throw new Error('join failed');
  }
  const linked = await store.orgs.linkTeam(lead.team.id, inviteCode, now);
  if (linked.kind !== 'linked') throw new Error(`link: ${linked.kind}`);
  const actor = await store.authenticate(lead.token);
  if (!actor) throw new Error('no actor');
  const node = (n + 1).toString(16).padStart(16, '0') as DeviceId;
  let counter = 0;
  const m = (entity: string, entityId: string, fields: object) => ({
    id: newId(),
    entity,
    entityId,
    fields,
    hlc: formatHlc({ wall: now, counter: ++counter, node }),
  });
  const ideas = Array.from({ length: 6 }, () => newId());
  const measureId = newId();
  const values = Array.from({ length: 20 }, (_, i) => 40 - i + ((i * 7 + n) % 5));
  const shareId = newId();
  const mutations = [
    ...ideas.flatMap((id, i) => [
      m('idea', id, {
        title: `Idea ${i + 1} of ward ${n}: protected mealtimes on bay ${i + 1}`,
        category: 'safety',
        status: 'new',
        anonymous: false,
        createdAt: now,
        deleted: false,
      }),
      m('idea', id, { status: 'testing' }),
      ...(i >= 3 ? [m('idea', id, { status: 'adopted' })] : []),
    ]),
    m('measure', measureId, {
      name: 'Meals missed',
      unit: 'a week',
      direction: 'lower',
      type: 'outcome',
      createdAt: now,
      deleted: false,
    }),
    ...values.map((value, i) =>
      m('point', newId(), {
        measureId,
        date: new Date(Date.UTC(2026, 0, 5 + i * 7)).toISOString().slice(0, 10),
        value,
        createdAt: now,
        deleted: false,
      }),
    ),
    m('challenge', newId(), {
      goal: 'Halve missed meals in 100 days',
      startDate: '2026-01-05',
      outcomeMeasureId: measureId,
      createdAt: now,
      deleted: false,
    }),
    ...ideas.slice(0, 2).map((ideaId) =>
      m('ask', newId(), {
        ideaId,
        kind: 'support',
        text: 'Can estates print the signs for every bay?',
        askedBy: actor.memberId,
        createdAt: now,
        deleted: false,
      }),
    ),
    m('share', shareId, {
      ideaId: ideas[5],
      title: `Protected mealtimes (ward ${n})`,
      tried: 'Cycle 1: a sign on every bay at noon. Cycle 2: the same at 5 pm. Adopted.',
      category: 'Safety',
      measureName: 'Meals missed',
      unit: 'a week',
      direction: 'lower',
      points: JSON.stringify(values.map((value, i) => ({ date: `2026-01-${10 + i}`, value }))),
      chartSvg: chartSvg(values),
      contact: `Lead, ward ${n}`,
      teamName: lead.team.name,
      sharedBy: actor.memberId,
      createdAt: now,
      withdrawn: false,
    }),
    ...(previousShare
      ? [
          m('take', takeId(previousShare, lead.team.id), {
            shareId: previousShare,
            takenBy: lead.team.id,
            createdAt: now,
            deleted: false,
          }),
        ]
      : []),
  ];
  const results = await store.push(actor, mutations as never, now);
  const refused = results.filter((r) => r.kind !== 'applied');
  if (refused.length > 0) throw new Error(`seeding refused: ${JSON.stringify(refused[0])}`);
  return shareId;
}

const pullPage = v.object({ ...pullResponseSchema.entries, epoch: v.optional(v.string()) });

async function getJson(url: string, token: string): Promise<{ body: unknown; bytes: number }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${text.slice(0, 200)}`);
  return { body: JSON.parse(text) as unknown, bytes: Buffer.byteLength(text) };
}

export async function orgFigures(
  pgUrl: string,
  sizes: OrgSizes = orgSizes(),
  log: (s: string) => void = () => undefined,
): Promise<{ figures: Figure[]; detail: unknown }> {
  const dir = mkdtempSync(join(tmpdir(), 'ground-up-bench-org-'));
  const schema = `bench_org_${process.pid}_${randomBytes(4).toString('hex')}`;
  const server = await startServer({
    port: 0,
    databaseUrl: pgUrl,
    pgSchema: schema,
    staticDir: 'dist',
    log: () => undefined,
  });
  const figures: Figure[] = [];
  const detail: Record<string, unknown>[] = [];
  try {
    const admin: OrgSession = await server.store.orgs.createOrg(
      { orgName: 'Bench Patch', displayName: 'Admin' },
      Date.now(),
    );
    const leader = await server.store.orgs.joinOrg(
      { leaderCode: admin.org.leaderCode ?? '', displayName: 'Director of Nursing' },
      Date.now(),
    );
    if (!leader) throw new Error('leader join failed');
    const leaderCode = admin.org.leaderCode ?? '';
    let teams = 0;
    let previous: string | null = null;
    for (const size of sizes.teams) {
      const t0 = performance.now();
      while (teams < size) {
        previous = await addTeam(
          server,
          admin.org.inviteCode ?? '',
          teams,
          sizes.members,
          previous,
        );
        teams++;
      }
      log(
        `org: ${teams} teams × ${sizes.members} seeded in ${Math.round(performance.now() - t0)} ms`,
      );
      const pull: number[] = [];
      const compute: number[] = [];
      const feed: number[] = [];
      let portfolioBytes = 0;
      let feedBytes = 0;
      let feedChanges = 0;
      for (let r = 0; r < ROUNDS; r++) {
        const p = await timed(async () => {
          const got = await getJson(`${server.url}/api/v1/org/portfolio`, leader.token);
          const parsed = v.parse(portfolioSchema, got.body);
          if (parsed.teams.length !== teams) throw new Error('portfolio lacks teams');
          return got.bytes;
        });
        pull.push(p.ms);
        portfolioBytes = p.value;
        compute.push((await timed(() => server.store.orgs.portfolio(admin.org.id, Date.now()))).ms);
        const f = await timed(async () => {
          let bytes = 0;
          let changes = 0;
          for (let cursor = 0; ;) {
            const got = await getJson(
              `${server.url}/api/v1/org/pull?org=${admin.org.id}&cursor=${cursor}&limit=1000`,
              leader.token,
            );
            const page = v.parse(pullPage, got.body);
            bytes += got.bytes;
            changes += page.changes.length;
            if (!page.more) break;
            cursor = page.cursor;
          }
          return { bytes, changes };
        });
        feed.push(f.ms);
        feedBytes = f.value.bytes;
        feedChanges = f.value.changes;
      }
      const at = `${teams} teams × ${sizes.members}`;
      const phone = await portfolioOnAPhone(server.url, leaderCode, teams);
      figures.push(
        {
          section: SECTION,
          name: `Phone: leader joins → first ${Math.min(teams, CARDS_AT_A_TIME)} team cards drawn, ${at}`,
          value: round(phone.joinToDrawn),
          unit: 'ms',
          note: 'unthrottled; holds the portfolio fetch',
        },
        {
          section: SECTION,
          name: `Phone: portfolio first render, 4× CPU, ${at} (median)`,
          value: round(median(phone.reopen)),
          unit: 'ms',
          note: `navigation start → last card; runs ${phone.reopen.map((x) => Math.round(x)).join(', ')} ms`,
        },
      );
      detail.push({ teams, phone });
      figures.push(
        {
          section: SECTION,
          name: `Portfolio pull, ${at} (median)`,
          value: round(median(pull)),
          unit: 'ms',
        },
        {
          section: SECTION,
          name: `Portfolio summing-up on the server, ${at}`,
          value: round(median(compute)),
          unit: 'ms',
        },
        { section: SECTION, name: `Portfolio size, ${at}`, value: portfolioBytes, unit: 'bytes' },
        {
          section: SECTION,
          name: `Leader's device syncing the feed from nothing, ${at} (median)`,
          value: round(median(feed)),
          unit: 'ms',
          note: `${feedChanges} changes`,
        },
        { section: SECTION, name: `Feed size, ${at}`, value: feedBytes, unit: 'bytes' },
      );
      detail.push({
        teams,
        members: sizes.members,
        pull,
        compute,
        feed,
        portfolioBytes,
        feedBytes,
        feedChanges,
      });
    }
  } catch (e) {
    throw new PartlyMeasured(e, figures, detail);
  } finally {
    await server.close();
    const c = new pg.Client({ connectionString: withPgUser(pgUrl).toString() });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
    rmSync(dir, { recursive: true, force: true });
  }
  return { figures, detail };
}

declare const __drawnAt: number | undefined;

/** Notes in the page the moment `want` team cards are in <main>. */
const drawnProbe = (want: number) => `(() => {
  const check = () => {
    if (window.__drawnAt !== undefined) return;
    if (document.querySelectorAll('main h2.card__heading').length >= ${want}) {
      window.__drawnAt = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
})();`;

/**
 * A leader's phone: joins with the leader code in the app, opens the
 * portfolio, and opens it again three times with the CPU throttled 4×.
 */
async function portfolioOnAPhone(
  baseUrl: string,
  leaderCode: string,
  teams: number,
): Promise<{ joinToDrawn: number; reopen: number[] }> {
  if (!existsSync(join('dist', 'index.html')))
    throw new Error('dist/ is missing: run `npm run build` (npm run bench does it first)');
  const first = Math.min(teams, CARDS_AT_A_TIME);
  const phone = await launchPhone(baseUrl, { initScript: drawnProbe(first) });
  const page = phone.page;
  const drawn = { timeout: 240_000 };
  try {
    await page.setViewportSize({ width: 360, height: 640 });
    await openApp(page, '/org');
    const form = page.getByRole('form', { name: 'Join an organisation as a leader' });
    await form.getByLabel('The leader code').fill(leaderCode);
    await form.getByLabel('Your name').fill('Ms Shah');
    const t0 = Date.now();
    await form.getByRole('button', { name: 'Join as a leader' }).click();
    await page.getByRole('link', { name: 'Portfolio of every linked team' }).click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('main h2.card__heading').length >= n,
      first,
      drawn,
    );
    const joinToDrawn = Date.now() - t0;
    await throttle(page, 4);
    const reopen: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      await page.goto('/org/portfolio');
      await page.waitForFunction(() => typeof __drawnAt === 'number', undefined, drawn);
      reopen.push(await page.evaluate(() => __drawnAt ?? Number.NaN));
    }
    return { joinToDrawn, reopen };
  } finally {
    await phone.close();
  }
}
