/**
 * 5. Server ingest, over HTTP on loopback against the real server
 * (startServer), on SQLite (a file, WAL as the server configures it) and on
 * PostgreSQL (a fresh schema, dropped afterwards):
 *  - 10 concurrent pushers (10 members of one team, each its own device and
 *    HLC) each sending 1,000 mutations in batches of LIMITS.pushBatch (500
 *    since 3 December 2026, 200 before; docs/decisions/0038), one batch at a
 *    time: 10,000 new ideas. Mutations per second = 10,000 / wall time
 *    from the first request to the last answer. Requests are made ready
 *    before the clock starts, and pushed as the app pushes them: gzip bodies
 *    to the checked push, refusals final (see `Way`). The pushers run in a
 *    worker thread (lib/pushers.mjs), so that the server's event loop, which
 *    runs every push (and on SQLite every statement), does only the server's
 *    work, as it would with phones on the network; the machine's 2 cores are
 *    still shared. Each round also pushes plain JSON to the plain push (as
 *    until 2 December 2026), from the worker and from the server's own thread
 *    (as until 1 December), each on a team of its own, so the figures are side
 *    by side in one run.
 *  - a fresh device (a newly joined member) pulling those 10,000 changes page
 *    by page (1,000 a page, the server's limit) via HTTP, parsing and checking
 *    each page with the client's own valibot schema, as src/sync/api.ts does;
 *    asking for plain JSON (`Accept-Encoding: identity`), so that the figure
 *    is like for like with a server that never packed its answers (50e6534),
 *    and again as the app asks (gzip), with the bytes that crossed the wire.
 */
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Worker } from 'node:worker_threads';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startServer, type RunningServer } from '../../server/main.ts';
import { withPgUser } from '../../server/store/index.ts';
import { createIdeaMutation } from '../../src/domain/idea.ts';
import { formatHlc } from '../../src/domain/hlc.ts';
import type { DeviceId, IdeaId, MemberId, MutationId } from '../../src/domain/ids.ts';
import type { SessionResponse } from '../../src/domain/protocol.ts';
import { LIMITS } from '../../src/domain/records.ts';
import { newId } from '../../src/lib/id.ts';
import { makeIdeas } from '../lib/ideas.ts';
import { median, round } from '../lib/stats.ts';
import type { Figure } from '../lib/result.ts';
import { pullAll, type Pulled } from '../lib/pull.ts';
import { pushEvery, type Pusher as PlainPusher } from '../lib/pushers.mjs';

const PUSHERS = 10;
const BATCH = LIMITS.pushBatch;
/** Each pusher's 1,000 ideas, as the app sends them. */
const BATCHES = Math.ceil(1000 / BATCH);

type Pusher = { session: SessionResponse; bodies: string[] };

async function team(server: RunningServer, members: number): Promise<SessionResponse[]> {
  const first = await server.store.createTeam(
    { teamName: 'Ingest ward', displayName: 'Member 0' },
    Date.now(),
  );
  const code = first.team.inviteCode;
  if (!code) throw new Error('no invite code');
  const rest: SessionResponse[] = [];
  for (let i = 1; i < members; i++) {
    const s = await server.store.joinTeam(
      { inviteCode: code, displayName: `Member ${i}` },
      Date.now(),
    );
    if (!s || !('token' in s)) throw new Error('join failed');
    rest.push(s);
  }
  return [first, ...rest];
}

function prepare(sessions: SessionResponse[], batches: number): Pusher[] {
  const ideas = makeIdeas(sessions.length * batches * BATCH, 11);
  let k = 0;
  return sessions.map((session) => {
    const node = randomBytes(8).toString('hex') as DeviceId;
    const now = Date.now();
    let counter = 0;
    const bodies: string[] = [];
    for (let b = 0; b < batches; b++) {
      const mutations = [];
      for (let i = 0; i < BATCH; i++) {
        const idea = ideas[k++] ?? { title: 'x', detail: '', category: 'other' };
        mutations.push(
          createIdeaMutation(
            { ...idea, anonymous: false },
            { ideaId: newId<IdeaId>(), mutationId: newId<MutationId>() },
            { id: session.member.id as MemberId, name: session.member.displayName },
            formatHlc({ wall: now, counter: counter++, node }),
            now,
          ),
        );
      }
      bodies.push(JSON.stringify({ teamId: session.team.id, mutations }));
    }
    return { session, bodies };
  });
}

