// The server owns time: a change stamped further ahead of its clock than the
// HLC drift (5 minutes) is refused with `clock-ahead` and no state, so it can
// never win every later edit; within the drift it is taken as ever.
import { expect, it } from 'vitest';
import { MAX_DRIFT_MS } from '../../../src/domain/hlc.ts';
import type { PushResult } from '../../../src/domain/protocol.ts';
import { cycleId, newCycle } from '../../../src/domain/pdsa.ts';
import { describeOnBackends, device, newId, T0 } from './harness.ts';

const YEAR = 365 * 24 * 3600_000;
const rejected = (r: PushResult | undefined) => (r?.kind === 'rejected' ? r : undefined);

describeOnBackends('time on $name', (t) => {
  it('refuses a stamp from next year, so a facilitator’s later delete still wins', async () => {
    const lead = await t.h.createTeam();
    const nurse = await t.h.join(lead.team.inviteCode);
    const phone = device(2);
    const idea = phone.idea(nurse, 'Keep the hoist in bay 3');
    expect((await t.h.push(nurse, [idea]))[0]?.kind).toBe('applied');

    // A hostile (or wrong) clock: "not deleted", stamped a year ahead.
    const future = phone.edit(idea.entityId, { deleted: false }, T0 + YEAR);
    const [answer] = await t.h.push(nurse, [future]);
    expect(rejected(answer)).toMatchObject({ code: 'clock-ahead', field: 'hlc' });
    expect(rejected(answer)?.reason).toMatch(/clock is \d+ days ahead/);
    expect(rejected(answer)?.current).toBeUndefined(); // the phone keeps it waiting, not undone

    const del = device(1).edit(idea.entityId, { deleted: true }, T0 + 60_000);
    expect((await t.h.push(lead, [del]))[0]?.kind).toBe('applied');
    const stored = await t.store.readEntity(lead.team.id, 'idea', idea.entityId);
    expect(stored?.state.fields['deleted']).toBe(true);
  });

  it('holds back what follows a change from the future in its batch, so the phone resends them in order', async () => {
    const lead = await t.h.createTeam();
    const phone = device(4);
    // An idea stamped ahead (a phone whose clock is wrong), then a test of change of it.
    const idea = { ...phone.idea(lead, 'Night checklist'), hlc: phone.hlc(T0 + YEAR) };
    const cycle = phone.raw({
      entity: 'pdsa',
      entityId: cycleId(idea.entityId, 1),
      fields: newCycle(idea.entityId, 1, T0) as never,
    });
    const answers = await t.h.push(lead, [idea, cycle]);
    expect(answers.map((a) => rejected(a)?.code)).toEqual(['clock-ahead', 'clock-ahead']);
    expect(rejected(answers[1])?.reason).toMatch(/Waiting to be sent after an earlier change/);
    // Once the clock is right, both arrive, the cycle after its idea.
    const again = { ...idea, id: newId(), hlc: phone.hlc() };
    const results = await t.h.push(lead, [again, { ...(cycle as object), id: newId() }]);
    expect(results.map((r) => r.kind)).toEqual(['applied', 'applied']);
  });

  it('takes a stamp within the drift a phone’s clock may have', async () => {
    const lead = await t.h.createTeam();
    const phone = device(3);
    const idea = phone.idea(lead, 'Water jugs at 14:00');
    expect((await t.h.push(lead, [idea]))[0]?.kind).toBe('applied');
    const soon = phone.edit(idea.entityId, { detail: 'And 18:00' }, T0 + MAX_DRIFT_MS - 1000);
    expect((await t.h.push(lead, [soon]))[0]?.kind).toBe('applied');
    const late = phone.edit(idea.entityId, { detail: 'Later' }, T0 + MAX_DRIFT_MS + 1000);
    expect(rejected((await t.h.push(lead, [late]))[0])?.code).toBe('clock-ahead');
  });
});
