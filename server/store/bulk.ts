/**
 * Many rows in one statement, for a push's writes (push.ts, records.ts): the
 * SQL text is written here once per table and batch size instead of being
 * built by Kysely row by row, value by value.
 *
 * - SQLite: `VALUES (?, …), (?, …)`. The same batch size gives the same text,
 *   so the statement SQLite compiled is used again (open.ts keeps them).
 * - PostgreSQL: the rows as one JSON parameter,
 *   `SELECT * FROM json_to_recordset($1::json) AS r("id" text, …)`: the text
 *   is the same whatever the number of rows, and PostgreSQL parses and plans
 *   one parameter instead of up to 30,000 scalars. One array per column
 *   (`unnest($1::text[], …)`, until December 2026) cost node-postgres more than
 *   the insert: it writes an array literal by escaping every element with two
 *   regular expressions, and the JSON of a record's fields is all quotes
 *   (the top of the process's profile after the garbage collector, on the
 *   bench's pushes of 200 ideas); JSON.stringify does the same work natively.
 *
 * Measured on a push of 200 new ideas (bench/sections/ingest.ts): building a
 * 200-row insert through Kysely's builder and compiling it cost more CPU than
 * SQLite took to run it.
 */
import {
  CompiledQuery,
  PostgresAdapter,
  sql,
  type Kysely,
  type RawBuilder,
  type SqlBool,
} from 'kysely';
import type { Database } from './schema.ts';

// Well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement.
const MAX_PARAMS = 30_000;

export function chunks<T>(rows: readonly T[], perRow: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / perRow));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** A column of `Row`, with its PostgreSQL type (as json_to_recordset reads it). */
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

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Statement texts made so far, by statement, then database and row count (0: PostgreSQL's). */
const texts = new WeakMap<object, Map<number, string>>();

function text<Row>(spec: BulkInsert<Row>, postgres: boolean, rows: number): string {
  let made = texts.get(spec);
  if (!made) texts.set(spec, (made = new Map()));
  const key = postgres ? 0 : rows;
  let found = made.get(key);
  if (found !== undefined) return found;
  if (postgres) {
    found = pgInsertText(spec, 1, 2);
  } else {
    const n = spec.columns.length;
    const row = `(${new Array(n).fill('?').join(', ')})`;
    const tail = spec.tail ? ` ${spec.tail.replace('$team', '?')}` : '';
    found = `${head(spec)}values ${new Array(rows).fill(row).join(', ')}${tail}`;
  }
  made.set(key, found);
  return found;
}

function head<Row>(spec: BulkInsert<Row>): string {
  return `insert into ${quote(spec.table)} (${spec.columns.map((c) => quote(c.name)).join(', ')}) `;
}

/**
 * The PostgreSQL text of `spec`, its rows read from the JSON array in
 * parameter `$rows` and `$team` in its tail as parameter `$team` (numbers):
 * for insertRows, and for a statement that makes several inserts at once
 * (push.ts).
 */
export function pgInsertText<Row>(spec: BulkInsert<Row>, rows: number, team: number): string {
  const types = pgTypes(spec);
  const tail = spec.tail ? ` ${spec.tail.replace('$team', `$${team}`)}` : '';
  return `${head(spec)}select * from json_to_recordset($${rows}::json) as r(${types})${tail}`;
}

/** The columns of `spec` with their PostgreSQL types, as json_to_recordset names them. */
export function pgTypes<Row>(spec: BulkInsert<Row>): string {
  return spec.columns.map((c) => `${quote(c.name)} ${c.pg}`).join(', ');
}

export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * `column` is one of `values`, the list sent as one parameter (a PostgreSQL
 * array; on SQLite a JSON array read with json_each), for the push's look-ups
 * by id. Kysely's `in (?, …)` sent a parameter per value: a statement to parse,
 * bind and plan anew for every length of list (PostgreSQL planned 200 values
 * in about as long as it ran), and on SQLite a text of its own per length that
 * pushed the compiled statements out of open.ts's cache. The values are text.
 *
 * On PostgreSQL as `column in (select unnest(array))`, not `column = any(array)`
 * (docs/decisions/0039-index-what-is-looked-up.md): PostgreSQL costs `= any`
 * of 500 values as 500 index searches and read all of applied_mutations
 * instead, 13 ms of a push at 60,000 rows and more as the table grew; as a
 * join of the list's rows it searches the key once for each.
 */
export function oneOf(
  db: Kysely<Database>,
  column: string,
  values: readonly string[],
): RawBuilder<SqlBool> {
  return isPostgres(db)
    ? sql<SqlBool>`${sql.ref(column)} in (select unnest(${[...values]}::text[]))`
    : sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(values)}))`;
}

/**
 * An aggregate of the selected rows into one JSON array of arrays, in the
 * columns' order (empty: `[]`), to read several queries' rows in one
 * statement; parseJsonRows reads it back. The columns are plain names.
 */
export function jsonRows(db: Kysely<Database>, columns: readonly string[]): RawBuilder<unknown> {
  const list = columns.map(quote).join(', ');
  return isPostgres(db)
    ? sql.raw(`coalesce(json_agg(json_build_array(${list})), '[]'::json)`)
    : sql.raw(`json_group_array(json_array(${list}))`);
}

/** The rows of a jsonRows column: parsed already by node-postgres, JSON text from SQLite. */
export function parseJsonRows(value: unknown): unknown[][] {
  if (value === undefined || value === null) return [];
  return (typeof value === 'string' ? JSON.parse(value) : value) as unknown[][];
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
  // PostgreSQL takes every row in one parameter; SQLite one parameter per value.
  for (const part of postgres ? [rows] : chunks(rows, n)) {
    let parameters: unknown[];
    if (postgres) {
      // Keys beyond the columns are ignored by json_to_recordset; a missing one reads as null.
      parameters = [JSON.stringify(part)];
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
