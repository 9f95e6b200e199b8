// Data a team can hand back: a facilitator's export of everything of the team,
// deleting the team (confirm, grace period, keep, then nothing of it left in any
// table), a member's subject access download, the erasure of a member's name
// (which phones apply from the log), and retention of inactive teams under an
// injected clock. Every case runs on SQLite and PostgreSQL.
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { merge, stampAll, EMPTY } from '../../../src/domain/merge.ts';
import { voteIdOf, type VoteFields } from '../../../src/domain/huddle.ts';
import type { Hlc } from '../../../src/domain/hlc.ts';
import type { ErrorBody, TeamResponse } from '../../../src/domain/protocol.ts';
import type { MemberExport, TeamExport } from '../../../server/store/index.ts';
import { DAY_MS } from '../../../server/store/teamLifecycle.ts';
import { BACKENDS } from './backends.ts';
import { device, harness, T0, type Harness, type Session } from './harness.ts';
import { openInspectable, type InspectableStore } from './tables.ts';

const errorOf = (body: unknown) => (body as ErrorBody).error;

/** Every value of every table the database holds, as text. */
async function everything(db: InspectableStore): Promise<string> {
  const parts: string[] = [];
  for (const table of await db.tableNames()) {
    for (const row of await db.rows(table)) parts.push(`${table}: ${JSON.stringify(row)}`);
  }
  return parts.join('\n');
}

