/**
 * 4. Sync side by side. The same ideas are captured offline in Chromium, then
 * the network is restored; the clock runs from setOffline(false) until the
 * server has acknowledged every one:
 *  - Ground Up: ideas written through captureIdea (the app's one-transaction
 *    write path; chunks of 500 nested in one outer transaction so that 10,000
 *    take seconds, not minutes), the Background Sync tag registered as the app
 *    does after a write; done at the push answer that brings the count of
 *    mutations acknowledged (applied/duplicate, read from the answers at the
 *    proxy, so nothing polls the page's database meanwhile) to every idea.
 *    Afterwards the outbox is checked empty and nothing rejected. A third
 *    variant closes the app's page first (the service worker syncs alone).
 *  - PouchDB (IndexedDB adapter) replicating the same documents to
 *    express-pouchdb (memory adapter) with PouchDB.replicate, at each of
 *    POUCH_BATCHES for batch_size (Ground Up's DEFAULT_BATCH, 500; 200, Ground
 *    Up's until 3 December 2026; PouchDB's default, 100), and compared at the
 *    fastest of them; done at the end of its last _bulk_docs answer at the
 *    proxy, the same point as Ground Up's: the server has acknowledged every
 *    one. replicate() resolves later, after its checkpoint; that time is in the
 *    figure's note. Until 2 December 2026 PouchDB ran batches of 100
 *    (DEFAULT_BATCH had become 200) and its clock stopped when replicate()
 *    resolved, both in Ground Up's favour.
 * Runs alternate GU, PouchDB (each batch size), GU (page closed), GU,
 * PouchDB…; each run has a
 * fresh browser profile and a fresh team / remote database. Requests and bytes are counted
 * by a counting proxy in front of each server.
 */
import type { Store } from '../../server/store/index.ts';
import { LIMITS } from '../../src/domain/records.ts';
import { injectHarness, launchPhone } from '../lib/browser.ts';
import { openApp } from '../../tests/e2e/support.ts';
import type { CountingProxy, Counts, Exchange } from '../lib/proxy.ts';
import { makeIdeas } from '../lib/ideas.ts';
import { watchStall } from '../lib/stall.ts';
import { median, round, sleep } from '../lib/stats.ts';
import type { Figure } from '../lib/result.ts';
import type { BenchApi, SeedIdea } from '../page/harness.ts';

declare const __bench: BenchApi;
type PouchDoc = Record<string, unknown> & { _id: string };
type PouchLocal = { bulkDocs(docs: PouchDoc[]): Promise<unknown> };
declare const PouchDB: {
  new (name: string): PouchLocal;
  replicate(
    from: PouchLocal,
    to: string,
    opts: { batch_size: number },
  ): Promise<{ ok: boolean; docs_written: number; doc_write_failures: number }>;
};
declare const __pouchLocal: PouchLocal;

export type Run = {
  system: 'ground-up' | 'ground-up-closed' | 'pouchdb';
  n: number;
  /** PouchDB only: its replicate() batch_size. */
  batch?: number;
  ms: number;
  counts: Counts;
  captureMs: number;
  /** PouchDB only: ms until replicate() resolved in the page, after its checkpoint. */
  resolvedMs?: number;
  /** ms from the network coming back to the first request reaching the server. */
  firstRequestMs: number;
  /** Sum of the counted requests' time at the proxy (server + loopback), ms. */
  inRequestsMs: number;
  /** Ground Up only: the pull of the same pass (its own changes left out since decision 0024). */
  echo?: Counts;
  /** Ground Up only: requests in the same window that are not sync (e.g. /sw.js). */
  other?: Counts;
  /** Every request: path, ms at the proxy, bytes up and down, ms from the network's return to its start. */
  log: [string, number, number, number, number][];
};

const brief = (xs: readonly Exchange[]): Run['log'] =>
  xs.map((x) => [x.path, Math.round(x.end - x.start), x.up, x.down, Math.round(x.start)]);

function tally(xs: readonly Exchange[]): Counts {
  return {
    requests: xs.length,
    bytesUp: xs.reduce((a, x) => a + x.up, 0),
    bytesDown: xs.reduce((a, x) => a + x.down, 0),
  };
}

