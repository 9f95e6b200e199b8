/**
 * Telling "the database is not there right now" apart from a bug (issue 18).
 * A PostgreSQL that restarts or is unreachable, a SQLite file kept busy or a
 * disk that is full is not the client's fault and not a reason for a 500: the
 * phone keeps its changes and tries again, so it gets a 503 (or a 507 for a
 * full disk) with Retry-After and words; the person running the server gets a
 * log line saying what to do.
 */
import { ApiError } from './errors.ts';

export type DatabaseTrouble = {
  readonly status: 503 | 507;
  /** What the phone shows. */
  readonly message: string;
  /** What the person running the server reads in the log and in /healthz. */
  readonly advice: string;
  readonly retryAfterSeconds: number;
};

/** Node socket errors and pg's own words when a connection is lost or cannot be made. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const PG_LOST =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Connection ended unexpectedly|the database system is (starting up|shutting down|in recovery mode)/i;

function codeOf(err: unknown): string {
  if (typeof err !== 'object' || err === null || !('code' in err)) return '';
  return typeof err.code === 'string' ? err.code : '';
}

const UNREACHABLE =
  'The server cannot reach its database just now. Everything you saved is still on your device and will be sent when it is back; there is nothing you need to do.';

/** The trouble this error means, or null when it is not a database being away (a bug: 500). */
export function databaseTrouble(err: unknown): DatabaseTrouble | null {
  const code = codeOf(err);
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_FULL' || code === '53100' /* disk_full */) {
    return {
      status: 507,
      message:
        'The server has run out of storage space, so it cannot take your changes just now. They are safe on your device and will be sent when space is freed; you can keep working.',
      advice:
        'The disk holding the database is full. Free space (or grow the volume); pushes are refused with 507 until then and deliver by themselves afterwards. Reading keeps working.',
      retryAfterSeconds: 60,
    };
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return {
      status: 503,
      message: UNREACHABLE,
      advice: `The SQLite database stayed locked (${code}): another process holds it. Make sure only one server (and no backup tool but npm run backup) uses the file.`,
      retryAfterSeconds: 5,
    };
  }
  if (
    NETWORK_CODES.has(code) ||
    /^08/.test(code) || // connection_exception
    ['57P01', '57P02', '57P03', '53300', '57014'].includes(code) ||
    PG_LOST.test(message)
  ) {
    return {
      status: 503,
      message: UNREACHABLE,
      advice: `The database did not answer (${code || message}). Check that PostgreSQL is running and reachable from this server (DATABASE_URL); the server reconnects by itself once it is.`,
      retryAfterSeconds: 10,
    };
  }
  return null;
}

/** The API error a database trouble is answered with. */
export function unavailableError(trouble: DatabaseTrouble): ApiError {
  return new ApiError(trouble.status, 'server_error', trouble.message, {
    headers: { 'Retry-After': String(trouble.retryAfterSeconds) },
  });
}
