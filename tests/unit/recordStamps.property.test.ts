/**
 * How `records.stamps` holds a record's stamps (server/store/records.ts,
 * decision 0040), property-tested: whatever fields a record has and however
 * its writes stamped them, the text written reads back as exactly those
 * stamps, and a row in the form written before (a stamp per field) reads as
 * it always did. If it did not, a merge on the server would take or drop a
 * field against the stamps every phone holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stampsText, toStamped } from '../../server/store/records.ts';
import type { Hlc } from '../../src/domain/hlc.ts';
import type { FieldValue } from '../../src/domain/merge.ts';
import { DEVICE_A, DEVICE_B, NOW, stamp } from './fixtures.ts';

const valueArb: fc.Arbitrary<FieldValue> = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
/** A few writes' stamps, so that fields share them as a record's do. */
const stampArb: fc.Arbitrary<Hlc> = fc
  .tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom(DEVICE_A, DEVICE_B))
  .map(([k, device]) => stamp(NOW + k * 1000, 0, device));
/** Field names as the kinds' schemas have them, and some named like Object's own members. */
const nameArb = fc.oneof(
  fc.stringMatching(/^[a-z][A-Za-z]{0,9}$/),
  fc.constantFrom('toString', 'constructor', '__proto__', 'hasOwnProperty'),
);
const recordArb = fc
  .uniqueArray(fc.tuple(nameArb, valueArb, stampArb), {
    selector: ([name]) => name,
    minLength: 1,
    maxLength: 12,
  })
  .map((entries) => ({
    fields: Object.fromEntries(entries.map(([name, value]) => [name, value])),
    stamps: Object.fromEntries(entries.map(([name, , hlc]) => [name, hlc])) as Record<string, Hlc>,
  }));

describe('a record’s stamps as records.stamps holds them', () => {
  it('reads back exactly the stamps written, whatever the fields and their stamps', () => {
    fc.assert(
      fc.property(recordArb, ({ fields, stamps }) => {
        const read = toStamped(JSON.stringify(fields), stampsText(fields, stamps));
        expect(read.stamps).toEqual(stamps);
        expect(Object.keys(read.stamps).sort()).toEqual(Object.keys(stamps).sort());
        expect(read.fields).toEqual(fields);
      }),
      { numRuns: 500 },
    );
  });

  it('reads back exactly the stamps written when they do not name the same fields', () => {
    // Some fields without a stamp (as the team's own row has), or stamps of fields it lacks.
    const unmatched = fc
      .tuple(recordArb, fc.uniqueArray(nameArb, { maxLength: 3 }), fc.boolean())
      .filter(([r, names]) => names.some((n) => !Object.hasOwn(r.stamps, n)))
      .map(([r, names, strip]) => {
        const extra = names.filter((n) => !Object.hasOwn(r.stamps, n));
        if (strip)
          return {
            fields: { ...r.fields, ...Object.fromEntries(extra.map((n) => [n, 1])) },
            stamps: r.stamps,
          };
        return {
          fields: r.fields,
          stamps: {
            ...r.stamps,
            ...Object.fromEntries(extra.map((n) => [n, stamp(NOW, 0, DEVICE_A)])),
          },
        };
      });
    fc.assert(
      fc.property(unmatched, ({ fields, stamps }) => {
        const text = stampsText(fields, stamps);
        expect(Object.hasOwn(JSON.parse(text) as object, '')).toBe(false);
        expect(toStamped(JSON.stringify(fields), text).stamps).toEqual(stamps);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a row written before, a stamp for each field, as it always did', () => {
    fc.assert(
      fc.property(recordArb, ({ fields, stamps }) => {
        expect(toStamped(JSON.stringify(fields), JSON.stringify(stamps)).stamps).toEqual(stamps);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a new record’s one stamp once, and the stamps of fields changed later', () => {
    const made = stamp(NOW, 0, DEVICE_A);
    const edit = stamp(NOW + 60_000, 0, DEVICE_B);
    const fields = { title: 'Sepsis screen at triage', detail: '', status: 'new', deleted: false };
    expect(
      JSON.parse(stampsText(fields, { title: made, detail: made, status: made, deleted: made })),
    ).toEqual({ '': made });
    expect(
      JSON.parse(stampsText(fields, { title: edit, detail: made, status: made, deleted: made })),
    ).toEqual({ '': made, title: edit });
  });

  it('keeps a stamp for each field when the stamps do not name the fields, or none is shared', () => {
    const a = stamp(NOW, 0, DEVICE_A);
    const b = stamp(NOW + 1, 0, DEVICE_A);
    // The team's own fields are stamped only once changed: no shared stamp may stand for them.
    expect(JSON.parse(stampsText({ name: 'Ward 7', categories: '[]' }, { name: a }))).toEqual({
      name: a,
    });
    expect(
      JSON.parse(stampsText({ name: 'Ward 7', categories: '[]', x: 1 }, { name: a, x: a })),
    ).toEqual({ name: a, x: a });
    expect(JSON.parse(stampsText({ title: 't', detail: 'd' }, { title: a, detail: b }))).toEqual({
      title: a,
      detail: b,
    });
  });
});
