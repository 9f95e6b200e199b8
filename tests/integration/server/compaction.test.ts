/**
 * The compacted change log is a joining device's snapshot (issue 15,
 * docs/decisions/0025-compacted-log-is-the-snapshot.md): history older than the
 * window keeps only each field's latest value, so a phone joining reads the
 * team's records, not their every edit, in the change format every app version
 * reads; and a phone behind the compaction, with changes not yet sent, ends
 * with the server's records and sends its changes unharmed.
 */
import * as v from 'valibot';
import { uuidv7 } from 'uuidv7';
import { expect, it } from 'vitest';
import { merge, stampAll, type Stamped } from '../../../src/domain/merge.ts';
import { pullResponseSchema, type PullResponse } from '../../../src/domain/protocol.ts';
import { takeId } from '../../../src/domain/takeId.ts';
import { DAY_MS } from '../../../server/store/teamLifecycle.ts';
import type { PushResult } from '../../../src/domain/protocol.ts';
import { describeOnBackends, device, T0, type Harness, type Session } from './harness.ts';

const SECRET = '943 476 5919';

type Records = Map<string, Stamped>;

/** Merges a pull's changes into a device's records, as the phone does (merge rule, field by field). */
function mergeInto(records: Records, changes: PullResponse['changes']): void {
  for (const c of changes) {
    const key = `${c.entity}/${c.entityId}`;
    records.set(
      key,
      merge(records.get(key) ?? { fields: {}, stamps: {} }, stampAll(c.fields, c.hlc)),
    );
  }
}

/**
 * Every page from `cursor`, as an old client reads them: no `own`, pages of
 * 25, each answer parsed with the schema the app shipped before issue 15.
 */
async function pullAll(h: Harness, s: Session, cursor = 0, own?: string) {
  const records: Records = new Map();
  const changes: PullResponse['changes'][number][] = [];
  let bytes = 0;
  let pages = 0;
  for (;;) {
    const q = `team=${s.team.id}&cursor=${cursor}&limit=25${own ? `&own=${own}` : ''}`;
    const r = await h.request('GET', `/api/v1/sync/pull?${q}`, { token: s.token });
    expect(r.status).toBe(200);
    const page = v.parse(pullResponseSchema, r.body);
    bytes += r.text.length;
    pages++;
    changes.push(...page.changes);
    mergeInto(records, page.changes);
    cursor = page.cursor;
    if (!page.more)
      return { records, changes, bytes, pages, cursor, text: JSON.stringify(changes) };
  }
}

/** Mutations a phone wrote, as changes to merge into its own records. */
function asChanges(mutations: readonly unknown[]): PullResponse['changes'] {
  return mutations.map((m) => ({ ...(m as PullResponse['changes'][number]), seq: 0 }));
}

