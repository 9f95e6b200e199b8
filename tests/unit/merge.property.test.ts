/**
 * The merge rule, property-tested: whatever order the network delivers the same
 * set of edits in, with whatever duplicates, every device must end with the same
 * record, and that record must hold, field by field, the value of the latest
 * write. If it did not, two nurses would see different ideas after syncing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Hlc } from '../../src/domain/hlc.ts';
import { applyFields } from '../../src/domain/idea.ts';
import { fieldsOf } from '../../src/domain/rules/common.ts';
import {
  EMPTY,
  merge,
  stampAll,
  type FieldValue,
  type Fields,
  type Stamped,
} from '../../src/domain/merge.ts';
import { IDEA_STATUSES } from '../../src/domain/records.ts';
import { DEVICE_A, DEVICE_B, DEVICE_C, NOW, stamp } from './fixtures.ts';

type Write = { readonly hlc: Hlc; readonly fields: Fields };

const textArb = fc.string({ maxLength: 6 });
const anyValueArb: fc.Arbitrary<FieldValue> = fc.oneof(
  textArb,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

/** Field writes of an idea-like record, tombstone included; at least one field each. */
const fieldsArb: fc.Arbitrary<Fields> = fc
  .record(
    {
      title: textArb,
      detail: anyValueArb,
      status: fc.constantFrom(...IDEA_STATUSES),
      deleted: fc.boolean(),
    },
    { requiredKeys: [] },
  )
  .filter((f) => Object.keys(f).length > 0);

/**
 * Stamps from three devices over a few milliseconds and counters, so that equal
 * wall time and counter on two devices (the device-id tie-break) is common.
 */
const hlcArb: fc.Arbitrary<Hlc> = fc
  .record({
    wall: fc.integer({ min: 0, max: 3 }),
    counter: fc.integer({ min: 0, max: 2 }),
    node: fc.constantFrom(DEVICE_A, DEVICE_B, DEVICE_C),
  })
  .map(({ wall, counter, node }) => stamp(NOW + wall, counter, node));

/**
 * A set of writes with distinct stamps. A stamp embeds the device id and that
 * device's counter, so one stamp is one write: two writes never share a stamp.
 */
const writesArb: fc.Arbitrary<Write[]> = fc.uniqueArray(
  fc.record({ hlc: hlcArb, fields: fieldsArb }),
  {
    selector: (w) => w.hlc,
    minLength: 1,
    maxLength: 12,
  },
);

function fold(writes: readonly Write[], from?: Stamped): Stamped {
  let state = from;
  for (const w of writes) state = applyFields(state, w.fields, w.hlc);
  return state ?? EMPTY;
}

/** What every device must end with: for each field, the value of its latest write. */
function expected(writes: readonly Write[]): Stamped {
  const fields: Record<string, FieldValue> = {};
  const stamps: Record<string, Hlc> = {};
  for (const w of writes) {
    for (const [key, value] of Object.entries(w.fields)) {
      const held = stamps[key];
      if (held === undefined || w.hlc > held) {
        stamps[key] = w.hlc;
        fields[key] = value;
      }
    }
  }
  return { fields, stamps };
}

/** The writes, each at least once, some again, in a shuffled delivery order. */
function deliveryArb(writes: readonly Write[]): fc.Arbitrary<Write[]> {
  return fc.array(fc.constantFrom(...writes), { maxLength: 8 }).chain((dups) => {
    const all = [...writes, ...dups];
    return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
  });
}

/** Three replicas, each holding some subset of one shared set of writes. */
const replicasArb = writesArb.chain((writes) =>
  fc.tuple(fc.subarray(writes), fc.subarray(writes), fc.subarray(writes)).map(([a, b, c]) => ({
    writes,
    a: fold(a),
    b: fold(b),
    c: fold(c),
  })),
);

describe('merge is a join: commutative, associative, idempotent', () => {
  it('gives the same record whichever side is local', () => {
    fc.assert(
      fc.property(replicasArb, ({ a, b }) => {
        expect(merge(a, b)).toEqual(merge(b, a));
      }),
    );
  });

  it('gives the same record however merges are grouped', () => {
    fc.assert(
      fc.property(replicasArb, ({ a, b, c }) => {
        expect(merge(merge(a, b), c)).toEqual(merge(a, merge(b, c)));
      }),
    );
  });

  it('changes nothing when the same state arrives again', () => {
    fc.assert(
      fc.property(replicasArb, ({ a, b }) => {
        expect(merge(a, a)).toEqual(a);
        const ab = merge(a, b);
        expect(merge(ab, b)).toEqual(ab);
      }),
    );
  });
});

