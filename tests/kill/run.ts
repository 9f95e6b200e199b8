/**
 * Process kills (issue 18): the real server as a child process
 * (`node --import tsx server/main.ts`), simulated phones (src/sync over
 * fake-indexeddb) capturing, editing and syncing, and a killer that SIGKILLs
 * the server at seeded random moments and starts it again. Afterwards every
 * phone must equal the server, with 0 lost and 0 applied twice; on SQLite
 * (WAL) the file must pass `PRAGMA integrity_check`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { bypass } from 'msw';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, type Store } from '../../server/store/index.ts';
import { declareRestoreTables } from '../../src/db/restoreTables.ts';
import { editIdea } from '../../src/db/writes.ts';
import type { IdeaId } from '../../src/domain/ids.ts';
import { createTeam, joinTeam } from '../../src/sync/team.ts';
import { device, now, type Device, type Server } from '../integration/client/harness.ts';

export type KillRun = {
  readonly database: 'sqlite' | 'postgres';
  readonly kills: number;
  readonly seed: number;
  readonly phones?: number;
  /** For PostgreSQL: the URL and a schema of its own (dropped by the caller). */
  readonly pgUrl?: string;
  readonly pgSchema?: string;
};

export type KillReport = {
  readonly database: string;
  readonly seed: number;
  readonly kills: number;
  readonly operations: number;
  readonly ideas: number;
  readonly lost: string[];
  readonly duplicated: string[];
  readonly diverged: string[];
  readonly integrity: string;
  readonly restartMs: { readonly median: number; readonly max: number };
};

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = net.createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => ok(port));
    });
  });
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

type Child = { process: ChildProcess; exited: Promise<void> };