/** Time inside the requests that have ended (an event stream stays open; a late one may still run). */
const inRequests = (xs: readonly Exchange[]) =>
  xs.filter((x) => Number.isFinite(x.end)).reduce((a, x) => a + (x.end - x.start), 0);

/**
 * `closed`: the app's page is navigated away before the network returns, so
 * the service worker syncs with no page open (Background Sync on its own).
 */
async function groundUpRun(
  store: Store,
  proxy: CountingProxy,
  ideas: SeedIdea[],
  closed: boolean,
): Promise<Run> {
  const session = await store.createTeam(
    { teamName: 'Bench ward', displayName: 'Bench nurse' },
    Date.now(),
  );
  const phone = await launchPhone(proxy.url);
  try {
    const page = phone.page;
    const stall = watchStall(phone.context, page, () => page.evaluate(() => __bench.outboxCount()));
    await openApp(page);
    await injectHarness(page);
    await page.evaluate((s) => __bench.join(s), session);
    await sleep(500);
    await phone.context.setOffline(true);
    const captureMs = await page.evaluate((list) => __bench.captureMany(list, 500), ideas);
    const registered = await page.evaluate(() => __bench.registerSync());
    if (!registered) throw new Error('no Background Sync in this Chromium');
    if ((await page.evaluate(() => __bench.outboxCount())) !== ideas.length)
      throw new Error('outbox does not hold every idea');
    if (closed) await page.goto('about:blank');
    await sleep(300);
    proxy.reset();
    const t0 = Date.now();
    await phone.context.setOffline(false);
    // Acknowledged = the server's answers to the pushes cover every mutation,
    // watched at the proxy so that nothing polls the page's database meanwhile.
    const until = Date.now() + 300_000;
    let ms = Number.NaN;
    let waiting: string | null = null;
    while (Date.now() < until) {
      const pushes = proxy
        .exchanges()
        .filter((x) => x.path.startsWith('/api/v1/sync/push') && Number.isFinite(x.end));
      if (pushes.reduce((a, x) => a + x.acks, 0) >= ideas.length) {
        ms = Math.max(...pushes.map((x) => x.end));
        break;
      }
      await sleep(10);
      // Most runs end within seconds: read what a slow one waits on while it waits.
      if (waiting === null && Date.now() - t0 > 20_000) {
        waiting = await stall.describe();
        console.error(`  sync ${ideas.length}: not acknowledged after 20 s.\n${waiting}`);
      }
    }
    if (!Number.isFinite(ms)) {
      const seen = proxy.exchanges();
      const acks = seen.reduce((a, x) => a + x.acks, 0);
      const paths = seen.map((x) => `${x.path} @${Math.round(x.start)}`).join(', ');
      throw new Error(
        `the server did not acknowledge every idea within 5 minutes: ${acks} of ${ideas.length} acknowledged; requests: ${paths || 'none'}. After 20 s: ${waiting ?? 'not read'}`,
      );
    }
    if (closed) {
      await page.goto('/');
      await injectHarness(page);
    }
    const left = await page.evaluate(async () => {
      const until = Date.now() + 60_000;
      let n = await __bench.outboxCount();
      while (n > 0 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 50));
        n = await __bench.outboxCount();
      }
      return n;
    });
    if (left > 0)
      throw new Error(
        `${left} mutations still in the outbox a minute after the server acknowledged them all`,
      );
    // Let the pass finish its pull (the echo of our own changes), then split the log.
    await page.evaluate(async (since) => {
      const until = Date.now() + 60_000;
      while ((await __bench.lastSyncedAt()) < since && Date.now() < until)
        await new Promise((r) => setTimeout(r, 50));
    }, t0);
    const log = proxy.exchanges();
    const isPull = (x: Exchange) => x.path === '/api/v1/sync/pull';
    const acked = log.filter((x) => x.path.startsWith('/api/') && !isPull(x));
    // Not sync: e.g. the browser's update check of /sw.js on reconnect.
    const other = log.filter((x) => !x.path.startsWith('/api/'));
    const rejected = await page.evaluate(() => __bench.rejectedCount());
    if (rejected > 0) throw new Error(`${rejected} mutations rejected`);
    const pushes = acked.filter((x) => x.path.startsWith('/api/v1/sync/push')).length;
    if (pushes === 0) throw new Error('no push reached the server');
    return {
      system: closed ? 'ground-up-closed' : 'ground-up',
      n: ideas.length,
      ms,
      counts: tally(acked),
      captureMs,
      firstRequestMs: log[0]?.start ?? Number.NaN,
      inRequestsMs: inRequests(acked),
      echo: tally(log.filter(isPull)),
      other: tally(other),
      log: brief(log),
    };
  } finally {
    await phone.close();
  }
}

