/**
 * A sync pass that finds nothing new writes nothing but when it synced: no
 * pull page, member list, role or organisation rewritten as it was. Each
 * needless write re-ran every screen reading that table, and made a Save
 * meanwhile wait for its commit.
 */
import { Dexie, type ObservabilitySet } from 'dexie';
import { expect, it } from 'vitest';
import { twoPhoneTeamEachTest } from './harness.ts';

const each = twoPhoneTeamEachTest();

/** The tables of `dbName` that writes touched while `run` ran, and the meta keys. */
async function written(dbName: string, run: () => Promise<unknown>): Promise<string[]> {
  const parts = new Set<string>();
  const seen = (set: ObservabilitySet) => {
    for (const key of Object.keys(set)) {
      const [, , name, table] = key.split('/');
      if (name === dbName && table) parts.add(table);
    }
  };
  Dexie.on('storagemutated', seen);
  try {
    await run();
  } finally {
    Dexie.on.storagemutated.unsubscribe(seen);
  }
  return [...parts].sort();
}

it('writes only when it synced, on a pass that finds nothing new', async () => {
  const { a, b } = each.team;
  await a.capture('Spare pumps by bay 2');
  expect(await a.sync()).toMatchObject({ kind: 'synced', pushed: 1 });
  expect(await b.sync()).toMatchObject({ kind: 'synced', pulled: 1 });

  const quiet = await written(b.db.name, () => b.sync());
  expect(quiet).toEqual(['meta']);
  // …and that write is the time of the pass, nothing else in meta.
  const keys: string[] = [];
  b.db.meta.hook('creating', (key) => void keys.push(String(key)));
  b.db.meta.hook('updating', (_changes, key) => void keys.push(String(key)));
  await b.sync();
  expect(keys).toEqual(['lastSynced']);

  // Something new still lands: the pull, and the members when they change.
  await a.capture('Label IV lines');
  await a.sync();
  const busy = await written(b.db.name, () => b.sync());
  expect(busy).toContain('ideas');
});
