/**
 * Which database the backup and restore commands work on, read from the same
 * environment as the server (server/main.ts): DATABASE_URL=postgres://… for
 * PostgreSQL, otherwise the SQLite file under DATA_DIR (./data by default).
 */
import { join, resolve } from 'node:path';
import { isPostgresUrl } from '../store/index.ts';

export type OpsTarget =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string };

/** The SQLite file the server uses for this data directory. */
export function sqlitePathFor(dataDir: string | undefined): string {
  return join(resolve(dataDir ?? './data'), 'ground-up.sqlite');
}

/** The file the running server writes its process id to, beside the SQLite file. */
export function pidFileFor(sqlitePath: string): string {
  return `${sqlitePath}.pid`;
}

export function targetFromEnv(env: NodeJS.ProcessEnv): OpsTarget {
  const url = env['DATABASE_URL'];
  if (isPostgresUrl(url)) {
    const schema = env['PG_SCHEMA'];
    return schema ? { kind: 'postgres', url, schema } : { kind: 'postgres', url };
  }
  return { kind: 'sqlite', path: sqlitePathFor(env['DATA_DIR']) };
}

/** Where a target is, in words for a log line (never the password). */
export function describeTarget(target: OpsTarget): string {
  if (target.kind === 'sqlite') return `the SQLite file ${target.path}`;
  const url = new URL(target.url);
  url.password = '';
  const schema = target.schema ? ` (schema ${target.schema})` : '';
  return `the PostgreSQL database ${url.host}${url.pathname}${schema}`;
}
