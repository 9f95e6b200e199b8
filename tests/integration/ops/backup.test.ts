/**
 * `npm run backup` and `npm run restore` on a live store: a backup taken while
 * the server writes, more writes, a restore, and the store reads back exactly
 * the backed-up state, on SQLite (a file, WAL) and PostgreSQL (a schema).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../server/store/index.ts';
import { backup, describeBackup } from '../../../server/ops/backup.ts';
import { describeRestore, restore } from '../../../server/ops/restore.ts';
import { pidFileFor, type OpsTarget } from '../../../server/ops/target.ts';
import { dropSchema, PG_AVAILABLE, PG_URL, uniqueSchema } from '../server/backends.ts';
import { device, harness, type Harness, type Session } from '../server/harness.ts';

type Live = { target: OpsTarget; open(): Promise<Store>; cleanUp(): Promise<void> };

function sqliteLive(dir: string): Live {
  const path = join(dir, 'ground-up.sqlite');
  return {
    target: { kind: 'sqlite', path },
    open: () => openStore({ sqlitePath: path }),
    cleanUp: () => Promise.resolve(),
  };
}

function postgresLive(): Live {
  const schema = uniqueSchema();
  return {
    target: { kind: 'postgres', url: PG_URL, schema },
    open: () => openStore({ databaseUrl: PG_URL, pgSchema: schema }),
    cleanUp: () => dropSchema(schema),
  };
}

async function titles(h: Harness, session: Session): Promise<string[]> {
  const page = await h.pull(session, 0, 1000);
  return page.changes.flatMap((c) =>
    typeof c.fields['title'] === 'string' ? [c.fields['title']] : [],
  );
}

const kinds = PG_AVAILABLE ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

describe.each(kinds)('backup and restore on %s', (kind) => {
  let dir: string;
  let live: Live;
  let store: Store | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ground-up-backup-'));
    live = kind === 'sqlite' ? sqliteLive(dir) : postgresLive();
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await live.cleanUp();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up while the server writes; the restore brings back that state and only it', async () => {
    store = await live.open();
    const h = harness(store);
    const phone = device(1);
    const s = await h.createTeam();
    await h.push(s, [phone.idea(s, 'Before 1'), phone.idea(s, 'Before 2')]);

    // Pushes go on while the backup is taken: the copy holds a whole state, whichever.
    const during = h.push(s, [phone.idea(s, 'During')]);
    const written = await backup(live.target, join(dir, 'backups'));
    await during;
    console.log(describeBackup(live.target, written));
    expect(written.kind).toBe('written');
    if (written.kind !== 'written') return;

    const epochBefore = ((await h.pull(s)) as { epoch?: string }).epoch;
    await h.push(s, [phone.idea(s, 'After the backup')]);
    expect(await titles(h, s)).toContain('After the backup');
    await store.close();
    store = undefined;

    const restored = await restore(live.target, written.file, { keepDir: join(dir, 'kept') });
    console.log(describeRestore(live.target, restored));
    expect(restored.kind).toBe('restored');
    // What the person restoring reads: what it did, where the old database is, what comes next.
    expect(describeRestore(live.target, restored)).toMatch(
      /^Restored .* from [^ ]+\.(?: It now holds \d+ teams and \d+ changes\.)? The database as it was is kept in .*\. Start the server again: at their next sync, phones see the server was restored and send again what they hold that the backup lacks\.$/,
    );

    store = await live.open();
    const again = harness(store);
    const now = await titles(again, s);
    expect(now).not.toContain('After the backup');
    // A restored server has a new epoch, which tells every phone (decision 0008).
    const epochAfter = ((await again.pull(s)) as { epoch?: string }).epoch;
    expect(epochAfter).toMatch(/^[0-9a-f-]{36}$/);
    expect(epochAfter).not.toBe(epochBefore);
    // The push racing the backup is in the copy or not, never half in.
    expect([
      ['Before 1', 'Before 2'],
      ['Before 1', 'Before 2', 'During'],
    ]).toContainEqual(now);
  });

  it('refuses a file that is not a backup, and changes nothing', async () => {
    store = await live.open();
    const h = harness(store);
    const s = await h.createTeam();
    await h.push(s, [device(2).idea(s, 'Kept')]);
    await store.close();
    store = undefined;
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database at all');
    const refused = await restore(live.target, junk, { keepDir: join(dir, 'kept') });
    expect(refused.kind).toBe('refused');
    expect(describeRestore(live.target, refused)).toMatch(/Nothing was changed/);
    store = await live.open();
    expect(await titles(harness(store), s)).toEqual(['Kept']);
  });

  it('refuses while a server still uses the database', async () => {
    store = await live.open();
    await harness(store).createTeam(); // the pool holds a connection
    const written = await backup(live.target, join(dir, 'backups'));
    if (written.kind !== 'written') throw new Error('no backup');
    // On SQLite, main.ts writes its pid beside the file; this process plays the server.
    if (live.target.kind === 'sqlite')
      writeFileSync(pidFileFor(live.target.path), `${process.pid}\n`);
    const refused = await restore(live.target, written.file, { keepDir: join(dir, 'kept') });
    expect(refused.kind).toBe('refused');
    expect(describeRestore(live.target, refused)).toMatch(/running .*Nothing was changed; stop/);
  });
});
