// The server epoch in pull answers (decision 0008): the same on every pull of
// one database, different on another; a cursor past the team's last change is
// answered with the last change's number; an old client's schema still reads
// the answer.
import * as v from 'valibot';
import { expect, it } from 'vitest';
import { pullResponseSchema, type PullResponse } from '../../../src/domain/protocol.ts';
import { BACKENDS } from './backends.ts';
import { describeOnBackends, device, harness } from './harness.ts';

describeOnBackends('server epoch on $name', (t) => {
  it('names the database in every pull; another database has another', async () => {
    const s = await t.h.createTeam();
    await t.h.push(s, [device(1).idea(s, 'One')]);
    const first = (await t.h.pull(s)) as { epoch?: unknown };
    const again = (await t.h.pull(s, 1)) as { epoch?: unknown };
    expect(first.epoch).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.epoch).toBe(first.epoch);

    const other = await BACKENDS.find((b) => b.name === t.store.dialect)!.open();
    try {
      const h2 = harness(other);
      const s2 = await h2.createTeam();
      expect(((await h2.pull(s2)) as { epoch?: unknown }).epoch).not.toBe(first.epoch);
    } finally {
      await other.close();
    }
  });

  it('answers a cursor past the end with the last change, so a device sees it is ahead', async () => {
    const s = await t.h.createTeam();
    await t.h.push(s, [device(1).idea(s, 'One'), device(1).idea(s, 'Two')]);
    expect((await t.h.pull(s, 40)).cursor).toBe(2);
    expect((await t.h.pull(s, 2)).cursor).toBe(2);
    const empty = await t.h.createTeam('Ward 8');
    expect((await t.h.pull(empty, 5)).cursor).toBe(0);
  });

  it('applies a push that names where its phone last saw the server, when the server still stands there', async () => {
    const s = await t.h.createTeam();
    await t.h.push(s, [device(1).idea(s, 'One')]);
    const { epoch, cursor } = (await t.h.pull(s)) as PullResponse & { epoch: string };
    expect(epoch).toMatch(/^[0-9a-f-]{36}$/);
    const r = await t.h.request(
      'POST',
      `/api/v1/sync/push/checked?refusals=final&epoch=${epoch}&cursor=${cursor}`,
      {
        token: s.token,
        body: { teamId: s.team.id, mutations: [device(1).idea(s, 'Two')] },
      },
    );
    expect(r.status).toBe(200);
    expect((r.body as { results: { kind: string }[] }).results.map((x) => x.kind)).toEqual([
      'applied',
    ]);
    // A phone behind the log (it has not pulled the latest) is no sign of a restore.
    const behind = await t.h.request('POST', `/api/v1/sync/push/checked?epoch=${epoch}&cursor=0`, {
      token: s.token,
      body: { teamId: s.team.id, mutations: [device(2).idea(s, 'Three')] },
    });
    expect(behind.status).toBe(200);
    expect((await t.h.pull(s)).changes.map((c) => c.fields['title'])).toEqual([
      'One',
      'Two',
      'Three',
    ]);
  });

  it('refuses, applying nothing, a push whose phone saw another epoch or a longer log: the server was restored', async () => {
    const s = await t.h.createTeam();
    const phone = device(1);
    await t.h.push(s, [phone.idea(s, 'One')]);
    const { epoch } = (await t.h.pull(s)) as PullResponse & { epoch: string };
    expect(epoch).toMatch(/^[0-9a-f-]{36}$/);
    const waiting = phone.idea(s, 'Waiting on the phone');
    for (const where of [
      `epoch=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}&cursor=1`,
      `epoch=${epoch}&cursor=2`,
    ]) {
      const r = await t.h.request('POST', `/api/v1/sync/push/checked?refusals=final&${where}`, {
        token: s.token,
        body: { teamId: s.team.id, mutations: [waiting] },
      });
      expect(r.status).toBe(409);
      const error = (r.body as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('server_restored');
      expect(error.message).toMatch(/restored from a backup.*nothing you need to do/);
    }
    expect((await t.h.pull(s)).changes.map((c) => c.fields['title'])).toEqual(['One']);
    // Nothing of it was remembered: sent again, it is applied, not a duplicate or a refusal.
    expect((await t.h.push(s, [waiting])).map((x) => x.kind)).toEqual(['applied']);
  });

  it('refuses in words a checked push without the epoch or the cursor, applying nothing', async () => {
    const s = await t.h.createTeam();
    const { epoch } = (await t.h.pull(s)) as PullResponse & { epoch: string };
    for (const [where, field] of [
      [`epoch=${epoch}`, 'cursor'],
      ['cursor=0', 'epoch'],
      [`epoch=&cursor=0`, 'epoch'],
    ] as const) {
      const r = await t.h.request('POST', `/api/v1/sync/push/checked?${where}`, {
        token: s.token,
        body: { teamId: s.team.id, mutations: [device(1).idea(s, 'One')] },
      });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ error: { code: 'bad_request', field } });
      expect((r.body as { error: { message: string } }).error.message).toContain(field);
    }
    expect((await t.h.pull(s)).changes).toEqual([]);
  });

  it('keeps /api/v1 readable by an old client: its schema parses the answer and it syncs', async () => {
    const s = await t.h.createTeam();
    const phone = device(2);
    await t.h.push(s, [phone.idea(s, 'Old phone idea')]);
    const r = await t.h.request('GET', `/api/v1/sync/pull?team=${s.team.id}&cursor=0`, {
      token: s.token,
    });
    const parsed = v.safeParse(pullResponseSchema, r.body); // the schema an old client ships
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.output.changes.map((c) => c.fields['title'])).toEqual(['Old phone idea']);
    expect(parsed.output.cursor).toBe(1);
  });
});