async function startChild(env: NodeJS.ProcessEnv, base: string): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-2000)));
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited at start: ${stderr}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { process: child, exited };
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${stderr}`);
}

export async function runKills(run: KillRun): Promise<KillReport> {
  const rand = random(run.seed);
  const dir = mkdtempSync(join(tmpdir(), 'ground-up-kill-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    STATIC_DIR: join(dir, 'no-app'),
    ...(run.database === 'postgres'
      ? { DATABASE_URL: run.pgUrl ?? '', PG_SCHEMA: run.pgSchema ?? '' }
      : { DATABASE_URL: '' }),
  };
  const server: Server = {
    store: null as unknown as Store, // the phones only use the network
    pushes: 0,
    // The phones' requests cross msw's simulated network (client/harness.ts); here they
    // go on to the real server process, bypassing msw for that last hop.
    handle: async (request) => {
      const url = new URL(request.url);
      const body = ['GET', 'HEAD'].includes(request.method)
        ? undefined
        : await request.arrayBuffer();
      return fetch(
        bypass(
          new Request(`${base}${url.pathname}${url.search}`, {
            method: request.method,
            headers: request.headers,
            ...(body === undefined ? {} : { body }),
          }),
        ),
      );
    },
    close: () => Promise.resolve(),
  };
  let child = await startChild(env, base);
  const phones: Device[] = [];
  const restarts: number[] = [];
  let operations = 0;
  const mine = new Map<Device, string[]>();
  try {
    for (let i = 0; i < (run.phones ?? 3); i++) {
      const d = device(server, `kill-${run.database}-${run.seed}-${i}`);
      declareRestoreTables(d.db);
      phones.push(d);
      mine.set(d, []);
    }
    const [first, ...rest] = phones as [Device, ...Device[]];
    const made = await createTeam(
      first.db,
      first.api,
      { teamName: 'Ward K', displayName: 'P0' },
      now(),
    );
    if (made.kind !== 'ok') throw new Error(made.message);
    for (const [i, d] of rest.entries()) {
      const joined = await joinTeam(
        d.db,
        d.api,
        { inviteCode: made.session.team.inviteCode ?? '', displayName: `P${i + 1}` },
        now(),
      );
      if (joined.kind !== 'ok') throw new Error(joined.message);
    }

    let stop = false;
    const work = phones.map(async (d, n) => {
      for (let k = 0; !stop; k++) {
        const r = rand();
        operations++;
        if (r < 0.45) {
          const title = `p${n} idea ${k}`;
          const id = await d.capture(title);
          mine.get(d)?.push(id);
        } else if (r < 0.6 && (mine.get(d)?.length ?? 0) > 0) {
          const ids = mine.get(d) ?? [];
          const id = ids[Math.floor(rand() * ids.length)] ?? '';
          await editIdea(d.db, id as IdeaId, { title: `p${n} edit ${k}` }, now());
        } else {
          const out = await d.sync();
          if (out.kind !== 'synced') await sleep(20);
        }
        await sleep(5 + Math.floor(rand() * 20)); // a person's pace, leaving the CPU to the server
      }
    });
    for (let k = 0; k < run.kills; k++) {
      await sleep(30 + Math.floor(rand() * 400)); // a seeded moment mid-traffic
      child.process.kill('SIGKILL');
      await child.exited;
      const t = performance.now();
      child = await startChild(env, base);
      restarts.push(performance.now() - t);
    }
    stop = true;
    await Promise.all(work);

    // Settle: everyone sends what is left, then everyone pulls everything.
    for (let round = 0; round < 3; round++) {
      for (const d of phones) {
        const out = await d.sync();
        if (out.kind !== 'synced') throw new Error(`settling sync: ${JSON.stringify(out)}`);
      }
    }
  } finally {
    child.process.kill('SIGTERM');
    await child.exited;
  }

  const store = await openStore(
    run.database === 'postgres'
      ? { databaseUrl: run.pgUrl ?? '', pgSchema: run.pgSchema ?? '' }
      : { sqlitePath: join(dir, 'ground-up.sqlite') },
  );
  try {
    const session = await phones[0]!.db.meta.get('session');
    if (session?.key !== 'session') throw new Error('no session');
    const team = session.session.team.id;
    // The server's ideas from its change log: creations counted, latest title by stamp.
    const created = new Map<string, number>();
    const titles = new Map<string, { title: string; hlc: string }>();
    for (let cursor = 0; ;) {
      const page = await store.pull(team, cursor, 1000);
      for (const c of page.changes) {
        if (c.entity !== 'idea') continue;
        if ('createdAt' in c.fields) created.set(c.entityId, (created.get(c.entityId) ?? 0) + 1);
        const title = c.fields['title'];
        const seen = titles.get(c.entityId);
        if (typeof title === 'string' && (!seen || c.hlc > seen.hlc)) {
          titles.set(c.entityId, { title, hlc: c.hlc });
        }
      }
      if (!page.more) break;
      cursor = page.cursor;
    }
    const lost: string[] = [];
    for (const ids of mine.values()) for (const id of ids) if (!created.has(id)) lost.push(id);
    const duplicated = [...created].filter(([, n]) => n > 1).map(([id]) => id);
    const diverged: string[] = [];
    for (const d of phones) {
      const rows = await d.db.ideas.toArray();
      if (rows.length !== titles.size)
        diverged.push(`${d.name}: ${rows.length} ideas, server ${titles.size}`);
      for (const r of rows) {
        const s = titles.get(r.id);
        if (s?.title !== r.title) diverged.push(`${d.name} ${r.id}: "${r.title}" vs "${s?.title}"`);
      }
    }
    let integrity = 'n/a (PostgreSQL)';
    if (run.database === 'sqlite') {
      const file = new Database(join(dir, 'ground-up.sqlite'), { readonly: true });
      try {
        integrity = String(file.pragma('integrity_check', { simple: true }));
      } finally {
        file.close();
      }
    }
    const sorted = [...restarts].sort((a, b) => a - b);
    return {
      database: run.database,
      seed: run.seed,
      kills: run.kills,
      operations,
      ideas: created.size,
      lost,
      duplicated,
      diverged,
      integrity,
      restartMs: {
        median: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
        max: Math.round(sorted.at(-1) ?? 0),
      },
    };
  } finally {
    await store.close();
    for (const d of phones) d.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
