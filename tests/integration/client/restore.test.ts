/**
 * A server restored from last night's backup while three phones hold newer
 * records, one of them offline through the restore (cht-core #8093): after
 * they sync, the server holds every record exactly once and every phone holds
 * every record. Decision 0008. On SQLite (a file) and PostgreSQL (a schema).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { backup } from '../../../server/ops/backup.ts';
import { restore } from '../../../server/ops/restore.ts';
import type { OpsTarget } from '../../../server/ops/target.ts';
import { openStore, type Store } from '../../../server/store/index.ts';
import { restoreTables } from '../../../src/db/restoreTables.ts';
import { editIdea } from '../../../src/db/writes.ts';
import type { IdeaId } from '../../../src/domain/ids.ts';
import { createTeam, joinTeam } from '../../../src/sync/team.ts';
import { dropSchema, PG_AVAILABLE, PG_URL, uniqueSchema } from '../server/backends.ts';
import { device, now, serverIdeaTitles, type Device, type Server } from './harness.ts';

type Live = { target: OpsTarget; open(): Promise<Store>; cleanUp(): Promise<void> };

const kinds = PG_AVAILABLE ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

/** A server whose database can be closed, restored and opened again under the phones. */
async function restorableServer(live: Live): Promise<Server & { reopen(): Promise<void> }> {
  let store = await live.open();
  let app = createApp({ store, log: () => undefined, clientKey: () => 'test' });
  const server = {
    get store() {
      return store;
    },
    pushes: 0,
    handle: (request: Request) => {
      if (request.url.includes('/sync/push')) server.pushes++;
      return Promise.resolve(app.request(request));
    },
    close: () => store.close(),
    async reopen() {
      store = await live.open();
      app = createApp({ store, log: () => undefined, clientKey: () => 'test' });
    },
  };
  return server;
}

function phone(server: Server, name: string): Device {
  return device(server, name);
}

async function titlesOn(d: Device): Promise<string[]> {
  return (await d.db.ideas.toArray()).map((r) => r.title ?? '').sort();
}

describe.each(kinds)('a restored server on %s', (kind) => {
  const cleanUps: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanUps.splice(0).reverse()) await c();
  });

  it('gets back, exactly once, everything three phones hold that the backup lacks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ground-up-restore-'));
    cleanUps.push(() => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
    const schema = uniqueSchema();
    const live: Live =
      kind === 'sqlite'
        ? {
            target: { kind: 'sqlite', path: join(dir, 'ground-up.sqlite') },
            open: () => openStore({ sqlitePath: join(dir, 'ground-up.sqlite') }),
            cleanUp: () => Promise.resolve(),
          }
        : {
            target: { kind: 'postgres', url: PG_URL, schema },
            open: () => openStore({ databaseUrl: PG_URL, pgSchema: schema }),
            cleanUp: () => dropSchema(schema),
          };
    cleanUps.push(() => live.cleanUp());
    const server = await restorableServer(live);
    cleanUps.push(() => server.close());

    const [a, b, c] = [phone(server, 'a'), phone(server, 'b'), phone(server, 'c')];
    cleanUps.push(() => Promise.resolve([a, b, c].forEach((d) => d.close())));
    const made = await createTeam(a.db, a.api, { teamName: 'Ward 9', displayName: 'Asha' }, now());
    if (made.kind !== 'ok') throw new Error(made.message);
    const code = made.session.team.inviteCode ?? '';
    for (const [d, name] of [
      [b, 'Ben'],
      [c, 'Cai'],
    ] as const) {
      const joined = await joinTeam(d.db, d.api, { inviteCode: code, displayName: name }, now());
      if (joined.kind !== 'ok') throw new Error(joined.message);
    }
    const teamId = made.session.team.id;

    // Last night: each phone's first idea is in the backup.
    const firstOfA = await a.capture('a: before the backup');
    await b.capture('b: before the backup');
    await c.capture('c: before the backup');
    for (const d of [a, b, c]) expect((await d.sync()).kind).toBe('synced');
    const written = await backup(live.target, join(dir, 'backups'));
    if (written.kind !== 'written') throw new Error(written.message);

    // This morning: more, acknowledged by the server, then lost by the restore.
    await a.capture('a: after the backup');
    await editIdea(a.db, firstOfA as IdeaId, { title: 'a: renamed after the backup' }, now());
    await b.capture('b: after the backup');
    await c.capture('c: after the backup');
    for (const d of [a, b, c]) expect((await d.sync()).kind).toBe('synced');
    c.fault = 'offline'; // Cai's phone is offline through the restore...
    await c.capture('c: offline through the restore'); // ...and keeps working.
    expect((await c.sync()).kind).toBe('offline');

    await server.close();
    const restored = await restore(live.target, written.file, { keepDir: join(dir, 'kept') });
    expect(restored.kind).toBe('restored');
    await server.reopen();
    expect(await serverIdeaTitles(server, teamId)).not.toContain('a: after the backup');

    for (const d of [a, b]) expect((await d.sync()).kind).toBe('synced');
    c.fault = 'none';
    for (const d of [c, a, b, c]) expect((await d.sync()).kind).toBe('synced');

    const everything = [
      'a: after the backup',
      'a: renamed after the backup',
      'b: after the backup',
      'b: before the backup',
      'c: after the backup',
      'c: before the backup',
      'c: offline through the restore',
    ];
    // Every idea created exactly once in the server's log, whatever was resent.
    const created = (await serverIdeaTitles(server, teamId)).sort();
    expect(created).toEqual(
      [
        ...everything.filter((t) => t !== 'a: renamed after the backup'),
        'a: before the backup',
      ].sort(),
    );
    const state = await server.store.readEntity(teamId, 'idea', firstOfA);
    expect(state?.state.fields['title']).toBe('a: renamed after the backup');
    for (const d of [a, b, c]) {
      expect(await titlesOn(d)).toEqual(everything);
      expect(await d.db.outbox.count()).toBe(0);
      expect(await d.db.rejected.count()).toBe(0);
      expect((await restoreTables(d.db).epochs.get(teamId))?.resend).toBe(0);
    }
  });
});
