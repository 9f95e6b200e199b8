/**
 * 5. Server ingest, over HTTP on loopback against the real server
 * (startServer), on SQLite (a file, WAL as the server configures it) and on
 * PostgreSQL (a fresh schema, dropped afterwards):
 *  - 10 concurrent pushers (10 members of one team, each its own device and
 *    HLC) each sending 5 batches of LIMITS.pushBatch (200) mutations, one batch
 *    at a time: 10,000 new ideas. Mutations per second = 10,000 / wall time
 *    from the first request to the last answer. Requests are pre-serialised.
 *    The pushers run in the server's own Node process (2 cores in all).
 *  - a fresh device (a newly joined member) pulling those 10,000 changes page
 *    by page (1,000 a page, the server's limit) via HTTP, parsing and checking
 *    each page with the client's own valibot schema, as src/sync/api.ts does;
 *    asking for plain JSON (`Accept-Encoding: identity`), so that the figure
 *    is like for like with a server that never packed its answers (50e6534),
 *    and again as the app asks (gzip), with the bytes that crossed the wire.
 */
import { randomBytes } from 'node:crypto';
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

const PUSHERS = 10;
const BATCHES = 5;
const BATCH = LIMITS.pushBatch;

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

async function pushAll(url: string, pushers: Pusher[]): Promise<{ ms: number; applied: number }> {
  let applied = 0;
  const t0 = performance.now();
  await Promise.all(
    pushers.map(async (p) => {
      for (const body of p.bodies) {
        const res = await fetch(`${url}/api/v1/sync/push`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${p.session.token}`,
          },
          body,
        });
        if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
        const { results } = (await res.json()) as { results: { kind: string }[] };
        applied += results.filter((r) => r.kind === 'applied').length;
      }
    }),
  );
  return { ms: performance.now() - t0, applied };
}

async function backend(name: string, server: RunningServer, rounds: number) {
  // Warm-up: one small round on its own team (connections, statement caches, JIT).
  await pushAll(server.url, prepare(await team(server, 2), 1));
  const rates: number[] = [];
  const pulls: number[] = [];
  const packedPulls: number[] = [];
  let pullInfo: Pulled | null = null;
  let packedInfo: Pulled | null = null;
  for (let r = 0; r < rounds; r++) {
    const sessions = await team(server, PUSHERS + 1);
    const reader = sessions.pop() as SessionResponse;
    const pushers = prepare(sessions, BATCHES);
    const { ms, applied } = await pushAll(server.url, pushers);
    const expected = PUSHERS * BATCHES * BATCH;
    if (applied !== expected) throw new Error(`${name}: ${applied} of ${expected} applied`);
    rates.push((applied / ms) * 1000);
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
  return { rates, pulls, pullInfo, packedPulls, packedInfo };
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
            note: `rounds ${r.rates.map((x) => round(x, 0)).join(', ')} /s; batches of ${BATCH} (LIMITS.pushBatch), not 500`,
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
