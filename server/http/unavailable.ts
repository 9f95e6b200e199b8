/**
 * Telling "the database is not there right now" apart from a bug (issue 18).
 * A PostgreSQL that restarts or is unreachable, a SQLite file kept busy or a
 * disk that is full is not the client's fault and not a reason for a 500: the
 * phone keeps its changes and tries again, so it gets a 503 (or a 507 for a
 * full disk) with Retry-After and words; the person running the server gets a
 * log line saying what to do.
 */
import { ApiError } from './errors.ts';
import { serverTroubleWords } from '../../src/domain/serverTrouble.en.ts';

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

const UNREACHABLE = serverTroubleWords('databaseAway');

/** The trouble this error means, or null when it is not a database being away (a bug: 500). */
export function databaseTrouble(err: unknown): DatabaseTrouble | null {
  const code = codeOf(err);
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_FULL' || code === '53100' /* disk_full */) {
    return {
      status: 507,
      message: serverTroubleWords('diskFull'),
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

/**
 * What the person starting the server reads when it cannot start because of
 * its database (it does not retry by itself then), or null for any other error.
 */
export function startupProblem(err: unknown): string | null {
  const trouble = databaseTrouble(err);
  if (!trouble) return null;
  const code = codeOf(err);
  if (trouble.status === 507)
    return 'Ground Up could not start: the disk holding the database is full. Free space (or grow the volume), then start the server again.';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return `Ground Up could not start: the SQLite database is locked (${code}) by another process. Stop the other server (or tool) using the file, then start the server again.`;
  const message = err instanceof Error ? err.message : String(err);
  const refusedSetting = /unsupported startup parameter:? ?(\w+)/i.exec(message);
  if (refusedSetting)
    return `Ground Up could not start: a connection pooler between this server and PostgreSQL refused the connection setting "${refusedSetting[1]}". With PgBouncer, add ${refusedSetting[1]} to ignore_startup_parameters in pgbouncer.ini (and set it on the database instead, e.g. ALTER DATABASE … SET statement_timeout = '15s'), then start the server again; README "Several servers" says more.`;
  const detail = code || message;
  return `Ground Up could not start: the database did not answer (${detail}). Check that PostgreSQL is running and reachable from this server (DATABASE_URL), then start the server again.`;
}

/** The API error a database trouble is answered with. */
export function unavailableError(trouble: DatabaseTrouble): ApiError {
  return new ApiError(trouble.status, 'server_error', trouble.message, {
    headers: { 'Retry-After': String(trouble.retryAfterSeconds) },
  });
}

/**
 * What the server remembers of its database being away, so that the person
 * running it reads when it came back, and so that /healthz still reports a
 * full disk when a `select 1` succeeds (reads work; only writes fail).
 * An episode opens at the first request answered 503/507 and closes, with one
 * log line in words, when the database answers again (a request that
 * succeeds; for a full disk, a write that succeeds).
 */
export type DatabaseWatch = {
  /** A request was answered with this trouble. */
  refused(trouble: DatabaseTrouble): void;
  /** A request was answered `status` (after the database was asked). */
  answered(method: string, status: number): void;
  /** What /healthz reports while the disk is full and no write has succeeded since, or null. */
  writeProblem(): string | null;
};

type Episode = { readonly trouble: DatabaseTrouble; readonly since: number; refused: number };

export function databaseWatch(log: (line: string) => void, now: () => number): DatabaseWatch {
  let away: Episode | null = null;
  let full: Episode | null = null;
  const seconds = (e: Episode) => Math.max(0, Math.round((now() - e.since) / 1000));
  return {
    refused(trouble) {
      if (trouble.status === 507) {
        if (full) full.refused++;
        else full = { trouble, since: now(), refused: 1 };
      } else if (away) away.refused++;
      else away = { trouble, since: now(), refused: 1 };
    },
    answered(method, status) {
      // A success: the database was asked and answered (a 400 may be refused before asking it).
      if (status >= 300) return;
      if (away) {
        log(
          `database back: it answers again after ${seconds(away)} s away; ${away.refused} request(s) were answered 503 meanwhile. Phones send what they kept by themselves; there is nothing to do.`,
        );
        away = null;
      }
      if (full && method !== 'GET' && method !== 'HEAD') {
        log(
          `disk: writes work again after ${seconds(full)} s; ${full.refused} request(s) were refused with 507 meanwhile. Phones send what they kept by themselves; keep an eye on the free space.`,
        );
        full = null;
      }
    },
    writeProblem() {
      if (!full) return null;
      return `${full.trouble.advice} The last write refused for a full disk was at ${new Date(full.since).toISOString()}; none has succeeded since (${full.refused} refused).`;
    },
  };
}
