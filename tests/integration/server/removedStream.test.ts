// A removed member's open event stream ends the moment the facilitator removes
// them: it hears nothing more of the team, on either database, and on
// PostgreSQL whichever server process holds the stream.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../../server/app.ts';
import { pgNotifier } from '../../../server/live/notifier.ts';
import { openStore, withPgUser } from '../../../server/store/index.ts';
import { dropSchema, PG_AVAILABLE, PG_URL, uniqueSchema } from './backends.ts';
import { describeOnBackends, device, harness, streamReader, type Session } from './harness.ts';

async function openStream(app: Hono, s: Session) {
  const res = await app.request(`/api/v1/events?team=${s.team.id}`, {
    headers: { authorization: `Bearer ${s.token}` },
  });
  expect(res.status).toBe(200);
  const read = streamReader(res);
  expect(await read()).toContain('event: ready');
  return read;
}

describeOnBackends('a removed member’s event stream, on $name', (t) => {
  it('ends at once, before the team’s next change reaches it', async () => {
    const lead = await t.h.createTeam();
    const nurse = await t.h.join(lead.team.inviteCode);
    const read = await openStream(t.h.app, nurse);
    const removed = await t.h.request('DELETE', `/api/v1/team/members/${nurse.member.id}`, {
      token: lead.token,
    });
    expect(removed.status).toBe(200);
    await t.h.push(lead, [device(1).idea(lead, 'After the removal')]);
    expect(await read()).toBe('ended');
  });

  it('leaves the streams of everyone else open', async () => {
    const lead = await t.h.createTeam();
    const nurse = await t.h.join(lead.team.inviteCode);
    const other = await t.h.join(lead.team.inviteCode, 'Jo');
    const read = await openStream(t.h.app, other);
    await t.h.request('DELETE', `/api/v1/team/members/${nurse.member.id}`, { token: lead.token });
    await t.h.push(lead, [device(1).idea(lead, 'Still live')]);
    expect(await read()).toContain('event: change');
  });
});

describe.skipIf(!PG_AVAILABLE)('the LISTEN connection lost and back, on PostgreSQL', () => {
  /** The notifier's connection named, so the test can end it as a restart would. */
  const named = (name: string) => {
    const url = new URL(withPgUser(PG_URL));
    url.searchParams.set('application_name', name);
    return url.toString();
  };
  const admin = async <T>(text: string, name: string): Promise<T[]> => {
    const c = new pg.Client({ connectionString: withPgUser(PG_URL).toString() });
    await c.connect();
    try {
      return (await c.query(text, [name])).rows as T[];
    } finally {
      await c.end();
    }
  };
  const endConnection = (name: string) =>
    admin(
      'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
      name,
    );
  const connections = async (name: string) =>
    (
      await admin<{ n: string }>(
        'select count(*) as n from pg_stat_activity where application_name = $1',
        name,
      )
    )[0]?.n;
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise((r) => setTimeout(r, 20));
  };

  it('sends what was published while its connection was away once it is back', async () => {
    const name = `notify-from-${uniqueSchema()}`;
    const lines: string[] = [];
    const to = await pgNotifier(withPgUser(PG_URL).toString());
    const from = await pgNotifier(named(name), (line) => lines.push(line));
    try {
      const heard: string[] = [];
      to.subscribe('team-away', (e) => heard.push(String(e)));
      await endConnection(name);
      await until(() => lines.some((l) => l.includes('LISTEN connection lost')));
      from.publish('team-away');
      await until(() => heard.length > 0);
      expect(heard).toEqual(['change']);
    } finally {
      await from.close();
      await to.close();
    }
  });

  it('opens one connection again, not one for each way pg reports the loss', async () => {
    const name = `notify-to-${uniqueSchema()}`;
    const lines: string[] = [];
    const from = await pgNotifier(withPgUser(PG_URL).toString());
    const to = await pgNotifier(named(name), (line) => lines.push(line));
    try {
      await endConnection(name);
      await until(() => lines.some((l) => l.includes('LISTEN connection lost')));
      const heard: string[] = [];
      to.subscribe('team-back', (e) => heard.push(String(e)));
      // Published until the connection is back and hears it.
      while (heard.length === 0) {
        from.publish('team-back');
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await connections(name)).toBe('1');
    } finally {
      await from.close();
      await to.close();
    }
    // The connection it kept is ended with it (pg_stat_activity drops it a moment later).
    while ((await connections(name)) !== '0') await new Promise((r) => setTimeout(r, 20));
  });
});

describe.skipIf(!PG_AVAILABLE)('a removal across server processes on PostgreSQL', () => {
  it('tells another process of every team and removal published at once, none lost', async () => {
    // A group commit answers several pushes together; their notices go one statement at a time.
    const url = withPgUser(PG_URL).toString();
    const [from, to] = [await pgNotifier(url), await pgNotifier(url)];
    try {
      const teams = Array.from({ length: 30 }, (_, i) => `team-${i}`);
      const heard: string[] = [];
      const all = new Promise<void>((resolve) => {
        for (const team of teams)
          to.subscribe(team, (e) => {
            heard.push(`${team} ${typeof e === 'string' ? e : `removed ${e.removed}`}`);
            if (heard.length === teams.length + 1) resolve();
          });
      });
      for (const team of teams) from.publish(team);
      from.publishRemoved('team-3', 'member-9');
      await all;
      expect([...heard].sort()).toEqual(
        [...teams.map((team) => `${team} change`), 'team-3 removed member-9'].sort(),
      );
    } finally {
      await from.close();
      await to.close();
    }
  });

  it('ends the stream another process holds', async () => {
    const schema = uniqueSchema();
    const url = withPgUser(PG_URL).toString();
    const [storeA, storeB] = [
      await openStore({ databaseUrl: PG_URL, pgSchema: schema }),
      await openStore({ databaseUrl: PG_URL, pgSchema: schema }),
    ];
    const [liveA, liveB] = [await pgNotifier(url), await pgNotifier(url)];
    try {
      const a = harness(storeA);
      const appA = createApp({ store: storeA, live: liveA, log: () => undefined });
      const appB = createApp({ store: storeB, live: liveB, log: () => undefined });
      const lead = await a.createTeam();
      const nurse = await a.join(lead.team.inviteCode);
      const read = await openStream(appB, nurse);
      const removed = await appA.request(`/api/v1/team/members/${nurse.member.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${lead.token}` },
      });
      expect(removed.status).toBe(200);
      const push = await appA.request('/api/v1/sync/push', {
        method: 'POST',
        headers: { authorization: `Bearer ${lead.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ teamId: lead.team.id, mutations: [device(3).idea(lead, 'Via A')] }),
      });
      expect(push.status).toBe(200);
      expect(await read()).toBe('ended');
    } finally {
      await liveA.close();
      await liveB.close();
      await storeA.close();
      await storeB.close();
      await dropSchema(schema);
    }
  });
});
