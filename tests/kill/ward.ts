/**
 * A ward of simulated phones (src/sync over fake-indexeddb) for the server-side
 * reliability runs (issue 18): the phones join one team, capture, edit and sync
 * at a person's pace while something happens to the server (a SIGKILL, a
 * PostgreSQL restart), then settle; `compareWard` says what a ward would notice
 * afterwards: an idea lost, an idea created twice, a phone showing something
 * other than the server.
 */
import type { Store } from '../../server/store/index.ts';
import { editIdea } from '../../src/db/writes.ts';
import type { IdeaId } from '../../src/domain/ids.ts';
import { createTeam, joinTeam } from '../../src/sync/team.ts';
import { device, now, type Device, type Server } from '../integration/client/harness.ts';

export type Ward = {
  readonly phones: readonly Device[];
  readonly teamId: string;
  /** The ids of the ideas each phone captured. */
  readonly mine: Map<Device, string[]>;
};

export type WardCheck = {
  readonly ideas: number;
  readonly lost: string[];
  readonly duplicated: string[];
  readonly diverged: string[];
};

import { sleep } from './random.ts';

export { random, sleep } from './random.ts';

/** `count` phones named `name`-0.., the first starting team "Ward K", the others joining it. */
export async function startWard(server: Server, name: string, count: number): Promise<Ward> {
  const phones: Device[] = [];
  const mine = new Map<Device, string[]>();
  for (let i = 0; i < count; i++) {
    const d = device(server, `${name}-${i}`);
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
  return { phones, teamId: made.session.team.id, mine };
}

/**
 * Every phone captures, edits and syncs at a person's pace until `stop()`,
 * which resolves once every phone has finished its current step. Counts the
 * operations and the syncs by outcome, and keeps what a failed sync said.
 */
export function wardTraffic(ward: Ward, rand: () => number) {
  let stopping = false;
  let operations = 0;
  const outcomes = new Map<string, number>();
  /** What the phones were told when a sync did not go through, each once. */
  const messages = new Set<string>();
  const work = ward.phones.map(async (d, n) => {
    for (let k = 0; !stopping; k++) {
      const r = rand();
      operations++;
      const ids = ward.mine.get(d) ?? [];
      if (r < 0.45) {
        ids.push(await d.capture(`p${n} idea ${k}`));
      } else if (r < 0.6 && ids.length > 0) {
        const id = ids[Math.floor(rand() * ids.length)] ?? '';
        await editIdea(d.db, id as IdeaId, { title: `p${n} edit ${k}` }, now());
      } else {
        const out = await d.sync();
        outcomes.set(out.kind, (outcomes.get(out.kind) ?? 0) + 1);
        if ('message' in out) messages.add(out.message);
        if (out.kind !== 'synced') await sleep(20);
      }
      await sleep(5 + Math.floor(rand() * 20)); // a person's pace, leaving the CPU to the server
    }
  });
  return {
    get operations() {
      return operations;
    },
    outcomes,
    messages,
    async stop(): Promise<void> {
      stopping = true;
      await Promise.all(work);
    },
  };
}

/** Everyone sends what is left, then everyone pulls everything; each sync must succeed. */
export async function settleWard(ward: Ward): Promise<void> {
  for (let round = 0; round < 3; round++) {
    for (const d of ward.phones) {
      const out = await d.sync();
      if (out.kind !== 'synced') throw new Error(`settling sync: ${JSON.stringify(out)}`);
    }
  }
}

/** Reads the server's change log and compares every phone with it. */
export async function compareWard(store: Store, ward: Ward): Promise<WardCheck> {
  // The server's ideas from its change log: creations counted, latest title by stamp.
  const created = new Map<string, number>();
  const titles = new Map<string, { title: string; hlc: string }>();
  for (let cursor = 0; ;) {
    const page = await store.pull(ward.teamId, cursor, 1000);
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
  for (const ids of ward.mine.values()) for (const id of ids) if (!created.has(id)) lost.push(id);
  const duplicated = [...created].filter(([, n]) => n > 1).map(([id]) => id);
  const diverged: string[] = [];
  for (const d of ward.phones) {
    const rows = await d.db.ideas.toArray();
    if (rows.length !== titles.size)
      diverged.push(`${d.name}: ${rows.length} ideas, server ${titles.size}`);
    for (const r of rows) {
      const s = titles.get(r.id);
      if (s?.title !== r.title) diverged.push(`${d.name} ${r.id}: "${r.title}" vs "${s?.title}"`);
    }
  }
  return { ideas: created.size, lost, duplicated, diverged };
}
