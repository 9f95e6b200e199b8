/**
 * Hiding through the ordinary push, on both databases: a facilitator or a
 * sponsor hides a colleague's idea or comment with a reason and every phone
 * pulls it; a member cannot (not-lead), nor name someone else as who hid it
 * (not-you). And the erase's stamp: later than anything the record holds.
 */
import { expect, it } from 'vitest';
import { SERVER_NODE, stampAfter } from '../../../server/store/erase.ts';
import { formatHlc, parseHlc, type Hlc } from '../../../src/domain/hlc.ts';
import type { DeviceId } from '../../../src/domain/ids.ts';
import { describeOnBackends, device, T0 } from './harness.ts';

describeOnBackends('hiding an idea or comment, on $name', (t) => {
  it('a lead hides with a reason; a member cannot; every phone pulls it', async () => {
    const fac = await t.h.createTeam('Ward 7', 'Priya');
    const sam = await t.h.join(fac.team.inviteCode, 'Sam');
    const sponsor = await t.h.join(fac.team.inviteCode, 'Helen');
    const made = await t.h.request('PUT', `/api/v1/team/members/${sponsor.member.id}/role`, {
      token: fac.token,
      body: { role: 'sponsor' },
    });
    expect(made.status).toBe(200);
    const phone = device(3);
    const idea = phone.idea(sam, 'Rota swap board');
    const comment = phone.comment(sam, idea.entityId, 'Bay 3 agrees');
    await t.h.push(sam, [idea, comment]);
    const hide = (entity: 'idea' | 'comment', id: string, hiddenBy: string) =>
      phone.raw({
        entity,
        entityId: id,
        fields: { hidden: true, hiddenReason: 'Off topic', hiddenBy },
      });

    const [byMember] = await t.h.push(sam, [hide('idea', idea.entityId, sam.member.id)]);
    expect(byMember).toMatchObject({ kind: 'rejected', code: 'not-lead' });
    const [naming] = await t.h.push(fac, [hide('idea', idea.entityId, sam.member.id)]);
    expect(naming).toMatchObject({ kind: 'rejected', code: 'not-you' });
    const [byFac] = await t.h.push(fac, [hide('idea', idea.entityId, fac.member.id)]);
    expect(byFac).toMatchObject({ kind: 'applied' });
    const [bySponsor] = await t.h.push(sponsor, [
      hide('comment', comment.entityId, sponsor.member.id),
    ]);
    expect(bySponsor).toMatchObject({ kind: 'applied' });

    const pulled = await t.h.pull(sam);
    expect(pulled.changes.filter((c) => c.fields['hidden'] === true)).toHaveLength(2);
    const held = await t.store.readEntity(fac.team.id, 'comment', comment.entityId);
    expect(held?.state.fields).toMatchObject({
      body: 'Bay 3 agrees',
      hidden: true,
      hiddenBy: sponsor.member.id,
    });
  });
});

it('stamps an erase after every stamp the record holds, whatever its clock says', () => {
  const node = '00000000000000a1' as DeviceId;
  const at = (wall: number, counter: number) => formatHlc({ wall, counter, node });
  const later = (s: Hlc, than: Hlc) => s > than;
  // Behind the server's clock: the server's time.
  expect(parseHlc(stampAfter({ title: at(T0 - 1000, 5) }, T0))).toEqual({
    wall: T0,
    counter: 0,
    node: SERVER_NODE,
  });
  // A stamp at the same or a later wall: past it by its counter.
  const same = at(T0, 7);
  expect(later(stampAfter({ title: same }, T0), same)).toBe(true);
  const ahead = at(T0 + 60_000, 0xffff);
  const past = stampAfter({ title: same, detail: ahead }, T0);
  expect(later(past, ahead)).toBe(true);
  expect(parseHlc(past)?.wall).toBe(T0 + 60_001);
});
