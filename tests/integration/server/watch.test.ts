/**
 * What the log says about a database trouble as it starts and ends
 * (server/http/unavailable.ts, issue 18): each refusal, then one line when
 * the database answers again, and a full disk reported by /healthz until a
 * write succeeds. A refusal before the database is asked (a 400 for bad
 * input) does not end the trouble.
 */
import { describe, expect, it } from 'vitest';
import {
  databaseTrouble,
  databaseWatch,
  startupProblem,
} from '../../../server/http/unavailable.ts';

const refusedConnection = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
  code: 'ECONNREFUSED',
});
const diskFull = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

function watched() {
  const lines: string[] = [];
  let clock = Date.UTC(2026, 10, 30, 14, 0, 0);
  const watch = databaseWatch(
    (l) => lines.push(l),
    () => clock,
  );
  return { lines, watch, later: (s: number) => (clock += s * 1000) };
}

describe('the database watch', () => {
  it('says once that the database is back, with how long and how many were refused', () => {
    const { lines, watch, later } = watched();
    const away = databaseTrouble(refusedConnection)!;
    watch.refused(away);
    later(12);
    watch.refused(away);
    watch.answered('POST', 503);
    watch.answered('POST', 400); // bad input, refused before the database was asked
    expect(lines).toEqual([]);
    later(19);
    watch.answered('GET', 200);
    watch.answered('GET', 200);
    expect(lines).toEqual([
      'database back: it answers again after 31 s away; 2 request(s) were answered 503 meanwhile. Phones send what they kept by themselves; there is nothing to do.',
    ]);
    expect(watch.writeProblem()).toBeNull();
  });

  it('reports a full disk until a write succeeds; a read does not end it', () => {
    const { lines, watch, later } = watched();
    const full = databaseTrouble(diskFull)!;
    expect(full.status).toBe(507);
    watch.refused(full);
    watch.answered('GET', 200);
    expect(watch.writeProblem()).toBe(
      'The disk holding the database is full. Free space (or grow the volume); pushes are refused with 507 until then and deliver by themselves afterwards. Reading keeps working. The last write refused for a full disk was at 2026-11-30T14:00:00.000Z; none has succeeded since (1 refused).',
    );
    later(60);
    watch.answered('POST', 200);
    expect(watch.writeProblem()).toBeNull();
    expect(lines).toEqual([
      'disk: writes work again after 60 s; 1 request(s) were refused with 507 meanwhile. Phones send what they kept by themselves; keep an eye on the free space.',
    ]);
  });

  it('words a start without a database, and leaves other errors alone', () => {
    expect(startupProblem(diskFull)).toMatch(
      /^Ground Up could not start: the disk holding the database is full\. Free space/,
    );
    expect(startupProblem(new TypeError('x is undefined'))).toBeNull();
  });

  it('names the setting a pooler refused, and what to change in PgBouncer', () => {
    // What pg says when PgBouncer refuses node-pg's statement_timeout at connect.
    const refused = Object.assign(new Error('unsupported startup parameter: statement_timeout'), {
      code: '08P01',
    });
    expect(startupProblem(refused)).toBe(
      'Ground Up could not start: a connection pooler between this server and PostgreSQL refused the connection setting "statement_timeout". ' +
        'With PgBouncer, add statement_timeout to ignore_startup_parameters in pgbouncer.ini (and set it on the database instead, e.g. ALTER DATABASE … SET statement_timeout = \'15s\'), then start the server again; README "Several servers" says more.',
    );
  });
});