let pouchRunId = 0;

/**
 * PouchDB's batch sizes, each run in every round: Ground Up's own
 * (LIMITS.pushBatch), Ground Up's until 3 December 2026 (200) and PouchDB's
 * default (100). The speed-up is taken against whichever of them was fastest
 * in the run, so that no choice of batch size for the peer flatters Ground Up
 * (docs/decisions/0038).
 */
export const POUCH_BATCHES: readonly number[] = [...new Set([LIMITS.pushBatch, 200, 100])];

async function pouchRun(
  pouchUrl: string,
  proxy: CountingProxy,
  ideas: SeedIdea[],
  batch: number,
): Promise<Run> {
  const name = `ideas-${process.pid}-${++pouchRunId}`;
  const created = await fetch(`${pouchUrl}/db/${name}`, { method: 'PUT' });
  if (created.status !== 201) throw new Error(`could not create ${name}: ${created.status}`);
  const phone = await launchPhone(proxy.url);
  try {
    const page = phone.page;
    await page.goto('/');
    await page.waitForFunction(() => typeof PouchDB === 'function');
    await phone.context.setOffline(true);
    const captureMs = await page.evaluate(async (list) => {
      const t0 = performance.now();
      const db = new PouchDB('local-ideas');
      (window as unknown as { __pouchLocal: PouchLocal }).__pouchLocal = db;
      const now = Date.now();
      const docs = list.map((i, k) => ({
        _id: crypto.randomUUID(),
        type: 'idea',
        title: i.title,
        detail: i.detail,
        category: i.category,
        status: 'new',
        anonymous: false,
        authorId: '0190b0c4-0000-7000-8000-000000000001',
        authorName: 'Bench nurse',
        createdAt: now + k,
        deleted: false,
      }));
      for (let k = 0; k < docs.length; k += 500) await db.bulkDocs(docs.slice(k, k + 500));
      return performance.now() - t0;
    }, ideas);
    await sleep(300);
    proxy.reset();
    const t0 = Date.now();
    await phone.context.setOffline(false);
    const r = await page.evaluate(
      async ({ remote, batch }) => {
        const res = await PouchDB.replicate(__pouchLocal, remote, { batch_size: batch });
        return { end: Date.now(), written: res.docs_written, failures: res.doc_write_failures };
      },
      { remote: `${proxy.url}/db/${name}`, batch },
    );
    const log = proxy.exchanges();
    // Acknowledged: the end of the last answer to a batch of documents, at the proxy.
    const writes = log.filter((x) => x.path.includes('/_bulk_docs') && Number.isFinite(x.end));
    if (writes.length < Math.ceil(ideas.length / batch))
      throw new Error(`PouchDB sent ${writes.length} batches for ${ideas.length} documents`);
    const counts = tally(log);
    if (r.written !== ideas.length || r.failures > 0) {
      throw new Error(`PouchDB wrote ${r.written} of ${ideas.length} (${r.failures} failures)`);
    }
    const info = (await (await fetch(`${pouchUrl}/db/${name}`)).json()) as { doc_count: number };
    if (info.doc_count !== ideas.length) throw new Error(`remote holds ${info.doc_count} docs`);
    await fetch(`${pouchUrl}/db/${name}`, { method: 'DELETE' });
    return {
      system: 'pouchdb',
      batch,
      n: ideas.length,
      ms: Math.max(...writes.map((x) => x.end)),
      resolvedMs: r.end - t0,
      counts,
      captureMs,
      firstRequestMs: log[0]?.start ?? Number.NaN,
      inRequestsMs: inRequests(log),
      log: brief(log),
    };
  } finally {
    await phone.close();
  }
}

