/**
 * One log line per request: method, path (never the query string), status and
 * milliseconds. Tokens travel only in the Authorization header, which is never
 * logged. The path is written so that it cannot forge a line: every control,
 * format, separator or unassigned character (a %0a decoded to a newline, a CR,
 * an escape sequence, U+2028) and the space are shown as \u{…}; and an invite
 * code in a /join/CODE link is never written down.
 */
import type { MiddlewareHandler } from 'hono';

const UNSAFE = /[\p{C}\p{Z}]/gu;

/** The path as it may appear in a log: one field, no invite code. */
export function loggablePath(path: string): string {
  return path
    .replace(/(\/join\/)[^/]*/giu, '$1[code]')
    .replace(UNSAFE, (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`);
}

export function requestLog(log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const ms = (performance.now() - start).toFixed(1);
    log(`${c.req.method} ${loggablePath(c.req.path)} ${c.res.status} ${ms}ms`);
  };
}
