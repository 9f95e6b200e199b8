// Who may write a test of change's cycle when two phones create the same one
// offline (decision 0007): a creation arrives again with a default stamp and
// only fills in what nobody has written; it can never decide, delete or undo
// anything; a plan nobody has written is anyone's to fill in; a written plan
// stays its starter's (or a facilitator's).
import { expect, it } from 'vitest';
import { formatHlc } from '../../../src/domain/hlc.ts';
import type { DeviceId } from '../../../src/domain/ids.ts';
import { cycleId, newCycle } from '../../../src/domain/pdsa.ts';
import type { PushResult } from '../../../src/domain/protocol.ts';
import { describeOnBackends, device, T0 } from './harness.ts';

const kinds = (rs: PushResult[]) => rs.map((r) => (r.kind === 'rejected' ? r.reason : r.kind));
const ONLY_STARTER =
  'Only whoever started this cycle, or a facilitator or sponsor, can change its plan or decision';
const NOT_A_CREATION = 'A cycle’s creation cannot carry what was done or decided';

describeOnBackends('cycles created on two phones, on $name', (t) => {
  it('lets a second creation fill in only blanks, and never decide, delete or take over a plan', async () => {
    const lead = await t.h.createTeam();
    const nurse = await t.h.join(lead.team.inviteCode);
    const other = await t.h.join(lead.team.inviteCode, 'Cee');
    const [nursePhone, otherPhone] = [device(2), device(3)];
    const idea = nursePhone.idea(nurse, 'Protected mealtimes sign');
    await t.h.push(nurse, [idea]);
    const id = cycleId(idea.entityId, 1);
    const node = (n: number) => n.toString(16).padStart(16, '0') as DeviceId;
    const asDefault = (n: number, counter = 0) => formatHlc({ wall: 0, counter, node: node(n) });
    const cycle = (phone: typeof nursePhone, hlc: string, fields: object) =>
      phone.raw({ entity: 'pdsa', entityId: id, fields: fields as never, hlc });

    // The nurse starts the test and writes its objective.
    expect(
      kinds(
        await t.h.push(nurse, [
          cycle(nursePhone, asDefault(2), newCycle(idea.entityId, 1, T0)),
          cycle(nursePhone, nursePhone.hlc(), { objective: 'A sign on every bay' }),
        ]),
      ),
    ).toEqual(['applied', 'applied']);

    // A colleague's phone started the same test offline: its creation is applied
    // and changes nothing anyone wrote, even from the highest device id.
    const again = newCycle(idea.entityId, 1, T0 + 60_000, { taskWho: 'Night shift' });
    expect(kinds(await t.h.push(other, [cycle(otherPhone, asDefault(0xffff), again)]))).toEqual([
      'applied',
    ]);

    // But a default stamp carries only a creation: no decision, deletion or Do.
    const forged = [
      { deleted: true },
      { act: 'adopt', objective: 'Mine now' },
      { asPlanned: true },
      { ...again, cycle: 2 },
    ];
    expect(
      kinds(
        await t.h.push(
          other,
          forged.map((f) => cycle(otherPhone, asDefault(0xffff), f)),
        ),
      ),
    ).toEqual([
      NOT_A_CREATION,
      NOT_A_CREATION,
      NOT_A_CREATION,
      'What a test of change belongs to cannot change',
    ]);
    // A stamp at wall time 0 with a counter is not a default: the usual rules.
    expect(
      kinds(
        await t.h.push(other, [cycle(otherPhone, asDefault(0xffff, 0xffff), { deleted: true })]),
      ),
    ).toEqual([ONLY_STARTER]);

    // A plan field nobody has written is anyone's to fill in; a written one is not.
    otherPhone.later(120_000);
    expect(
      kinds(
        await t.h.push(other, [
          cycle(otherPhone, otherPhone.hlc(), { taskWhere: 'Bays 1 to 4' }),
          cycle(otherPhone, otherPhone.hlc(), { objective: 'Something else' }),
        ]),
      ),
    ).toEqual(['applied', ONLY_STARTER]);

    expect((await t.store.readEntity(lead.team.id, 'pdsa', id))?.state.fields).toMatchObject({
      objective: 'A sign on every bay',
      taskWho: 'Night shift',
      taskWhere: 'Bays 1 to 4',
      act: null,
      deleted: false,
      createdAt: T0 + 60_000,
    });
  });
});