/**
 * How a round's pushers push. `asApp`: as the app does (src/sync/api.ts): each
 * body gzip-compressed (Content-Encoding gzip, src/sync/compress.ts), to the
 * checked push with `refusals=final` and the epoch and cursor of a one-change
 * pull made first, as a phone that has pulled does (decision 0036); else plain
 * JSON to the plain push, as this section pushed until 2 December 2026. `where`:
 * in a worker thread beside the server, or in the server's own thread (as until
 * 1 December).
 */
type Way = { readonly where: 'worker' | 'process'; readonly asApp: boolean };
const AS_APP: Way = { where: 'worker', asApp: true };
const PLAIN: Way = { where: 'worker', asApp: false };
const IN_PROCESS: Way = { where: 'process', asApp: false };
const WAYS: readonly Way[] = [AS_APP, PLAIN, IN_PROCESS];
const wayName = (w: Way) => `${w.asApp ? 'as the app' : 'plain'}, ${w.where}`;

/** The server's epoch and a cursor of the team's log, as a phone's pull gives them. */
async function seen(url: string, s: SessionResponse): Promise<{ epoch: string; cursor: number }> {
  const res = await fetch(`${url}/api/v1/sync/pull?team=${s.team.id}&cursor=0&limit=1`, {
    headers: { authorization: `Bearer ${s.token}` },
  });
  if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { epoch?: string; cursor: number };
  if (!body.epoch) throw new Error('the pull named no epoch');
  return { epoch: body.epoch, cursor: body.cursor };
}

async function pushAll(
  url: string,
  pushers: Pusher[],
  way: Way,
): Promise<{ ms: number; applied: number }> {
  // Made ready before the clock starts, as the app packs a batch while the one before is in flight.
  const ready: PlainPusher[] = [];
  for (const p of pushers) {
    const { token } = p.session;
    if (!way.asApp) {
      ready.push({ token, path: '/api/v1/sync/push', gzip: false, bodies: p.bodies });
      continue;
    }
    const { epoch, cursor } = await seen(url, p.session);
    ready.push({
      token,
      path: `/api/v1/sync/push/checked?refusals=final&epoch=${encodeURIComponent(epoch)}&cursor=${cursor}`,
      gzip: true,
      bodies: p.bodies.map((b) => gzipSync(b)),
    });
  }
  return way.where === 'worker' ? inWorker(url, ready) : pushEvery(url, ready);
}

/** The same pushes from a worker thread (lib/pushers.mjs). */
function inWorker(url: string, pushers: PlainPusher[]): Promise<{ ms: number; applied: number }> {
  const worker = new Worker(new URL('../lib/pushers.mjs', import.meta.url), {
    workerData: { url, pushers },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { ms: number; applied: number } | { error: string }) => {
      void worker.terminate();
      if ('error' in m) reject(new Error(m.error));
      else resolve(m);
    });
    worker.once('error', reject);
  });
}

async function backend(name: string, server: RunningServer, rounds: number) {
  // Warm-up: one small round each way on its own team (connections, statement caches, JIT).
  for (const way of WAYS) await pushAll(server.url, prepare(await team(server, 2), 1), way);
  const rates = new Map<Way, number[]>(WAYS.map((w) => [w, []]));
  const pulls: number[] = [];
  const packedPulls: number[] = [];
  let pullInfo: Pulled | null = null;
  let packedInfo: Pulled | null = null;
  for (let r = 0; r < rounds; r++) {
    const expected = PUSHERS * BATCHES * BATCH;
    // Each way on a team of its own, the ways taking turns to go first from round to round.
    let reader: SessionResponse | undefined;
    for (let k = 0; k < WAYS.length; k++) {
      const way = WAYS[(r + k) % WAYS.length] as Way;
      const sessions = await team(server, PUSHERS + 1);
      const last = sessions.pop() as SessionResponse;
      const { ms, applied } = await pushAll(server.url, prepare(sessions, BATCHES), way);
      if (applied !== expected)
        throw new Error(`${name} (${wayName(way)}): ${applied} of ${expected} applied`);
      rates.get(way)?.push((applied / ms) * 1000);
      if (way === AS_APP) reader = last;
    }
    if (!reader) throw new Error(`${name}: no reader`);
    const p = await pullAll(server.url, reader, 'identity');
    if (p.changes !== expected) throw new Error(`${name}: pulled ${p.changes} of ${expected}`);
    pulls.push(p.ms);
    pullInfo = p;
    const g = await pullAll(server.url, reader, 'gzip');
    if (g.changes !== expected) throw new Error(`${name}: pulled ${g.changes} of ${expected}`);
    packedPulls.push(g.ms);
    packedInfo = g;
  }
  if (!pullInfo || !packedInfo) throw new Error(`${name}: no rounds`);
  const of = (w: Way) => rates.get(w) ?? [];
  return {
    rates: of(AS_APP),
    plain: of(PLAIN),
    inProcess: of(IN_PROCESS),
    pulls,
    pullInfo,
    packedPulls,
    packedInfo,
  };
}