describe('convergence', () => {
  it('ends every device on the latest value of each field, whatever the delivery order and duplicates', () => {
    fc.assert(
      fc.property(
        writesArb.chain((writes) =>
          fc.record({
            writes: fc.constant(writes),
            one: deliveryArb(writes),
            two: deliveryArb(writes),
          }),
        ),
        ({ writes, one, two }) => {
          const want = expected(writes);
          expect(fold(one)).toEqual(want);
          expect(fold(two)).toEqual(want);
        },
      ),
    );
  });

  it('ends two devices that each saw part of the edits on the same record once they sync', () => {
    fc.assert(
      fc.property(
        writesArb.chain((writes) =>
          fc.record({ writes: fc.constant(writes), mine: fc.subarray(writes) }),
        ),
        ({ writes, mine }) => {
          const theirs = writes.filter((w) => !mine.includes(w));
          const phone = fold(mine);
          const tablet = fold(theirs);
          // Each pulls the other's edits one at a time, on top of its own.
          expect(fold(theirs, phone)).toEqual(expected(writes));
          expect(fold(mine, tablet)).toEqual(expected(writes));
          expect(merge(phone, tablet)).toEqual(expected(writes));
        },
      ),
    );
  });
});

describe('tombstones', () => {
  const created = stamp(NOW, 0, DEVICE_A);
  const create: Write = {
    hlc: created,
    fields: { title: 'Move the hoist', status: 'new', deleted: false },
  };

  it('a delete and a concurrent edit converge to the same record in every order', () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, textArb, (deleteAt, editAt, title) => {
        fc.pre(deleteAt !== editAt && deleteAt > created && editAt > created);
        const del: Write = { hlc: deleteAt, fields: { deleted: true } };
        const edit: Write = { hlc: editAt, fields: { title } };
        const orders = [
          [create, del, edit],
          [create, edit, del],
          [del, create, edit],
          [del, edit, create],
          [edit, create, del],
          [edit, del, create, del, edit],
        ];
        for (const order of orders) {
          const record = fold(order);
          // The delete wins over the create's deleted:false; the edit does not undo it.
          expect(record.fields).toEqual({ title, status: 'new', deleted: true });
          expect(record).toEqual(fold(orders[0] ?? []));
        }
      }),
    );
  });

  it('a delete and a concurrent restore settle on whichever is later, on every device', () => {
    const del: Write = { hlc: stamp(NOW + 5, 0, DEVICE_B), fields: { deleted: true } };
    const restore: Write = { hlc: stamp(NOW + 5, 0, DEVICE_C), fields: { deleted: false } };
    // Same millisecond and counter: device C's id sorts after B's, so the restore wins.
    expect(fold([create, del, restore]).fields.deleted).toBe(false);
    expect(fold([restore, del, create]).fields.deleted).toBe(false);
    expect(fold([del, create, restore, del]).fields.deleted).toBe(false);
  });
});

