// Pulling the change log page by page, and keeping every team's data to
// itself: a token works only for its own team, and no id of another team's
// record can be used to read or change it.
import { expect, it } from 'vitest';
import type { ErrorBody, PushResult } from '../../../src/domain/protocol.ts';
import { describeOnBackends, device } from './harness.ts';

describeOnBackends('pull on $name', (t) => {
  it('returns the changes in order, a page at a time, with the cursor to continue from', async () => {
    const lead = await t.h.createTeam();
    const phone = device(1);
    const batch = Array.from({ length: 7 }, (_, i) => phone.idea(lead, `Idea ${i + 1}`));
    await t.h.push(lead, batch);

    const seen: string[] = [];
    const pages: { cursor: number; more: boolean; size: number }[] = [];
    let cursor = 0;
    for (;;) {
      const page = await t.h.pull(lead, cursor, 3);
      seen.push(...page.changes.map((c) => String(c.fields['title'])));
      pages.push({ cursor: page.cursor, more: page.more, size: page.changes.length });
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(seen).toEqual(batch.map((m) => m.fields.title));
    expect(pages).toEqual([
      { cursor: 3, more: true, size: 3 },
      { cursor: 6, more: true, size: 3 },
      { cursor: 7, more: false, size: 1 },
    ]);
    const first = (await t.h.pull(lead, 0, 1)).changes[0];
    expect(first).toEqual({
      seq: 1,
      mutationId: batch[0]?.id,
      entity: 'idea',
      entityId: batch[0]?.entityId,
      fields: batch[0]?.fields,
      hlc: batch[0]?.hlc,
    });

    const caughtUp = await t.h.pull(lead, 7);
    expect(caughtUp).toEqual({ changes: [], cursor: 7, more: false, epoch: expect.any(String) });
    const exactPage = await t.h.pull(lead, 4, 3);
    expect(exactPage.more).toBe(false);
    expect(exactPage.changes.map((c) => c.seq)).toEqual([5, 6, 7]);
  });
});

describeOnBackends('team isolation on $name', (t) => {
  it('refuses another team’s token with 403 and tells it nothing', async () => {
    const a = await t.h.createTeam('Ward A', 'Alex');
    const b = await t.h.createTeam('Ward B', 'Bea');
    const bIdea = device(2).idea(b, 'B secret plan');
    await t.h.push(b, [bIdea]);

    const push = await t.h.request('POST', '/api/v1/sync/push', {
      token: a.token,
      body: { teamId: b.team.id, mutations: [device(1).idea(a, 'Sneaky')] },
    });
    const pull = await t.h.request('GET', `/api/v1/sync/pull?team=${b.team.id}&cursor=0`, {
      token: a.token,
    });
    for (const r of [push, pull]) {
      expect(r.status).toBe(403);
      expect((r.body as ErrorBody).error.code).toBe('forbidden');
      expect(r.text).not.toContain('Ward B');
      expect(r.text).not.toContain('B secret plan');
    }
    expect((await t.h.pull(b)).changes).toHaveLength(1);
  });

  it('rejects changes to another team’s idea, comment or team by id, leaving that team’s data as it was', async () => {
    const a = await t.h.createTeam('Ward A', 'Alex');
    const b = await t.h.createTeam('Ward B', 'Bea');
    const bPhone = device(2);
    const bIdea = bPhone.idea(b, 'B secret plan');
    const bComment = bPhone.comment(b, bIdea.entityId, 'B comment');
    await t.h.push(b, [bIdea, bComment]);
    const bBefore = await t.h.pull(b);

    const aPhone = device(1);
    const attacks: unknown[] = [
      aPhone.edit(bIdea.entityId, { title: 'Hijacked', status: 'abandoned' }),
      { ...aPhone.idea(a, 'Same id as B'), entityId: bIdea.entityId },
      aPhone.comment(a, bIdea.entityId, 'Commenting on B'),
      aPhone.raw({ entity: 'comment', entityId: bComment.entityId, fields: { deleted: true } }),
      aPhone.raw({ entity: 'team', entityId: b.team.id, fields: { name: 'Renamed by A' } }),
      { ...aPhone.idea(a, 'Replaying B’s mutation id'), id: bIdea.id },
    ];
    const results: PushResult[] = await t.h.push(a, attacks);
    expect(results.map((r) => r.kind)).toEqual(Array(attacks.length).fill('rejected'));
    expect(JSON.stringify(results)).not.toContain('B secret plan');

    expect(await t.h.pull(b)).toEqual(bBefore);
    expect(
      (await t.store.readEntity(b.team.id, 'idea', bIdea.entityId))?.state.fields['title'],
    ).toBe('B secret plan');
    expect(
      (await t.store.readEntity(b.team.id, 'comment', bComment.entityId))?.state.fields['deleted'],
    ).toBe(false);
    expect((await t.h.request('GET', '/api/v1/team', { token: b.token })).body).toMatchObject({
      team: { name: 'Ward B' },
    });

    const aPull = await t.h.pull(a);
    expect(aPull.changes).toEqual([]);
    expect(await t.store.readEntity(a.team.id, 'idea', bIdea.entityId)).toBeNull();
  });
});