export async function syncFigures(opts: {
  store: Store;
  guProxy: CountingProxy;
  pouchUrl: string;
  pouchProxy: CountingProxy;
  sizes: readonly { n: number; rounds: number }[];
  /** Which to run (default all three); a subset leaves the figures that need the others out. */
  systems?: readonly Run['system'][] | undefined;
  log: (s: string) => void;
}) {
  const runs: Run[] = [];
  const figures: Figure[] = [];
  for (const { n, rounds } of opts.sizes) {
    const ideas = makeIdeas(n, 7);
    for (let r = 0; r < rounds; r++) {
      for (const step of opts.systems ?? (['ground-up', 'pouchdb', 'ground-up-closed'] as const)) {
        const made =
          step === 'pouchdb'
            ? POUCH_BATCHES.map((b) => () => pouchRun(opts.pouchUrl, opts.pouchProxy, ideas, b))
            : [() => groundUpRun(opts.store, opts.guProxy, ideas, step === 'ground-up-closed')];
        for (const make of made) {
          const run = await make();
          opts.log(
            `  sync ${n}: ${step}${run.batch ? ` (batches of ${run.batch})` : ''} ${round(run.ms, 0)} ms, ${run.counts.requests} req, ${run.counts.bytesUp + run.counts.bytesDown} B`,
          );
          runs.push(run);
        }
      }
    }
    // A subset is a diagnosis (BENCH_SYNC_SYSTEMS): its runs are in the detail, no figures.
    if (opts.systems !== undefined) continue;
    const of = (sys: Run['system']) => runs.filter((x) => x.n === n && x.system === sys);
    const gu = of('ground-up');
    // PouchDB at its fastest batch size in this run (median), the peer the goal is set against.
    const byBatch = POUCH_BATCHES.map((b) => {
      const xs = of('pouchdb').filter((x) => x.batch === b);
      return { b, xs, ms: median(xs.map((x) => x.ms)) };
    });
    const fastest = byBatch.reduce((a, c) => (c.ms < a.ms ? c : a));
    const pd = fastest.xs;
    const bytes = (x: Run) => x.counts.bytesUp + x.counts.bytesDown;
    const closed = of('ground-up-closed');
    // Requests and bytes are whole: a median of two runs may fall between them.
    const whole = (values: number[]) => round(median(values), 0);
    const guMs = median(gu.map((x) => x.ms));
    const closedMs = median(closed.map((x) => x.ms));
    const pdMs = median(pd.map((x) => x.ms));
    const guB = whole(gu.map(bytes));
    const pdB = whole(pd.map(bytes));
    const s = `4. Sync ${n.toLocaleString('en-GB')} ideas`;
    const times = (xs: Run[]) => xs.map((x) => round(x.ms, 0)).join(', ');
    figures.push(
      {
        section: s,
        name: `Ground Up: time to all acknowledged (median of ${gu.length})`,
        value: guMs,
        unit: 'ms',
        note: `runs ${times(gu)} ms`,
      },
      {
        section: s,
        name: `PouchDB → express-pouchdb, at its fastest batch size here: time to all acknowledged (median of ${pd.length})`,
        value: pdMs,
        unit: 'ms',
        note: `batches of ${fastest.b}; runs ${times(pd)} ms; replicate() resolved after its checkpoint at ${pd.map((x) => round(x.resolvedMs ?? Number.NaN, 0)).join(', ')} ms. Medians by batch size: ${byBatch.map((x) => `${x.b}: ${round(x.ms, 0)} ms`).join(', ')}`,
      },
      {
        section: s,
        name: 'Speed-up (PouchDB time / Ground Up time)',
        value: round(pdMs / guMs, 2),
        unit: '×',
        goal: { op: '>=', target: 3 },
      },
      {
        section: s,
        name: `Ground Up with the app's page closed (service worker alone), median of ${closed.length}`,
        value: round(closedMs, 0),
        unit: 'ms',
        note: `runs ${times(closed)} ms; speed-up over PouchDB ${round(pdMs / closedMs, 2)}×`,
      },
      {
        section: s,
        name: 'Ground Up: requests / bytes on the wire',
        value: guB,
        unit: 'B',
        note: `${whole(gu.map((x) => x.counts.requests))} requests; up ${whole(gu.map((x) => x.counts.bytesUp))} B, down ${whole(gu.map((x) => x.counts.bytesDown))} B`,
      },
      {
        section: s,
        name: 'PouchDB (that batch size): requests / bytes on the wire',
        value: pdB,
        unit: 'B',
        note: `${whole(pd.map((x) => x.counts.requests))} requests; up ${whole(pd.map((x) => x.counts.bytesUp))} B, down ${whole(pd.map((x) => x.counts.bytesDown))} B`,
      },
      {
        section: s,
        name: 'Bytes ratio (Ground Up / PouchDB)',
        value: round(guB / pdB, 3),
        unit: '×',
        goal: { op: '<=', target: 0.5 },
      },
      {
        section: s,
        name: 'Ground Up: the same pass then pulls its own changes back (not counted above)',
        value: whole(gu.map((x) => (x.echo ? x.echo.bytesUp + x.echo.bytesDown : 0))),
        unit: 'B',
        note: `${whole(gu.map((x) => x.echo?.requests ?? 0))} pull requests. Also not counted: ${whole(gu.map((x) => x.other?.requests ?? 0))} non-API request(s), ${whole(gu.map((x) => (x.other ? x.other.bytesUp + x.other.bytesDown : 0)))} B (the service worker update check on reconnect)`,
      },
      {
        section: s,
        name: 'Where the time goes: first request after reconnect / inside requests (GU; PouchDB)',
        value: median(gu.map((x) => x.inRequestsMs)),
        unit: 'ms',
        note: `GU first request after ${round(median(gu.map((x) => x.firstRequestMs)), 0)} ms, ${round(median(gu.map((x) => x.inRequestsMs)), 0)} ms inside requests of ${round(guMs, 0)} ms; PouchDB first after ${round(median(pd.map((x) => x.firstRequestMs)), 0)} ms, ${round(median(pd.map((x) => x.inRequestsMs)), 0)} ms inside requests of ${round(pdMs, 0)} ms`,
      },
    );
  }
  if (opts.systems === undefined) figures.push(...(await pastTheWorker(opts.guProxy.url)));
  return { figures, detail: { runs } };
}