export async function ingestFigures(pgUrl: string) {
  const figures: Figure[] = [];
  const detail: Record<string, unknown> = {};
  const dir = mkdtempSync(join(tmpdir(), 'ground-up-ingest-'));
  const quiet = () => undefined;
  const targets: {
    name: 'SQLite' | 'PostgreSQL';
    goal: number;
    rounds: number;
    open: () => Promise<{ server: RunningServer; done: () => Promise<void> }>;
  }[] = [
    {
      name: 'SQLite',
      goal: 20_000,
      rounds: 3,
      open: async () => {
        const server = await startServer({
          port: 0,
          sqlitePath: join(dir, 'ingest.sqlite'),
          staticDir: join(dir, 'none'),
          log: quiet,
        });
        return { server, done: () => server.close() };
      },
    },
    {
      name: 'PostgreSQL',
      goal: 10_000,
      // Fewer rounds: at today's rate one round takes ~40 s.
      rounds: 2,
      open: async () => {
        const schema = `bench_${process.pid}_${randomBytes(4).toString('hex')}`;
        const server = await startServer({
          port: 0,
          databaseUrl: pgUrl,
          pgSchema: schema,
          staticDir: join(dir, 'none'),
          log: quiet,
        });
        return {
          server,
          done: async () => {
            await server.close();
            const c = new pg.Client({ connectionString: withPgUser(pgUrl).toString() });
            await c.connect();
            await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
            await c.end();
          },
        };
      },
    },
  ];
  try {
    for (const t of targets) {
      const rounds = t.rounds;
      let opened: Awaited<ReturnType<typeof t.open>>;
      try {
        opened = await t.open();
      } catch (e) {
        figures.push({
          section: `5. Server ingest (${t.name})`,
          name: 'not measured',
          value: null,
          unit: '',
          note: String(e),
        });
        continue;
      }
      const { server, done } = opened;
      try {
        const r = await backend(t.name, server, rounds);
        detail[t.name] = r;
        const s = `5. Server ingest (${t.name})`;
        figures.push(
          {
            section: s,
            name: `10 concurrent pushers × ${BATCHES} batches of ${BATCH} mutations: mutations/s (median of ${rounds})`,
            value: round(median(r.rates), 0),
            unit: '/s',
            goal: { op: '>=', target: t.goal },
            note: `pushed as the app pushes (gzip bodies, the checked push, refusals final), from a worker thread; rounds ${r.rates.map((x) => round(x, 0)).join(', ')} /s; batches of ${BATCH} (LIMITS.pushBatch; 200 until 3 December 2026)`,
          },
          {
            section: s,
            name: `… the same pushed as plain JSON to the plain push, as measured until 2 December 2026 (median of ${rounds})`,
            value: round(median(r.plain), 0),
            unit: '/s',
            note: `a team of its own in each round, beside the row above; rounds ${r.plain.map((x) => round(x, 0)).join(', ')} /s`,
          },
          {
            section: s,
            name: `… plain, with the pushers in the server's own thread, as measured until 1 December 2026 (median of ${rounds})`,
            value: round(median(r.inProcess), 0),
            unit: '/s',
            note: `a team of its own in each round; rounds ${r.inProcess.map((x) => round(x, 0)).join(', ')} /s`,
          },
          {
            section: s,
            name: 'Fresh device pulls 10,000 changes over HTTP (median)',
            value: round(median(r.pulls), 0),
            unit: 'ms',
            goal: { op: '<=', target: 1000 },
            note: `plain JSON (Accept-Encoding: identity); ${r.pullInfo.requests} requests, ${r.pullInfo.json} B of JSON; runs ${r.pulls.map((x) => round(x, 0)).join(', ')} ms`,
          },
          {
            section: s,
            name: '… the same pull packed with gzip, as the app asks (median)',
            value: round(median(r.packedPulls), 0),
            unit: 'ms',
            goal: { op: '<=', target: 1000 },
            note: `${r.packedInfo.wire} B on the wire for ${r.packedInfo.json} B of JSON (on loopback packing costs time and saves none; on a ward's Wi-Fi the bytes are the time); runs ${r.packedPulls.map((x) => round(x, 0)).join(', ')} ms`,
          },
        );
      } finally {
        await done();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { figures, detail };
}
