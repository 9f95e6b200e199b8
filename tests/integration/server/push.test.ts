// Push semantics, per mutation, on every backend: applied once, duplicates
// acknowledged and never applied twice, bad or forbidden mutations rejected in
// words without holding back the rest.
import { expect, it } from 'vitest';
import type { PushResult } from '../../../src/domain/protocol.ts';
import { describeOnBackends, device, T0 } from './harness.ts';

const rejected = (r: PushResult | undefined) => (r?.kind === 'rejected' ? r : undefined);

describeOnBackends('push on $name', (t) => {
  it('applies each mutation, answers each in order with the next team sequence number, and keeps the merged idea', async () => {
    const lead = await t.h.createTeam();
    const phone = device(1);
    const idea = phone.idea(lead, 'Label the commode chairs');
    phone.later(60_000);
    const edit = phone.edit(idea.entityId, { detail: 'Green tag = cleaned' });
    const results = await t.h.push(lead, [idea, edit]);
    expect(results).toEqual([
      { id: idea.id, kind: 'applied', seq: 1 },
      { id: edit.id, kind: 'applied', seq: 2 },
    ]);
    const stored = await t.store.readEntity(lead.team.id, 'idea', idea.entityId);
    expect(stored?.state.fields).toMatchObject({
      title: 'Label the commode chairs',
      detail: 'Green tag = cleaned',
      status: 'new',
    });
    expect(stored?.createdBy).toBe(lead.member.id);

    const more = phone.idea(lead, 'Second idea');
    expect(await t.h.push(lead, [more])).toEqual([{ id: more.id, kind: 'applied', seq: 3 }]);
  });

  it("keeps each new record's fields whether one change of the push made it or several", async () => {
    // On PostgreSQL a record one change made takes its fields from that change's log row
    // (push.ts fieldsOnce); one edited later in the same push is written whole.
    const lead = await t.h.createTeam();
    const phone = device(1);
    const one = phone.idea(lead, "Bed board by the nurses' station");
    const two = phone.idea(lead, 'Water jugs on every table');
    const edit = phone.edit(two.entityId, { detail: 'Refilled at 10 and 4' });
    const three = phone.idea(lead, 'Quiet hour after lunch', { category: 'experience' });
    const results = await t.h.push(lead, [one, two, edit, three]);
    expect(results.map((r) => r.kind)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const read = (id: string) => t.store.readEntity(lead.team.id, 'idea', id);
    expect((await read(one.entityId))?.state.fields).toMatchObject({
      title: "Bed board by the nurses' station",
      detail: '',
      category: 'safety',
    });
    expect((await read(two.entityId))?.state.fields).toMatchObject({
      title: 'Water jugs on every table',
      detail: 'Refilled at 10 and 4',
    });
    expect((await read(three.entityId))?.state.fields).toMatchObject({
      title: 'Quiet hour after lunch',
      category: 'experience',
    });
    const log = await t.store.pull(lead.team.id, 0, 10);
    expect(log.changes.map((c) => c.fields['title'] ?? c.fields['detail'])).toEqual([
      "Bed board by the nurses' station",
      'Water jugs on every table',
      'Refilled at 10 and 4',
      'Quiet hour after lunch',
    ]);
  });

  it('acknowledges the same batch pushed again as duplicates and changes nothing', async () => {
    const lead = await t.h.createTeam();
    const phone = device(1);
    const one = phone.idea(lead, 'One');
    const batch = [one, phone.idea(lead, 'Two'), phone.comment(lead, one.entityId, 'Yes please')];
    const first = await t.h.push(lead, batch);
    expect(first.map((r) => r.kind)).toEqual(['applied', 'applied', 'applied']);
    const before = await t.h.pull(lead);

    const again = await t.h.push(lead, batch);
    expect(again).toEqual(batch.map((m) => ({ id: m.id, kind: 'duplicate' })));
    expect(await t.h.pull(lead)).toEqual(before);
    expect(before.changes).toHaveLength(3);

    // And a single repeated mutation inside one batch is applied once.
    const once = phone.idea(lead, 'Three');
    const twice = await t.h.push(lead, [once, once]);
    expect(twice.map((r) => r.kind)).toEqual(['applied', 'duplicate']);
    expect((await t.h.pull(lead, before.cursor)).changes).toHaveLength(1);
  });

  it('answers a mixed batch per mutation: valid ones applied, malformed and forbidden ones rejected with the field', async () => {
    const lead = await t.h.createTeam();
    const nurse = await t.h.join(lead.team.inviteCode);
    const phone = device(2);
    const leadsIdea = device(1).idea(lead, 'Huddle at 08:15');
    expect((await t.h.push(lead, [leadsIdea]))[0]?.kind).toBe('applied');

    const good = phone.idea(nurse, 'Spare obs machine in bay 2');
    const noTitle = {
      ...phone.idea(nurse, 'x'),
      fields: { ...phone.idea(nurse, 'x').fields, title: '  ' },
    };
    const notAnObject = 42;
    const nothing = null;
    const retitle = phone.edit(leadsIdea.entityId, { title: 'Mine now' });
    const status = phone.edit(leadsIdea.entityId, { status: 'shortlisted' });
    const uncreated = phone.edit('0190a1b2-0000-7000-8000-000000000001', { status: 'testing' });
    const results = await t.h.push(nurse, [
      good,
      noTitle,
      notAnObject,
      retitle,
      status,
      uncreated,
      nothing,
    ]);

    expect(results.map((r) => r.kind)).toEqual([
      'applied',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);
    expect(results[0]).toEqual({ id: good.id, kind: 'applied', seq: 2 });
    expect(rejected(results[1])).toMatchObject({
      id: noTitle.id,
      field: 'fields.title',
      reason: 'fields.title must not be empty',
    });
    expect(rejected(results[2])).toMatchObject({ id: '' });
    expect(rejected(results[3])).toMatchObject({
      field: 'fields.title',
      reason: expect.stringMatching(/Only the person who shared this idea or a facilitator/),
    });
    // Members move only their own ideas, and no further than shortlisted (huddles issue).
    expect(rejected(results[4])).toMatchObject({
      id: status.id,
      field: 'fields.status',
      reason: 'Only a facilitator or sponsor can move someone else’s idea',
    });
    expect(rejected(results[5])?.reason).toMatch(/must be created/);
    expect(rejected(results[6])).toMatchObject({ id: '' });

    const held = await t.store.readEntity(lead.team.id, 'idea', leadsIdea.entityId);
    expect(held?.state.fields).toMatchObject({ title: 'Huddle at 08:15', status: 'new' });
    expect((await t.h.pull(lead)).changes.map((c) => c.mutationId)).toEqual([
      leadsIdea.id,
      good.id,
    ]);
  });

  it('lets a facilitator edit anyone’s idea, and keeps the later edit whatever order edits arrive in', async () => {
    const lead = await t.h.createTeam();
    const nurse = await t.h.join(lead.team.inviteCode);
    const nursePhone = device(2);
    const idea = nursePhone.idea(nurse, 'Night-time noise');
    await t.h.push(nurse, [idea]);
    const tablet = device(1);
    // Both within the drift a phone's clock may have (the server refuses stamps further ahead).
    const newer = tablet.edit(idea.entityId, { title: 'Quieter nights' }, T0 + 4 * 60_000);
    const older = nursePhone.edit(idea.entityId, { title: 'Noise at night' }, T0 + 60_000);
    expect((await t.h.push(lead, [newer]))[0]?.kind).toBe('applied');
    expect((await t.h.push(nurse, [older]))[0]?.kind).toBe('applied');
    const held = await t.store.readEntity(lead.team.id, 'idea', idea.entityId);
    expect(held?.state.fields['title']).toBe('Quieter nights');
  });

  it('keeps comments append-only: no edits, and only the writer may delete one', async () => {
    const lead = await t.h.createTeam();
    const nurse = await t.h.join(lead.team.inviteCode);
    const phone = device(2);
    const idea = phone.idea(nurse, 'Pre-pour meds');
    const comment = phone.comment(nurse, idea.entityId, 'We tried this on ward 9');
    expect((await t.h.push(nurse, [idea, comment])).map((r) => r.kind)).toEqual([
      'applied',
      'applied',
    ]);

    const edit = phone.raw({
      entity: 'comment',
      entityId: comment.entityId,
      fields: { body: 'Changed my mind' },
    });
    const byOther = device(1).raw({
      entity: 'comment',
      entityId: comment.entityId,
      fields: { deleted: true },
    });
    expect(rejected((await t.h.push(nurse, [edit]))[0])).toMatchObject({
      reason: 'A comment cannot be edited after it is posted',
      field: 'fields.body',
    });
    expect(rejected((await t.h.push(lead, [byOther]))[0])?.reason).toBe(
      'Only the person who wrote a comment can delete it',
    );
    const own = phone.raw({
      entity: 'comment',
      entityId: comment.entityId,
      fields: { deleted: true },
    });
    expect((await t.h.push(nurse, [own]))[0]?.kind).toBe('applied');

    const held = await t.store.readEntity(lead.team.id, 'comment', comment.entityId);
    expect(held?.state.fields).toMatchObject({ body: 'We tried this on ward 9', deleted: true });
    const onMissingIdea = phone.comment(nurse, '0190a1b2-0000-7000-8000-000000000002', 'Hello?');
    expect(rejected((await t.h.push(nurse, [onMissingIdea]))[0])).toMatchObject({
      field: 'fields.ideaId',
    });
  });

  it('lets only a facilitator rename the team, and members see the new name', async () => {
    const lead = await t.h.createTeam();
    const nurse = await t.h.join(lead.team.inviteCode);
    const rename = (name: string, seed: number) =>
      device(seed).raw({ entity: 'team', entityId: lead.team.id, fields: { name } });
    expect(rejected((await t.h.push(nurse, [rename('Nurse ward', 2)]))[0])?.reason).toMatch(
      /Only a facilitator/,
    );
    const categories = JSON.stringify([{ id: 'falls', label: 'Falls' }]);
    const both = device(1).raw({
      entity: 'team',
      entityId: lead.team.id,
      fields: { name: 'Ward 7 (Acute)', categories },
    });
    expect((await t.h.push(lead, [both]))[0]?.kind).toBe('applied');
    const team = await t.h.request('GET', '/api/v1/team', { token: nurse.token });
    expect(team.body).toMatchObject({
      team: { name: 'Ward 7 (Acute)', categories: [{ id: 'falls', label: 'Falls' }] },
    });
  });

  it('never lets an anonymous idea carry, or the pull reveal, who shared it', async () => {
    const lead = await t.h.createTeam();
    const nurse = await t.h.join(lead.team.inviteCode);
    const phone = device(2);
    const anon = phone.idea(nurse, 'Rota swaps are unfair', { anonymous: true });
    expect(anon.fields.authorId).toBeNull();
    expect((await t.h.push(nurse, [anon]))[0]?.kind).toBe('applied');

    const named = { ...phone.idea(nurse, 'x', { anonymous: true }) };
    const leaky = {
      ...named,
      fields: { ...named.fields, authorId: nurse.member.id, authorName: 'Sam (HCA)' },
    };
    expect(rejected((await t.h.push(nurse, [leaky]))[0])?.reason).toMatch(
      /anonymous idea cannot carry/,
    );
    const unmask = phone.edit(anon.entityId, {});
    const reveal = { ...unmask, fields: { authorName: 'Sam (HCA)' } };
    expect((await t.h.push(nurse, [reveal]))[0]?.kind).toBe('rejected');

    const pulled = JSON.stringify(await t.h.pull(lead));
    expect(pulled).toContain('Rota swaps are unfair');
    expect(pulled).not.toContain(nurse.member.id);
    expect(pulled).not.toContain('Sam (HCA)');
  });

  it('refuses to name someone else as the author', async () => {
    const lead = await t.h.createTeam();
    const nurse = await t.h.join(lead.team.inviteCode);
    const forged = device(2).idea(lead, 'Signed as the charge nurse');
    expect(rejected((await t.h.push(nurse, [forged]))[0])).toMatchObject({
      field: 'fields.authorId',
      reason: 'An idea can only name you as its author',
    });
  });
});