describeOnBackends('compacted change log on $name', (t) => {
  const kinds = (rs: PushResult[]) => rs.map((r) => (r.kind === 'rejected' ? r.reason : r.kind));

  /** Two years of a ward in miniature: an idea edited 50 times, a comment, an anonymous idea, an erased one. */
  async function busyWard() {
    const lead = await t.h.createTeam('Ward 7', 'Priya');
    const sam = await t.h.join(lead.team.inviteCode, 'Sam');
    const phone = device(1);
    const samPhone = device(2);
    const idea = phone.idea(lead, 'Protected mealtimes');
    const ideaId = idea.entityId;
    const fromLead: unknown[] = [idea];
    for (let i = 1; i <= 50; i++)
      fromLead.push(phone.edit(ideaId, { title: `Mealtimes, take ${i}` }));
    fromLead.push(phone.comment(lead, ideaId, 'Bay 3 first'));
    expect(new Set(kinds(await t.h.push(lead, fromLead)))).toEqual(new Set(['applied']));
    const anon = samPhone.idea(null, 'Night shift breaks are skipped', { anonymous: true });
    const fromSam: unknown[] = [anon];
    for (let i = 1; i <= 10; i++)
      fromSam.push(samPhone.edit(anon.entityId, { detail: `Skipped ${i} times` }));
    const leaked = samPhone.idea(sam, `Bed 4 NHS ${SECRET} fell`);
    fromSam.push(leaked, samPhone.edit(leaked.entityId, { detail: `Again ${SECRET}` }));
    expect(new Set(kinds(await t.h.push(sam, fromSam)))).toEqual(new Set(['applied']));
    return {
      ...{ lead, sam, phone, samPhone, ideaId, fromSam },
      ...{ anonId: anon.entityId, leakedId: leaked.entityId },
    };
  }

  /** 40 days on, one more change; what the team's records are then, by a full replay. */
  async function aMonthLater(s: Session, phone: ReturnType<typeof device>) {
    t.h.advance(40 * DAY_MS);
    phone.later(40 * DAY_MS);
    expect(kinds(await t.h.push(s, [phone.idea(s, 'A fresh idea this month')]))).toEqual([
      'applied',
    ]);
    return pullAll(t.h, s);
  }

  /** Compacts what is older than 30 days (the clock is 40 days past T0). */
  const compact = () => t.store.compactLogs(T0 + 10 * DAY_MS);

  it('joins a team from its compacted log: the records of a full replay, a record edited 50 times sent once, in far fewer bytes', async () => {
    const w = await busyWard();
    const replay = await aMonthLater(w.lead, w.phone);
    // The test can fail: the full replay holds every edit.
    expect(replay.changes.filter((c) => c.entityId === w.ideaId)).toHaveLength(51);

    const result = await compact();
    expect(result.removed).toBeGreaterThan(50);

    const newcomer = await t.h.join(w.lead.team.inviteCode, 'Jo');
    const join = await pullAll(t.h, newcomer);
    expect(join.records).toEqual(replay.records);
    const titles = join.changes.filter((c) => c.entityId === w.ideaId && 'title' in c.fields);
    expect(titles.map((c) => c.fields['title'])).toEqual(['Mealtimes, take 50']);
    expect(join.bytes * 3).toBeLessThan(replay.bytes);
    expect(join.pages).toBeLessThan(replay.pages);
    // Compacting again changes nothing.
    expect(await compact()).toMatchObject({ removed: 0, trimmed: 0 });
    // It ends where the log ends, and follows the log from there.
    expect(join.cursor).toBe(replay.cursor);
    expect(kinds(await t.h.push(w.lead, [w.phone.edit(w.ideaId, { detail: 'Now' })]))).toEqual([
      'applied',
    ]);
    expect((await t.h.pull(newcomer, join.cursor)).changes.map((c) => c.fields)).toEqual([
      { detail: 'Now' },
    ]);
  });

  it('compacts only the logs it is given, when given some', async () => {
    const w = await busyWard();
    await aMonthLater(w.lead, w.phone);
    const teamId = w.lead.team.id;
    expect(
      await t.store.compactLogs(T0 + 10 * DAY_MS, undefined, new Set(['not-this-team'])),
    ).toEqual({ logs: 0, removed: 0, trimmed: 0 });
    const ours = await t.store.compactLogs(T0 + 10 * DAY_MS, undefined, new Set([teamId]));
    expect(ours).toMatchObject({ logs: 1 });
    expect(ours.removed).toBeGreaterThan(50);
  });

  it('keeps erased words out and anonymous ideas nameless in the compacted log', async () => {
    const w = await busyWard();
    const erase = await t.h.request('POST', `/api/v1/records/idea/${w.leakedId}/erase`, {
      token: w.lead.token,
      body: { reason: 'An NHS number' },
    });
    expect(erase.status).toBe(200);
    const replay = await aMonthLater(w.lead, w.phone);
    await compact();
    const join = await pullAll(t.h, await t.h.join(w.lead.team.inviteCode, 'Jo'));
    expect(join.records).toEqual(replay.records);
    expect(join.text).not.toContain(SECRET);
    expect(join.records.get(`idea/${w.leakedId}`)?.fields).toMatchObject({
      title: '[erased]',
      detail: '',
      erased: true,
    });
    const anonymous = join.changes.filter((c) => c.entityId === w.anonId);
    // The test can fail: the anonymous idea is in the join, with its latest words.
    expect(join.records.get(`idea/${w.anonId}`)?.fields).toMatchObject({
      anonymous: true,
      authorId: null,
      authorName: null,
      detail: 'Skipped 10 times',
    });
    expect(JSON.stringify(anonymous)).not.toContain(w.sam.member.id);
    expect(JSON.stringify(anonymous)).not.toContain('Sam');
  });

  it('a device behind a compaction re-snapshots with its outbox intact', async () => {
    const w = await busyWard();
    // Sam's phone pulled part of the history, then went into a drawer.
    const own = w.samPhone.hlc().split('-').at(-1)!;
    const first = await t.h.pull(w.sam, 0, 20);
    expect(first.more).toBe(true);
    // It holds what it wrote itself, and what it pulled.
    const phone: Records = new Map();
    mergeInto(phone, asChanges(w.fromSam));
    mergeInto(phone, first.changes);
    // Its outbox: an edit and a comment written offline, never sent.
    const outbox = [
      w.samPhone.edit(w.anonId, { detail: 'Skipped, and handover runs late' }),
      w.samPhone.comment(w.sam, w.ideaId, 'I can help on Tuesdays'),
    ];
    mergeInto(phone, asChanges(outbox));
    // Meanwhile the ward went on: the title rewritten again, then a month passed.
    const more: unknown[] = [];
    for (let i = 51; i <= 70; i++)
      more.push(w.phone.edit(w.ideaId, { title: `Mealtimes, take ${i}` }));
    expect(new Set(kinds(await t.h.push(w.lead, more)))).toEqual(new Set(['applied']));
    await aMonthLater(w.lead, w.phone);
    // The test can fail: rows after the drawer's cursor are gone.
    const behindBefore = await pullAll(t.h, w.sam, first.cursor);
    expect((await compact()).removed).toBeGreaterThan(0);
    const behindAfter = await pullAll(t.h, w.sam, first.cursor);
    expect(behindAfter.changes.length).toBeLessThan(behindBefore.changes.length / 2);

    // Back in signal: it sends its outbox (both applied), then pulls from where it was.
    expect(kinds(await t.h.push(w.sam, outbox))).toEqual(['applied', 'applied']);
    const caught = await pullAll(t.h, w.sam, first.cursor, own);
    mergeInto(phone, caught.changes);
    // Its own changes, applied as sent, are not sent back (no echo): it holds them.
    expect(caught.changes.some((c) => c.entityId === w.anonId)).toBe(false);
    const server = await pullAll(t.h, await t.h.join(w.lead.team.inviteCode, 'Jo'));
    expect(phone).toEqual(server.records);
    expect(phone.get(`idea/${w.ideaId}`)?.fields['title']).toBe('Mealtimes, take 70');
    expect(phone.get(`idea/${w.anonId}`)?.fields['detail']).toBe('Skipped, and handover runs late');
    expect(
      phone.get(`comment/${(outbox[1] as { entityId: string }).entityId}`)?.fields['body'],
    ).toBe('I can help on Tuesdays');
  });

  it('an old client (no own=, the schema it shipped) behind a compaction ends with the server’s records', async () => {
    const w = await busyWard();
    // Last month's app: pulls everything, its own changes included, and knows no other word.
    const first = await pullAll(t.h, w.sam);
    const phone = first.records;
    const more: unknown[] = [];
    for (let i = 51; i <= 60; i++)
      more.push(w.phone.edit(w.ideaId, { title: `Mealtimes, take ${i}` }));
    expect(new Set(kinds(await t.h.push(w.lead, more)))).toEqual(new Set(['applied']));
    const replay = await aMonthLater(w.lead, w.phone);
    await compact();
    const caught = await pullAll(t.h, w.sam, first.cursor);
    mergeInto(phone, caught.changes);
    expect(phone).toEqual(replay.records);
    expect(caught.changes.filter((c) => c.entityId === w.ideaId)).toHaveLength(1);
  });

  it('keeps what the server reads besides sync: a name someone sent changes under stays taken', async () => {
    const w = await busyWard();
    // Ali's last change, a title that the lead's later edit overrides.
    const ali = await t.h.join(w.lead.team.inviteCode, 'Ali');
    const aliPhone = device(3);
    const aliIdea = aliPhone.idea(ali, 'Hoist slings');
    const aliEdit = aliPhone.edit(aliIdea.entityId, { title: 'Hoist slings by size' });
    expect(kinds(await t.h.push(ali, [aliIdea, aliEdit]))).toEqual(['applied', 'applied']);
    const leadEdit = w.phone.edit(aliIdea.entityId, { title: 'Hoist slings, sized' });
    expect(leadEdit.hlc > aliEdit.hlc).toBe(true);
    expect(kinds(await t.h.push(w.lead, [leadEdit]))).toEqual(['applied']);
    await aMonthLater(w.lead, w.phone);
    const before = await pullAll(t.h, w.lead);
    expect(before.changes.some((c) => c.hlc === aliEdit.hlc)).toBe(true);
    await compact();
    // Still there (it is Ali's newest), though another row of it would have gone.
    const after = await pullAll(t.h, w.lead);
    expect(after.changes.some((c) => c.hlc === aliEdit.hlc)).toBe(true);
    expect(after.changes.length).toBeLessThan(before.changes.length);
    const again = await t.h.request('POST', '/api/v1/join', {
      body: { inviteCode: w.lead.team.inviteCode, displayName: 'Ali' },
    });
    expect(again.status).toBe(400);
    expect(again.text).toContain('Ali');
  });

  it('compacts an organisation’s log too: a linked team reads the same shares, each edit once', async () => {
    const org = await t.h.createOrg();
    const lead = await t.h.createTeam('Ward A', 'Lead of Ward A');
    const other = await t.h.createTeam('Ward B', 'Lead of Ward B');
    for (const s of [lead, other]) {
      const linked = await t.h.request('POST', '/api/v1/team/org', {
        token: s.token,
        body: { inviteCode: org.org.inviteCode },
      });
      expect(linked.status).toBe(200);
    }
    const phone = device(1);
    const idea = phone.idea(lead, 'Protected mealtimes');
    const shareId = uuidv7();
    const adopted = phone.raw({
      entity: 'idea',
      entityId: idea.entityId,
      fields: { status: 'adopted' },
    });
    const share = phone.raw({
      entity: 'share',
      entityId: shareId,
      fields: {
        ideaId: idea.entityId,
        title: 'Protected mealtimes',
        tried: 'Cycle 1: a sign on every bay',
        measureName: 'Meals interrupted',
        unit: 'a week',
        direction: 'lower',
        points: JSON.stringify([{ date: '2026-01-05', value: 40 }]),
        contact: 'Ward A, ext 4411',
        teamName: lead.team.name,
        sharedBy: lead.member.id,
        createdAt: T0,
        withdrawn: false,
      },
    });
    const edits = Array.from({ length: 10 }, (_, i) =>
      phone.raw({
        entity: 'share',
        entityId: shareId,
        fields: { tried: `Cycle ${i + 2}: a sign on every bay` },
      }),
    );
    const applied = await t.h.push(lead, [idea, adopted, share, ...edits]);
    expect(new Set(kinds(applied))).toEqual(new Set(['applied']));
    const orgLog = async () => {
      const records: Records = new Map();
      const changes: PullResponse['changes'][number][] = [];
      for (let cursor = 0; ;) {
        const r = await t.h.request('GET', `/api/v1/org/pull?org=${org.org.id}&cursor=${cursor}`, {
          token: other.token,
        });
        expect(r.status).toBe(200);
        const page = v.parse(pullResponseSchema, r.body);
        changes.push(...page.changes);
        mergeInto(records, page.changes);
        if (!page.more) return { records, changes };
        cursor = page.cursor;
      }
    };
    t.h.advance(40 * DAY_MS);
    const take = device(7).raw({
      entity: 'take',
      entityId: takeId(shareId, other.team.id),
      fields: { shareId, takenBy: other.team.id, createdAt: T0, deleted: false },
    });
    expect(kinds(await t.h.push(other, [take]))).toEqual(['applied']);
    const before = await orgLog();
    expect(before.changes).toHaveLength(12);

    await compact();
    const after = await orgLog();
    expect(after.records).toEqual(before.records);
    // The share as created (less the words edited since), its last edit, the take-up.
    expect(after.changes).toHaveLength(3);
    expect(after.changes.filter((c) => 'tried' in c.fields).map((c) => c.fields['tried'])).toEqual([
      'Cycle 11: a sign on every bay',
    ]);
  });
});
