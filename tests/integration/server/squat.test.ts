// Derived ids live in the namespace of their kind: a member who creates
// measures (or anything else) under the ids a test of change of an idea would
// take blocks nothing, on either database.
import { expect, it } from 'vitest';
import { cycleId } from '../../../src/domain/pdsa.ts';
import type { PushResult } from '../../../src/domain/protocol.ts';
import { describeOnBackends, device, T0 } from './harness.ts';

describeOnBackends('derived ids on $name', (t) => {
  it('lets a cycle be started at its derived id after someone made a measure there', async () => {
    const lead = await t.h.createTeam();
    const squatter = await t.h.join(lead.team.inviteCode);
    const phone = device(4);
    const idea = phone.idea(lead, 'Discharge letters by 10am');
    expect((await t.h.push(lead, [idea]))[0]?.kind).toBe('applied');

    const squats = [1, 2, 3].map((n) =>
      phone.raw({
        entity: 'measure',
        entityId: cycleId(idea.entityId, n),
        fields: {
          name: `Squat ${n}`,
          direction: 'lower',
          type: 'process',
          createdAt: T0,
          deleted: false,
        },
      }),
    );
    const squatted = await t.h.push(squatter, squats);
    expect(squatted.map((r: PushResult) => r.kind)).toEqual(['applied', 'applied', 'applied']);

    const cycle = phone.raw({
      entity: 'pdsa',
      entityId: cycleId(idea.entityId, 1),
      fields: { ideaId: idea.entityId, cycle: 1, createdAt: T0, deleted: false },
    });
    expect((await t.h.push(lead, [cycle]))[0]?.kind).toBe('applied');
    const held = await t.store.readEntity(lead.team.id, 'pdsa', cycleId(idea.entityId, 1));
    expect(held?.state.fields['cycle']).toBe(1);
    const measure = await t.store.readEntity(lead.team.id, 'measure', cycleId(idea.entityId, 1));
    expect(measure?.state.fields['name']).toBe('Squat 1');
  });
});
