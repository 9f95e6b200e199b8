/**
 * Many rows in one statement, for a push's writes (push.ts, records.ts): the
 * SQL text is written here once per table and batch size instead of being
 * built by Kysely row by row, value by value.
 *
 * - SQLite: `VALUES (?, …), (?, …)`. The same batch size gives the same text,
 *   so the statement SQLite compiled is used again (open.ts keeps them).
 * - PostgreSQL: one array per column, `SELECT * FROM unnest($1::text[], …)`:
 *   the text is the same whatever the number of rows, and PostgreSQL parses
 *   and plans a few array parameters instead of up to 30,000 scalars.
 *
 * Measured on a push of 200 new ideas (bench/sections/ingest.ts): building a
 * 200-row insert through Kysely's builder and compiling it cost more CPU than
 * SQLite took to run it.
 */
import { CompiledQuery, PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

// Well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement.
const MAX_PARAMS = 30_000;

export function chunks<T>(rows: readonly T[], perRow: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / perRow));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** A column of `Row`, with its PostgreSQL type (for the array it travels in). */
export type Column<Row> = {
  readonly name: keyof Row & string;
  readonly pg: 'text' | 'bigint' | 'integer';
};

export type BulkInsert<Row> = {
  readonly table: string;
  readonly columns: readonly Column<Row>[];
  /**
   * What follows the rows (ON CONFLICT …, RETURNING …), with `$team` standing for
   * one more parameter (the pushing team's id): written once for both databases.
   */
  readonly tail?: string;
};

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Statement texts made so far, by statement, then database and row count (0: PostgreSQL's). */
const texts = new WeakMap<object, Map<number, string>>();

function text<Row>(spec: BulkInsert<Row>, postgres: boolean, rows: number): string {
  let made = texts.get(spec);
  if (!made) texts.set(spec, (made = new Map()));
  const key = postgres ? 0 : rows;
  let found = made.get(key);
  if (found !== undefined) return found;
  const n = spec.columns.length;
  const head = `insert into ${quote(spec.table)} (${spec.columns.map((c) => quote(c.name)).join(', ')}) `;
  let body: string;
  let next: number;
  if (postgres) {
    body = `select * from unnest(${spec.columns.map((c, i) => `$${i + 1}::${c.pg}[]`).join(', ')})`;
    next = n + 1;
  } else {
    const row = `(${new Array(n).fill('?').join(', ')})`;
    body = `values ${new Array(rows).fill(row).join(', ')}`;
    next = 0;
  }
  const tail = spec.tail ? ` ${spec.tail.replace('$team', postgres ? `$${next}` : '?')}` : '';
  found = head + body + tail;
  made.set(key, found);
  return found;
}

function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Inserts the rows and returns the rows the statement returned, all chunks together. */
export async function insertRows<Row, R = unknown>(
  db: Kysely<Database>,
  spec: BulkInsert<Row>,
  rows: readonly Row[],
  team?: string,
): Promise<R[]> {
  if (rows.length === 0) return [];
  const postgres = isPostgres(db);
  const n = spec.columns.length;
  const extra = spec.tail?.includes('$team') ? [team] : [];
  const out: R[] = [];
  // PostgreSQL takes every row in a handful of parameters; SQLite one parameter per value.
  for (const part of postgres ? [rows] : chunks(rows, n)) {
    let parameters: unknown[];
    if (postgres) {
      parameters = spec.columns.map((c) => part.map((r) => r[c.name]));
    } else {
      parameters = new Array<unknown>(part.length * n);
      let k = 0;
      for (const r of part) for (const c of spec.columns) parameters[k++] = r[c.name];
    }
    const result = await db.executeQuery<R>(
      CompiledQuery.raw(text(spec, postgres, part.length), [...parameters, ...extra]),
    );
    out.push(...result.rows);
  }
  return out;
}
