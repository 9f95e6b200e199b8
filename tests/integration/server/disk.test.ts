/**
 * A full disk under the SQLite file (issue 18): the file sits on a tmpfs of a
 * few MB that the test mounts (it needs root; elsewhere the test is skipped
 * and says so), a filler file takes the rest. Pushes get 507 with
 * Retry-After and words, pulls keep working, what was stored stays whole, the
 * phone keeps its outbox, and once space returns everything is delivered; the
 * log and /healthz say the disk is full and what to do, then that writes work again.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../server/store/index.ts';
import { joinTeam } from '../../../src/sync/team.ts';
import { device as phoneOn, now, serverIdeaTitles, serverOver } from '../client/harness.ts';
import { device, harness } from './harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'ground-up-full-'));
function mountTmpfs(): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (err) {
    return err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
  }
}
const mountProblem = mountTmpfs();
if (mountProblem !== null) {
  console.warn(
    `Full-disk test SKIPPED: cannot mount a small tmpfs (${mountProblem}); run as root.`,
  );
  rmdirSync(dir);
}

/** Writes zeros until the file system says it is full. */
function fill(path: string): number {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(16 * 1024);
  let bytes = 0;
  try {
    for (;;) bytes += writeSync(fd, chunk);
  } catch {
    return bytes; // ENOSPC
  } finally {
    closeSync(fd);
  }
}

describe.runIf(mountProblem === null)('a full disk under SQLite', () => {
  let store: Store;
  const file = join(dir, 'ground-up.sqlite');
  const filler = join(dir, 'filler');

  beforeAll(async () => {
    store = await openStore({ sqlitePath: file });
  });
  afterAll(async () => {
    await store.close();
    execFileSync('umount', [dir]);
    rmdirSync(dir);
  });

  it('refuses pushes with 507, keeps serving pulls, loses nothing, delivers when space returns', async () => {
    const h = harness(store);
    const lead = await h.createTeam();
    const desk = device(1);
    await h.push(lead, [desk.idea(lead, 'Stored before the disk filled')]);
    const server = serverOver(store);
    const p = phoneOn(server, 'full');
    const joined = await joinTeam(
      p.db,
      p.api,
      { inviteCode: lead.team.inviteCode, displayName: 'Eve' },
      now(),
    );
    if (joined.kind !== 'ok') throw new Error(joined.message);

    const filled = fill(filler);
    // Big batches until the database needs a page the disk cannot give.
    const big = 'x'.repeat(1900);
    let refused = null as Awaited<ReturnType<typeof h.request>> | null;
    let batches = 0;
    for (; batches < 40 && refused === null; batches++) {
      const mutations = Array.from({ length: 50 }, (_, i) => {
        const m = desk.idea(lead, `Filler ${batches}-${i} ${uuidv7()}`);
        return { ...m, fields: { ...m.fields, detail: big } };
      });
      const r = await h.request('POST', '/api/v1/sync/push', {
        token: lead.token,
        body: { teamId: lead.team.id, mutations },
      });
      if (r.status !== 200) refused = r;
    }
    console.log(`full disk: filler ${filled} bytes, refused after ${batches} batches`);
    expect(refused?.status).toBe(507);
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused?.text).toMatch(/run out of storage space.*safe on your device/);
    // The person running it reads what to do, in the log and in /healthz (reads still work).
    expect(h.logs).toContainEqual(
      expect.stringMatching(
        /^unavailable POST \/api\/v1\/sync\/push: The disk holding the database is full\. Free space \(or grow the volume\)/,
      ),
    );
    const health = await h.request('GET', '/healthz');
    expect(health.status).toBe(503);
    expect((health.body as { problem: string }).problem).toMatch(
      /The disk holding the database is full\. Free space .* none has succeeded since/,
    );

    // Pulls keep working, and the phone keeps what it types.
    const pulled = await h.pull(lead, 0, 1000);
    expect(pulled.changes[0]?.fields['title']).toBe('Stored before the disk filled');
    await p.capture('Typed while the disk was full');
    expect((await p.sync()).kind).toBe('error');
    expect(await p.db.outbox.count()).toBe(1);

    rmSync(filler); // space returns
    await h.push(lead, [desk.idea(lead, 'Sent once space returned')]);
    expect((await h.request('GET', '/healthz')).status).toBe(200);
    expect(h.logs).toContainEqual(
      expect.stringMatching(
        /^disk: writes work again after \d+ s; \d+ request\(s\) were refused with 507/,
      ),
    );
    expect((await p.sync()).kind).toBe('synced');
    expect(await p.db.outbox.count()).toBe(0);
    const titles = await serverIdeaTitles(server, lead.team.id);
    expect(titles.filter((t) => !t.startsWith('Filler'))).toEqual([
      'Stored before the disk filled',
      'Sent once space returned',
      'Typed while the disk was full',
    ]);
    const check = new Database(file, { readonly: true });
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      check.close();
    }
    p.close();
  });
});
