/**
 * Writing a CSV file (RFC 4180): cells holding a comma, a quote or a line
 * break are quoted, quotes doubled; lines end CRLF; a byte-order mark makes
 * Excel read UTF-8. Cells are made spreadsheet-safe first (csvCells.ts).
 *
 * Why not Papa Parse here: it ships only as CommonJS, and its interop helpers
 * moved the bundler's runtime into the capture screen's first load, over its
 * 50 KB budget. Writing is the easy half of CSV; the tests read our files back
 * with Papa Parse, so a well-kept parser checks every field round-trips.
 */
import { safeTable, type Table } from '../domain/csvCells.ts';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function quote(cell: string | number): string {
  const s = String(cell);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(table: Table): string {
  return `\uFEFF${safeTable(table)
    .map((row) => row.map(quote).join(','))
    .join('\r\n')}`;
}
