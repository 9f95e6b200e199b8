/**
 * Recognising database errors the store can act on, whichever driver raised
 * them: better-sqlite3 sets `code` to an SQLITE_* name, pg to a SQLSTATE.
 */

function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  const { code } = err;
  return typeof code === 'string' ? code : undefined;
}

/** A unique or primary key was already taken. */
export function isUniqueViolation(err: unknown): boolean {
  const code = codeOf(err);
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * A record's key (entity and id, `records_pk`) was already taken: another team
 * created a record under that id meanwhile. Only that constraint, so that any
 * other unique index on `records` someone adds later fails as itself.
 */
export function isRecordKeyTaken(err: unknown): boolean {
  const code = codeOf(err);
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  return code === '23505' && (err as { constraint?: unknown }).constraint === 'records_pk';
}

/** PostgreSQL gave up on a transaction that would succeed if run again. */
export function isRetryable(err: unknown): boolean {
  const code = codeOf(err);
  return code === '40001' || code === '40P01';
}
