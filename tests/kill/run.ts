/**
 * Process kills (issue 18): the real server as a child process
 * (`node --import tsx server/main.ts`), simulated phones (src/sync over
 * fake-indexeddb) capturing, editing and syncing, and a killer that SIGKILLs
 * the server at seeded random moments and starts it again. Afterwards every
 * phone must equal the server, with 0 lost and 0 applied twice; on SQLite
 * (WAL) the file must pass `PRAGMA integrity_check`.
 */

import { bypass } from 'msw';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, type Store } from '../../server/store/index.ts';
import type { Server } from '../integration/client/harness.ts';
import {
  compareWard,
  random,
  settleWard,
  sleep,
  startWard,
  wardTraffic,
  type Ward,
} from './ward.ts';
import { freePort } from '../integration/support/freePort.ts';
import { startChild } from '../integration/support/serverProcess.ts';

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
    // Three phones making 200 kills' worth of changes go past one person's fair use
    // in a day (5,000 changes), which PostgreSQL counts across restarts: lifted here.
    LIMIT_RECORDS_PER_DAY: '2000000000',
    LIMIT_PUSH_BYTES_PER_HOUR: '2000000000',
    LIMIT_PULLS_PER_MINUTE: '2000000000',
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
      const res = await fetch(
        bypass(
          new Request(`${base}${url.pathname}${url.search}`, {
            method: request.method,
            headers: request.headers,
            ...(body === undefined ? {} : { body }),
          }),
        ),
      );
      // fetch unpacked a gzip answer already (the server packs JSON for clients that
      // accept it): hand it on as the plain body it now is, or msw would unpack it again.
      const headers = new Headers(res.headers);
      headers.delete('content-encoding');
      headers.delete('content-length');
      return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
    },
    close: () => Promise.resolve(),
  };
  let child = await startChild(env, base);
  const restarts: number[] = [];
  let ward: Ward;
  let operations = 0;
  try {
    ward = await startWard(server, `kill-${run.database}-${run.seed}`, run.phones ?? 3);
    const traffic = wardTraffic(ward, rand);
    for (let k = 0; k < run.kills; k++) {
      await sleep(30 + Math.floor(rand() * 400)); // a seeded moment mid-traffic
      child.process.kill('SIGKILL');
      await child.exited;
      const t = performance.now();
      child = await startChild(env, base);
      restarts.push(performance.now() - t);
      if ((k + 1) % 20 === 0)
        console.log(
          `kill ${run.database}: ${k + 1} of ${run.kills} kills, ${traffic.operations} operations`,
        );
    }
    await traffic.stop();
    operations = traffic.operations;
    await settleWard(ward);
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
    const { ideas, lost, duplicated, diverged } = await compareWard(store, ward);
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
      ideas,
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
    for (const d of ward.phones) d.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