describe('examples', () => {
  const title = (value: string, hlc: Hlc): Stamped => applyFields(undefined, { title: value }, hlc);

  it('keeps the value with the later wall time, whichever side holds it', () => {
    const older = title('Old', stamp(NOW, 9, DEVICE_C));
    const newer = title('New', stamp(NOW + 1, 0, DEVICE_A));
    expect(merge(older, newer).fields.title).toBe('New');
    expect(merge(newer, older).fields.title).toBe('New');
  });

  it('keeps the value with the higher counter in the same millisecond', () => {
    const first = title('First', stamp(NOW, 1, DEVICE_C));
    const second = title('Second', stamp(NOW, 2, DEVICE_A));
    expect(merge(first, second).fields.title).toBe('Second');
    expect(merge(second, first).fields.title).toBe('Second');
  });

  it('breaks a tie in wall time and counter by device id, the same way on both devices', () => {
    const fromA = title('From A', stamp(NOW, 3, DEVICE_A));
    const fromB = title('From B', stamp(NOW, 3, DEVICE_B));
    expect(merge(fromA, fromB).fields.title).toBe('From B');
    expect(merge(fromB, fromA).fields.title).toBe('From B');
    expect(merge(fromA, fromB).stamps.title).toBe(stamp(NOW, 3, DEVICE_B));
  });

  it('never drops a field that only one side has', () => {
    const local = applyFields(
      undefined,
      { title: 'Hoist', status: 'new' },
      stamp(NOW + 9, 0, DEVICE_A),
    );
    const remote = applyFields(undefined, { detail: 'Bay 3 only' }, stamp(NOW, 0, DEVICE_B));
    const both = { title: 'Hoist', status: 'new', detail: 'Bay 3 only' };
    expect(merge(local, remote).fields).toEqual(both);
    expect(merge(remote, local).fields).toEqual(both);
  });

  it('keeps the newer fields of an older write that the record did not have', () => {
    const record = applyFields(undefined, { title: 'New title' }, stamp(NOW + 9, 0, DEVICE_A));
    const stale = applyFields(
      record,
      { title: 'Old title', detail: 'Added' },
      stamp(NOW, 0, DEVICE_B),
    );
    expect(stale.fields).toEqual({ title: 'New title', detail: 'Added' });
  });

  it('keeps a null value as a value, distinct from a field never written', () => {
    const record = applyFields(undefined, { authorName: 'Sam' }, stamp(NOW, 0, DEVICE_A));
    const cleared = applyFields(record, { authorName: null }, stamp(NOW + 1, 0, DEVICE_A));
    expect(cleared.fields).toEqual({ authorName: null });
    expect(cleared.stamps.authorName).toBe(stamp(NOW + 1, 0, DEVICE_A));
  });

  it('does not erase a field that a mutation leaves undefined', () => {
    const record = applyFields(undefined, { title: 'Hoist' }, stamp(NOW, 0, DEVICE_A));
    const next = applyFields(
      record,
      { title: undefined, detail: 'x' },
      stamp(NOW + 1, 0, DEVICE_A),
    );
    expect(next.fields).toEqual({ title: 'Hoist', detail: 'x' });
    expect(next.stamps.title).toBe(stamp(NOW, 0, DEVICE_A));
  });

  it('reports a change only when something was newer', () => {
    const record = applyFields(undefined, { title: 'Hoist' }, stamp(NOW, 0, DEVICE_A));
    expect(applyFields(record, { title: 'Hoist' }, stamp(NOW, 0, DEVICE_A)).stamps).toEqual(
      record.stamps,
    );
    expect(applyFields(record, { title: 'Older' }, stamp(NOW - 1, 0, DEVICE_B)).stamps).toEqual(
      record.stamps,
    );
    expect(applyFields(record, { title: 'Newer' }, stamp(NOW + 1, 0, DEVICE_B)).stamps).not.toEqual(
      record.stamps,
    );
    expect(
      applyFields(record, { detail: 'New field' }, stamp(NOW - 1, 0, DEVICE_B)).stamps,
    ).not.toEqual(record.stamps);
  });

  // Pulled changes are validated with a record schema that accepts any field name
  // except __proto__/constructor/prototype; a name like "toString" once read the
  // inherited function and was dropped on one side only.
  it('merges a field named like an Object.prototype member the same from either side', () => {
    const remote = applyFields(undefined, { toString: 'x', valueOf: 1 }, stamp(NOW, 0, DEVICE_B));
    expect(merge(EMPTY, remote)).toEqual(remote);
    expect(merge(remote, EMPTY)).toEqual(remote);
    expect(merge(EMPTY, remote).fields).toEqual({ toString: 'x', valueOf: 1 });
  });
});

describe('the shortcuts a push takes (December 2026)', () => {
  const sentArb = fc.dictionary(
    fc.oneof(fc.stringMatching(/^[a-z][A-Za-z]{0,9}$/), fc.constantFrom('toString', 'valueOf')),
    fc.option(anyValueArb, { nil: undefined }),
    { maxKeys: 10 },
  );

  it('applies a change to nothing held exactly as merging it into an empty record', () => {
    fc.assert(
      fc.property(sentArb, (sent) => {
        const hlc = stamp(NOW, 0, DEVICE_A);
        const applied = applyFields(undefined, sent, hlc);
        expect(applied).toEqual(merge(EMPTY, stampAll(sent, hlc)));
        expect(Object.keys(applied.fields)).toEqual(
          Object.keys(sent).filter((k) => sent[k] !== undefined),
        );
      }),
    );
  });

  it("reads a change's fields without the absent ones, copying only when one is absent", () => {
    fc.assert(
      fc.property(sentArb, (sent) => {
        const read = fieldsOf({ fields: sent });
        expect(read).toEqual(
          Object.fromEntries(Object.entries(sent).filter(([, v]) => v !== undefined)),
        );
        const absent = Object.values(sent).some((v) => v === undefined);
        expect(read === sent).toBe(!absent);
      }),
    );
  });
});
