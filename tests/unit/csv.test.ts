/** The CSV export round-trips through a CSV parser, and formula-like text opens as text. */
import Papa from 'papaparse';
import * as fc from 'fast-check';
import { expect, it } from 'vitest';
import { safeCell } from '../../src/domain/csvCells.ts';
import { toCsv } from '../../src/lib/csv.ts';

const parse = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { newline: '\r\n' }).data;

it('escapes cells that a spreadsheet would run as a formula', () => {
  for (const s of ['=1+1', '+44 7700', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("x")'])
    expect(safeCell(s)).toBe(`'${s}`);
  for (const s of ['Fridge key', 'a=b', ' =1', '', 'O’Neil']) expect(safeCell(s)).toBe(s);
  expect(safeCell(-3)).toBe(-3);
  expect(safeCell(null)).toBe('');
  expect(safeCell(true)).toBe('yes');
});

it('round-trips every field through a CSV parser, formula cells escaped', () => {
  const rows = [
    ['Key on a lanyard, by the fridge', 'She said "no"', 'line one\nline two', 12.5],
    ['=cmd|" /C calc"!A0', '+1', '@me', -4],
  ];
  const csv = toCsv({ header: ['title', 'detail', 'note', 'value'], rows });
  expect(parse(csv)).toEqual([
    ['title', 'detail', 'note', 'value'],
    ['Key on a lanyard, by the fridge', 'She said "no"', 'line one\nline two', '12.5'],
    ['\'=cmd|" /C calc"!A0', "'+1", "'@me", '-4'],
  ]);
});

it('round-trips any text: what the parser reads is the safe cell', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }),
      (rows) => {
        const parsed = parse(toCsv({ header: ['a', 'b'], rows }));
        expect(parsed.slice(1)).toEqual(rows.map((r) => r.map((c) => String(safeCell(c)))));
      },
    ),
  );
});
