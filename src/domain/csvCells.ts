/**
 * Safe spreadsheet cells for the CSV export. A text cell starting with = + - @
 * or a tab or carriage return is a formula to Excel and LibreOffice (CSV
 * injection, OWASP); it gets a leading single quote so it opens as text.
 * Numbers are written as numbers (a value of -3 must stay a number); only text
 * typed by people is escaped.
 */
export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(value: Cell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export type Table = {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
};

/** The table with every cell made safe, header first: what the CSV writer serialises. */
export function safeTable(t: Table): (string | number)[][] {
  return [t.header.map(safeCell), ...t.rows.map((r) => r.map(safeCell))];
}
