// Baselines and rebases (decision 0017) are fields of the measure and the
// point, merged per field like the rest. An old client (last month's app, which
// knows none of them) keeps syncing: its loose change schema reads them, the
// rejections it gets carry them, and its own edits of the same records, which
// never name them, leave them as they are.
import * as v from 'valibot';
import { expect, it } from 'vitest';
import { cycleId, newCycle } from '../../../src/domain/pdsa.ts';
import {
  pullResponseSchema,
  pushResponseSchema,
  type PushResult,
} from '../../../src/domain/protocol.ts';
import { describeOnBackends, device, newId, T0 } from './harness.ts';

const kinds = (rs: PushResult[]) => rs.map((r) => (r.kind === 'rejected' ? r.code : r.kind));

/** The fields of a data point that last month's app knows and sends. */
const V1_POINT_FIELDS = [
  'measureId',
  'date',
  'value',
  'note',
  'ghost',
  'recalculate',
  'createdAt',
  'deleted',
];

describeOnBackends('baselines and rebases with an old client, on $name', (t) => {
  it('syncs a fixed baseline and a rebase to an old client, whose own edits leave them be', async () => {
    const lead = await t.h.createTeam();
    const old = await t.h.join(lead.team.inviteCode);
    const [newPhone, oldPhone] = [device(2), device(3)];

    // The lead's (new) app: an idea, its first cycle, a measure with 16 points.
    const idea = newPhone.idea(lead, 'Answer call bells in bay order');
    const cycle = cycleId(idea.entityId, 1);
    const measure = newId();
    const points = Array.from({ length: 16 }, () => newId());
    const day = (i: number) => `2026-02-${String(i + 1).padStart(2, '0')}`;
    expect(
      kinds(
        await t.h.push(lead, [
          idea,
          newPhone.raw({
            entity: 'pdsa',
            entityId: cycle,
            fields: newCycle(idea.entityId, 1, T0) as never,
          }),
          newPhone.raw({
            entity: 'measure',
            entityId: measure,
            fields: {
              name: 'Minutes to answer',
              direction: 'lower',
              type: 'outcome',
              createdAt: T0,
              deleted: false,
            },
          }),
          ...points.map((id, i) =>
            newPhone.raw({
              entity: 'point',
              entityId: id,
              fields: {
                measureId: measure,
                date: day(i),
                value: 20 + (i % 3),
                note: '',
                ghost: false,
                recalculate: false,
                createdAt: T0,
                deleted: false,
              },
            }),
          ),
        ]),
      ).every((k) => k === 'applied'),
    ).toBe(true);

    // It fixes the baseline on 12 points and rebases at the 15th after cycle 1,
    // the marker, the reason and the cycle in one mutation (one stamp).
    const rebased = points[14] ?? '';
    expect(
      kinds(
        await t.h.push(lead, [
          newPhone.raw({ entity: 'measure', entityId: measure, fields: { baselinePoints: 12 } }),
          newPhone.raw({
            entity: 'point',
            entityId: rebased,
            fields: { recalculate: true, rebaseReason: 'Bay order rota', rebasePdsaId: cycle },
          }),
        ]),
      ),
    ).toEqual(['applied', 'applied']);

    // The old app pulls with the schema it shipped: the new fields arrive as plain values.
    const r = await t.h.request('GET', `/api/v1/sync/pull?team=${old.team.id}&cursor=0`, {
      token: old.token,
    });
    const pulled = v.safeParse(pullResponseSchema, r.body);
    expect(pulled.success).toBe(true);
    if (!pulled.success) return;
    const changes = pulled.output.changes;
    expect(changes.find((c) => c.fields['baselinePoints'] !== undefined)?.fields).toEqual({
      baselinePoints: 12,
    });
    expect(
      changes.find((c) => c.entityId === rebased && 'rebaseReason' in c.fields)?.fields,
    ).toEqual({ recalculate: true, rebaseReason: 'Bay order rota', rebasePdsaId: cycle });

    // The old app's own point and its edits name only the fields it knows, and apply.
    const mine = newId();
    oldPhone.later(60_000);
    const own = [
      oldPhone.raw({
        entity: 'point',
        entityId: mine,
        fields: {
          measureId: measure,
          date: day(16),
          value: 17,
          note: 'after the rota',
          ghost: false,
          recalculate: false,
          createdAt: T0,
          deleted: false,
        },
      }),
      oldPhone.raw({ entity: 'point', entityId: mine, fields: { ghost: true } }),
    ];
    for (const m of own)
      expect(
        Object.keys((m as { fields: object }).fields).every((k) => V1_POINT_FIELDS.includes(k)),
      ).toBe(true);
    expect(kinds(await t.h.push(old, own))).toEqual(['applied', 'applied']);

    // Undoing the lead's rebase is refused (not theirs), and the refusal's
    // server state, new fields and all, parses with the old app's schema.
    const undo = await t.h.request('POST', '/api/v1/sync/push', {
      token: old.token,
      body: {
        teamId: old.team.id,
        mutations: [
          oldPhone.raw({ entity: 'point', entityId: rebased, fields: { recalculate: false } }),
        ],
      },
    });
    const answer = v.safeParse(pushResponseSchema, undo.body);
    expect(answer.success).toBe(true);
    if (!answer.success) return;
    const refused = answer.output.results[0];
    expect(refused).toMatchObject({ kind: 'rejected', code: 'not-owner' });
    expect(refused?.kind === 'rejected' ? refused.current?.fields : null).toMatchObject({
      recalculate: true,
      rebaseReason: 'Bay order rota',
      rebasePdsaId: cycle,
    });

    // The lead, still on the old app on another phone, edits the measure's target
    // and notes the rebased point: the baseline and the rebase stay as they were.
    const leadsOldPhone = device(4);
    leadsOldPhone.later(120_000);
    expect(
      kinds(
        await t.h.push(lead, [
          leadsOldPhone.raw({ entity: 'measure', entityId: measure, fields: { target: 15 } }),
          leadsOldPhone.raw({
            entity: 'point',
            entityId: rebased,
            fields: { note: 'rota week 1' },
          }),
        ]),
      ),
    ).toEqual(['applied', 'applied']);
    const m = await t.store.readEntity(lead.team.id, 'measure', measure);
    const p = await t.store.readEntity(lead.team.id, 'point', rebased);
    expect(m?.state.fields).toMatchObject({ baselinePoints: 12, target: 15 });
    expect(p?.state.fields).toMatchObject({
      recalculate: true,
      rebaseReason: 'Bay order rota',
      rebasePdsaId: cycle,
      note: 'rota week 1',
    });
  });

  it('refuses a rebase naming another team’s cycle, in words, and a baseline outside 12 to 20', async () => {
    const lead = await t.h.createTeam();
    const other = await t.h.createTeam('Ward 9');
    const phone = device(2);
    const theirIdea = phone.idea(other, 'Theirs');
    const theirCycle = cycleId(theirIdea.entityId, 1);
    await t.h.push(other, [
      theirIdea,
      phone.raw({
        entity: 'pdsa',
        entityId: theirCycle,
        fields: newCycle(theirIdea.entityId, 1, T0) as never,
      }),
    ]);
    const measure = newId();
    const point = newId();
    await t.h.push(lead, [
      phone.raw({
        entity: 'measure',
        entityId: measure,
        fields: {
          name: 'Falls',
          direction: 'lower',
          type: 'outcome',
          createdAt: T0,
          deleted: false,
        },
      }),
      phone.raw({
        entity: 'point',
        entityId: point,
        fields: { measureId: measure, date: '2026-02-01', value: 3, createdAt: T0, deleted: false },
      }),
    ]);
    const results = await t.h.push(lead, [
      phone.raw({
        entity: 'point',
        entityId: point,
        fields: { recalculate: true, rebaseReason: 'x', rebasePdsaId: theirCycle },
      }),
      phone.raw({ entity: 'measure', entityId: measure, fields: { baselinePoints: 9 } }),
    ]);
    expect(results[0]).toMatchObject({
      kind: 'rejected',
      code: 'no-parent',
      field: 'fields.rebasePdsaId',
    });
    expect(results[0]?.kind === 'rejected' ? results[0].reason : '').toContain('choose one');
    expect(results[1]).toMatchObject({ kind: 'rejected' });
    expect(results[1]?.kind === 'rejected' ? results[1].reason : '').toContain(
      'must be at least 12 points',
    );
  });
});