/** How many times the request is timed with the worker running, and as many just after it stopped. */
const WORKER_ROUNDS = 15;

/**
 * The API's requests go past the service worker (Chromium's static routing,
 * docs/decisions/0042), so one made after the browser stopped the idle worker
 * does not wait for it to start. Timed in one page, with the worker running
 * and just after DevTools stopped it (as Chromium does after 30 s idle). The
 * same through the worker is not in this run: no request of the app goes
 * through it any more. The builds before and after, alternating, are in
 * bench/README.md.
 */
async function pastTheWorker(url: string): Promise<Figure[]> {
  const phone = await launchPhone(url);
  try {
    const { page } = phone;
    await openApp(page);
    const cdp = await phone.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const path = '/api/v1/team';
    const time = () =>
      page.evaluate(async (p) => {
        const t0 = performance.now();
        await (await fetch(p, { cache: 'no-store' })).text();
        return performance.now() - t0;
      }, path);
    const running: number[] = [];
    const stopped: number[] = [];
    for (let r = 0; r < WORKER_ROUNDS; r++) {
      running.push(await time());
      await cdp.send('ServiceWorker.stopAllWorkers');
      await sleep(300);
      stopped.push(await time());
    }
    const med = (xs: number[]) => round(median(xs), 1);
    const s = '4. Sync: requests and the service worker';
    const name = (what: string) => `${what}, median of ${WORKER_ROUNDS}`;
    return [
      {
        section: s,
        name: name('An API request just after the browser stopped the idle worker (past it)'),
        value: med(stopped),
        unit: 'ms',
        note: `${path}; through the worker, as until 3 December 2026, builds alternating: 34.4 and 35.4 ms (bench/README.md)`,
      },
      {
        section: s,
        name: name('An API request with the worker running (past it)'),
        value: med(running),
        unit: 'ms',
        note: `${path}; through the worker, as until 3 December 2026, builds alternating: 7.1 and 6.8 ms (bench/README.md)`,
      },
    ];
  } finally {
    await phone.close();
  }
}
