/**
 * Bundled by esbuild (bench/lib/harness.ts) into one script that the bench
 * evaluates in the app's page: the app's own write and read paths (the same
 * modules the app ships) exposed as `window.__bench`, so the bench can write
 * 10,000 ideas or seed 100,000 without clicking. It opens its own handle on the
 * app's database ('ground-up'), as a second tab would.
 */
import { rowOf, tableOf } from '../../src/db/apply.ts';
import { GroundUpDb } from '../../src/db/schema.ts';
import { EMPTY, merge, stampAll } from '../../src/domain/merge.ts';
import { captureIdea } from '../../src/db/writes.ts';
import { listIdeas, type IdeaFilter } from '../../src/db/ideaSearch.ts';
import { saveSession } from '../../src/db/session.ts';
import { createIdeaMutation } from '../../src/domain/idea.ts';
import { formatHlc } from '../../src/domain/hlc.ts';
import type { DeviceId, IdeaId, MutationId } from '../../src/domain/ids.ts';
import type { SessionResponse } from '../../src/domain/protocol.ts';
import { newId } from '../../src/lib/id.ts';
import { SYNC_TAG } from '../../src/sync/tag.ts';

export type SeedIdea = { title: string; detail: string; category: string };

const db = new GroundUpDb();
// Every table: captureIdea's own transaction names whichever tables the app's write path needs.
const tables = () => db.tables;

async function captureMany(ideas: readonly SeedIdea[], perTransaction: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < ideas.length; i += perTransaction) {
    const chunk = ideas.slice(i, i + perTransaction);
    // captureIdea's own transaction nests inside this one (Dexie sub-transaction):
    // the same code path, committed to disk once per chunk instead of once per idea.
    await db.transaction('rw', tables(), async () => {
      for (const idea of chunk) {
        const r = await captureIdea(db, { ...idea, anonymous: false }, Date.now());
        if (r.kind !== 'saved') throw new Error(`capture failed: ${JSON.stringify(r)}`);
      }
    });
  }
  return performance.now() - t0;
}

/**
 * Ideas as if pulled from the team's change log, written in bulk: each row is
 * made by `rowOf`, which applyChange (src/db/apply.ts) writes through, from the
 * mutation's fields stamped and merged into nothing by the domain merge rule, so
 * it holds the columns the app derives (search words, sort key) as a pulled
 * idea's row does. Not written: the status history row applyChange also keeps,
 * which the ideas list does not read. (applyChange itself does a get and a put
 * per idea: ~1 ms each here, too slow to seed 100,000 within the bench's time.)
 * Before rowOf, these rows had no search words: the first visit to the ideas
 * list then gave them theirs (backfillSearchWords), 96 s of the bench's figure.
 */
async function seedPulled(
  ideas: readonly SeedIdea[],
  teamId: string,
  perTransaction: number,
  offset: number,
): Promise<number> {
  const t0 = performance.now();
  const node = 'bbbbbbbbbbbbbbbb' as DeviceId;
  const base = Date.now() - (offset + ideas.length) * 60_000;
  for (let i = 0; i < ideas.length; i += perTransaction) {
    const rows = ideas.slice(i, i + perTransaction).map((idea, j) => {
      const at = base + (offset + i + j) * 60_000;
      const m = createIdeaMutation(
        { ...idea, anonymous: false },
        { ideaId: newId<IdeaId>(), mutationId: newId<MutationId>() },
        null,
        formatHlc({ wall: at, counter: 0, node }),
        at,
      );
      // The row the app stores for a pulled idea (apply.ts), its search words included.
      return rowOf('idea', m.entityId, merge(EMPTY, stampAll(m.fields, m.hlc)), undefined, teamId);
    });
    await db.transaction('rw', db.ideas, () => tableOf(db, 'idea').bulkPut(rows));
  }
  return performance.now() - t0;
}

async function timeList(filter: IdeaFilter, runs: number): Promise<{ ms: number[]; rows: number }> {
  const ms: number[] = [];
  let rows = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    rows = (await listIdeas(db, filter)).length;
    ms.push(performance.now() - t0);
  }
  return { ms, rows };
}

/** n saves through captureIdea, `gapMs` apart (a person cannot save back to back). */
async function timeCaptures(n: number, gapMs: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    await new Promise((r) => setTimeout(r, gapMs));
    const t0 = performance.now();
    const r = await captureIdea(
      db,
      { title: `Direct save ${i}`, detail: '', category: 'other', anonymous: false },
      Date.now(),
    );
    ms.push(performance.now() - t0);
    if (r.kind !== 'saved') throw new Error(`capture failed: ${JSON.stringify(r)}`);
  }
  return ms;
}

async function registerSync(): Promise<boolean> {
  const reg = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
    sync?: { register(tag: string): Promise<void> };
  };
  if (!reg.sync) return false;
  await reg.sync.register(SYNC_TAG);
  return true;
}

const api = {
  join: (session: SessionResponse) => saveSession(db, session, Date.now()),
  captureMany,
  seedPulled,
  timeList,
  timeCaptures,
  registerSync,
  outboxCount: () => db.outbox.count(),
  rejectedCount: () => db.rejected.count(),
  lastSyncedAt: async () => {
    const row = await db.meta.get('lastSynced');
    return row?.key === 'lastSynced' ? row.at : 0;
  },
  ideaCount: () => db.ideas.count(),
};

export type BenchApi = typeof api;

(globalThis as unknown as { __bench: BenchApi }).__bench = api;