describe.each(BACKENDS)('data a team can hand back, on $name', (backend) => {
  let db: InspectableStore;
  let h: Harness;
  let lead: Session;
  let sam: Session;
  let rhea: Session;
  const phone = device(7);
  beforeEach(async () => {
    db = await openInspectable(backend.name);
    h = harness(db.store);
    lead = await h.createTeam('Ward Quokka', 'Priya Zanzibar');
    sam = await h.join(lead.team.inviteCode, 'Sam Xylophone');
    rhea = await h.join(lead.team.inviteCode, 'Rhea Sponsor');
    const named = await h.request('PUT', `/api/v1/team/members/${rhea.member.id}/role`, {
      token: lead.token,
      body: { role: 'sponsor' },
    });
    expect(named.status).toBe(200);
  });
  afterEach(() => db.close());

  /** Sam's idea, comment and ask, and the sponsor's answer: every name-carrying field. */
  async function samWrites() {
    const idea = phone.idea(sam, 'Laminated bay cards for the Quokka ward');
    const comment = phone.comment(sam, idea.entityId, 'Tried it on nights: works');
    const askId = uuidv7();
    const ask = phone.raw({
      entity: 'ask',
      entityId: askId,
      fields: {
        ideaId: idea.entityId,
        kind: 'support',
        text: 'Can we print 40 cards?',
        askedBy: sam.member.id,
        askedByName: 'Sam Xylophone',
        createdAt: T0,
        deleted: false,
      } as never,
    });
    const answer = phone.raw({
      entity: 'ask',
      entityId: askId,
      fields: {
        answer: 'backed',
        answerNote: 'Yes',
        answeredBy: rhea.member.id,
        answeredByName: 'Rhea Sponsor',
        answeredAt: T0,
      } as never,
    });
    const kinds = (await h.push(sam, [idea, comment, ask])).map((r) => r.kind);
    expect(kinds).toEqual(['applied', 'applied', 'applied']);
    expect((await h.push(rhea, [answer])).map((r) => r.kind)).toEqual(['applied']);
    return { idea, comment, askId };
  }

  it("gives a facilitator every record of the team in one file, and nobody's token or authorship", async () => {
    const { idea, askId } = await samWrites();
    const anon = phone.idea(sam, 'An anonymous one', { anonymous: true });
    await h.push(sam, [anon]);

    const refused = await h.request('GET', '/api/v1/team/export', { token: sam.token });
    expect(refused.status).toBe(403);
    expect(errorOf(refused.body).message).toBe("Only a facilitator can download the team's data.");

    const r = await h.request('GET', '/api/v1/team/export', { token: lead.token });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="ground-up-team-/);
    const data = r.body as TeamExport;
    expect(data.team.name).toBe('Ward Quokka');
    expect(data.members.map((m) => m.displayName)).toEqual([
      'Priya Zanzibar',
      'Sam Xylophone',
      'Rhea Sponsor',
    ]);
    const ids = data.records.map((x) => `${x.entity}:${x.id}`).sort();
    const stored = (await db.rows('records')).map(
      (x) => `${String(x['entity'])}:${String(x['id'])}`,
    );
    expect(ids).toEqual(stored.sort());
    expect(ids).toContain(`idea:${idea.entityId}`);
    expect(ids).toContain(`ask:${askId}`);
    expect(data.changes.length).toBe((await db.rows('change_log')).length);
    // No token hash, and no record or change says who sent it (anonymous stays anonymous).
    const text = r.text;
    for (const m of await db.rows('members')) expect(text).not.toContain(String(m['token_hash']));
    expect(text).not.toMatch(/token|created_?by|member_?id/i);
    const anonRecord = data.records.find((x) => x.id === anon.entityId);
    expect(JSON.stringify(anonRecord)).not.toContain(sam.member.id);
  });

  it('deletes a team only after the confirm step and the grace period, and then nothing of it remains', async () => {
    await samWrites();
    const other = await h.createTeam('Ward Wombat', 'Olu Other');
    await h.push(other, [device(9).idea(other, 'Wombat idea stays')]);

    const wrong = await h.request('DELETE', '/api/v1/team', {
      token: lead.token,
      body: { confirmTeamName: 'Ward 7' },
    });
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong.body)).toMatchObject({
      field: 'confirmTeamName',
      message: 'To delete the team, type its name exactly as it is shown: Ward Quokka.',
    });
    const bySam = await h.request('DELETE', '/api/v1/team', {
      token: sam.token,
      body: { confirmTeamName: 'Ward Quokka' },
    });
    expect(bySam.status).toBe(403);

    const asked = await h.request('DELETE', '/api/v1/team', {
      token: lead.token,
      body: { confirmTeamName: 'Ward Quokka' },
    });
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ deleteAfter: T0 + 7 * DAY_MS, reason: 'requested' });
    const seen = (await h.request('GET', '/api/v1/team', { token: sam.token }))
      .body as TeamResponse;
    expect(seen.deletion).toEqual({ deleteAfter: T0 + 7 * DAY_MS, reason: 'requested' });

    // Kept within the grace period: nothing is removed.
    expect((await h.request('POST', '/api/v1/team/keep', { token: lead.token })).status).toBe(200);
    const policy = { retentionDays: null, graceDays: 7 };
    expect((await db.store.sweepTeams(T0 + 8 * DAY_MS, policy)).purged).toEqual([]);
    const kept = (await h.request('GET', '/api/v1/team', { token: lead.token }))
      .body as TeamResponse;
    expect(kept.deletion).toBeUndefined();

    // Asked again; a sweep before the day does nothing, one after removes it all.
    await h.request('DELETE', '/api/v1/team', {
      token: lead.token,
      body: { confirmTeamName: 'Ward Quokka' },
    });
    expect((await db.store.sweepTeams(T0 + 7 * DAY_MS - 1, policy)).purged).toEqual([]);
    expect(await everything(db)).toContain('Quokka');
    expect((await db.store.sweepTeams(T0 + 7 * DAY_MS, policy)).purged).toEqual([lead.team.id]);

    const left = await everything(db);
    for (const gone of [
      'Quokka',
      'Priya Zanzibar',
      'Sam Xylophone',
      'Rhea Sponsor',
      'Tried it on nights',
      'print 40 cards',
      lead.team.id,
      lead.member.id,
      sam.member.id,
      lead.team.inviteCode,
    ]) {
      expect(left, `"${gone}" is still in the database`).not.toContain(gone);
    }
    expect(left).toContain('Wombat idea stays');
    expect((await h.request('GET', '/api/v1/team', { token: lead.token })).status).toBe(401);
    expect((await h.pull(other)).changes).toHaveLength(1);
  });

  it('gives a member everything held about them, and nothing of anyone else', async () => {
    const { idea, comment, askId } = await samWrites();
    await h.push(lead, [phone.idea(lead, "Priya's own idea")]);

    const r = await h.request('GET', '/api/v1/me/export', { token: sam.token });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toMatch(/filename="ground-up-my-data-/);
    const data = r.body as MemberExport;
    expect(data.member).toMatchObject({
      id: sam.member.id,
      displayName: 'Sam Xylophone',
      role: 'member',
      teamName: 'Ward Quokka',
    });
    const mine = (await db.rows('records')).filter((x) => x['created_by'] === sam.member.id);
    expect(data.records.map((x) => x.id).sort()).toEqual(mine.map((x) => String(x['id'])).sort());
    expect(data.records.map((x) => x.id).sort()).toEqual(
      [idea.entityId, comment.entityId, askId].sort(),
    );
    const sent = (await db.rows('change_log')).filter((x) => x['member_id'] === sam.member.id);
    expect(data.changes).toHaveLength(sent.length);
    expect(r.text).not.toContain("Priya's own idea");
    expect(r.text).not.toContain('token_hash');
  });

  it("replaces an erased member's name everywhere, and phones apply it from the log", async () => {
    const { idea, comment, askId } = await samWrites();
    // In a huddle the lead records dots for Sam, typing the name another way.
    const huddleId = uuidv7();
    const proxy: VoteFields = {
      huddleId,
      ideaId: idea.entityId,
      memberId: lead.member.id,
      dots: 1,
      proxy: true,
      proxyName: '  sam   XYLOPHONE ',
    };
    const voteId = voteIdOf(proxy);
    const huddled = await h.push(lead, [
      phone.raw({
        entity: 'huddle',
        entityId: huddleId,
        fields: {
          title: 'Monday huddle',
          dotsPerMember: 2,
          endsAt: T0 + 300_000,
          hidden: false,
          shortlist: JSON.stringify([idea.entityId]),
          state: 'open',
          startedBy: lead.member.id,
          startedAt: T0,
          closedAt: null,
          outcome: '[]',
        } as never,
      }),
      phone.raw({ entity: 'vote', entityId: voteId, fields: proxy as never }),
    ]);
    expect(huddled.map((x) => x.kind)).toEqual(['applied', 'applied']);
    const before = await h.pull(lead);

    const r = await h.request('POST', '/api/v1/me/erase-name', { token: sam.token });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ records: 4, changes: 4 });

    // Nothing in any table carries the name any more, however typed; the lead's name is untouched.
    const left = await everything(db);
    expect(left.toLowerCase()).not.toContain('xylophone');
    expect(left).toContain('Priya Zanzibar');
    const team = (await h.request('GET', '/api/v1/team', { token: lead.token }))
      .body as TeamResponse;
    expect(team.members.find((m) => m.id === sam.member.id)?.displayName).toBe('Former member');

    // A phone that had pulled before applies the new changes: its copies read "Former member".
    const after = await h.pull(lead, before.cursor);
    expect(after.changes.map((c) => [c.entity, c.entityId, c.fields]).sort()).toEqual(
      [
        ['ask', askId, { askedByName: 'Former member' }],
        ['comment', comment.entityId, { authorName: 'Former member' }],
        ['idea', idea.entityId, { authorName: 'Former member' }],
        ['vote', voteId, { proxyName: 'Former member' }],
      ].sort(),
    );
    const onPhone = new Map<string, ReturnType<typeof merge>>();
    for (const c of [...before.changes, ...after.changes]) {
      const prior = onPhone.get(c.entityId) ?? EMPTY;
      onPhone.set(c.entityId, merge(prior, stampAll(c.fields, c.hlc as Hlc)));
    }
    expect(onPhone.get(idea.entityId)?.fields['authorName']).toBe('Former member');
    expect(onPhone.get(comment.entityId)?.fields['authorName']).toBe('Former member');
    expect(onPhone.get(askId)?.fields['askedByName']).toBe('Former member');
    expect(onPhone.get(askId)?.fields['answeredByName']).toBe('Rhea Sponsor');
    expect(onPhone.get(voteId)?.fields['proxyName']).toBe('Former member');
    expect(onPhone.get(voteId)?.fields['dots']).toBe(1);
    // A phone joining later, reading the log from the start, never sees the name.
    expect(JSON.stringify((await h.pull(lead, 0)).changes)).not.toContain('Sam Xylophone');

    // Asking again changes nothing more.
    const again = await h.request('POST', '/api/v1/me/erase-name', { token: sam.token });
    expect(again.body).toEqual({ records: 0, changes: 0 });
  });

  it('warns an inactive team, keeps it when used again, and deletes it when still unused', async () => {
    const policy = { retentionDays: 30, graceDays: 14 };
    await h.push(sam, [phone.idea(sam, 'First idea')]);
    const sweep = (at: number) => db.store.sweepTeams(at, policy);
    const deletionSeen = async () =>
      ((await h.request('GET', '/api/v1/team', { token: lead.token })).body as TeamResponse)
        .deletion;

    expect(await sweep(T0 + 29 * DAY_MS)).toEqual({ warned: [], kept: [], purged: [] });
    expect(await sweep(T0 + 30 * DAY_MS)).toEqual({ warned: [lead.team.id], kept: [], purged: [] });
    expect(await deletionSeen()).toEqual({ deleteAfter: T0 + 44 * DAY_MS, reason: 'inactive' });

    // Someone uses the team during the warning: the next sweep keeps it.
    h.advance(35 * DAY_MS);
    await h.push(sam, [phone.idea(sam, 'Back from leave')]);
    expect(await sweep(T0 + 36 * DAY_MS)).toEqual({ warned: [], kept: [lead.team.id], purged: [] });
    expect(await deletionSeen()).toBeUndefined();

    // Unused for 30 days after that: warned again, then deleted when the grace ends.
    expect((await sweep(T0 + 65 * DAY_MS + 1)).warned).toEqual([lead.team.id]);
    expect((await sweep(T0 + 79 * DAY_MS)).purged).toEqual([]);
    expect((await sweep(T0 + 79 * DAY_MS + 1)).purged).toEqual([lead.team.id]);
    expect(await everything(db)).not.toContain('Back from leave');
  });
});
