// Migration 0015 (decision 0041): on PostgreSQL the rows a push writes have
// no keys to `teams` and `members`, and the purge takes the team's turn
// first, as a push does. So a push under way when the purge starts commits
// first and the purge removes its rows with the rest, and a push that waited
// behind the purge applies nothing and is answered as a phone whose team is
// gone. The turn is held here by a transaction of the test's own, as a push
// holds it; each step waits for PostgreSQL to show the waiting it asserts.
import pg from 'pg';
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, withPgUser, type Store } from '../../../server/store/index.ts';
import { migrationProvider } from '../../../server/store/migrations.ts';
import { openDatabase } from '../../../server/store/open.ts';
import { joiningWords } from '../../../src/domain/joining.en.ts';
import { PG_AVAILABLE, PG_URL, dropSchema, uniqueSchema } from './backends.ts';
import { device, harness, newId } from './harness.ts';
import { orgAdminWords } from '../../../src/domain/orgAdmin.en.ts';
import { teamAdminWords } from '../../../src/domain/teamAdmin.en.ts';

/** The tables a push writes, each with the key columns migration 0015 leaves unchecked. */
const PUSHED = ['change_log', 'applied_mutations', 'records'];

describe.skipIf(!PG_AVAILABLE)('a push and the purge of its team, on postgres', () => {
  const schema = uniqueSchema();
  let store: Store | undefined;
  let turn: pg.Client | undefined;
  afterEach(async () => {
    await turn?.end();
    turn = undefined;
    await store?.close();
    store = undefined;
    await dropSchema(schema);
  });

  async function connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: withPgUser(PG_URL).toString() });
    await client.connect();
    await client.query(`set search_path to "${schema}"`);
    return client;
  }

  /** How many rows of `table` name the team, read on a connection of the test's own. */
  async function rowsOfTeam(table: string, teamId: string): Promise<number> {
    const check = await connect();
    try {
      const { rows } = await check.query<{ n: string }>(
        `select count(*) as n from ${table} where team_id = $1`,
        [teamId],
      );
      return Number(rows[0]!.n);
    } finally {
      await check.end();
    }
  }

  /** Until `n` sessions wait, directly or behind another, on the session `holder`. */
  async function waitingOn(holder: pg.Client, n: number): Promise<void> {
    const pid = (await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!
      .pid;
    const watch = await connect();
    try {
      for (;;) {
        const { rows } = await watch.query<{ n: string }>(
          `with recursive blocked(pid) as (
             select pid from pg_stat_activity where $1 = any(pg_blocking_pids(pid))
             union
             select a.pid from pg_stat_activity a join blocked b on b.pid = any(pg_blocking_pids(a.pid))
           ) select count(*) as n from blocked`,
          [pid],
        );
        if (Number(rows[0]!.n) >= n) return;
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      await watch.end();
    }
  }

  /**
   * `send` (a request of the team's) made while the team's purge waits behind a turn
   * held by a transaction of the test's own: once `send` waits behind the purge,
   * `inTurn` writes in the held turn, which commits. Answers `send`'s reply, once the
   * purge is done.
   */
  async function behindThePurge<R>(
    teamId: string,
    send: () => Promise<R>,
    inTurn: (holder: pg.Client) => Promise<void> = async () => {},
  ): Promise<R> {
    const holder = await connect();
    turn = holder;
    await holder.query('begin');
    // Locked as a push locks it, but without a new version of the row: then PostgreSQL
    // serves the sessions waiting on it in the order they came. (After an update, a later
    // waiter may be served before the purge: that push lands first and the purge removes
    // it with the rest, which leaves nothing behind either, but is not the case to test.)
    await holder.query('select seq from team_counters where team_id = $1 for update', [teamId]);
    const purge = store!.purgeTeam(teamId);
    await waitingOn(holder, 1);
    const reply = send();
    await waitingOn(holder, 2);
    await inTurn(holder);
    await holder.query('commit');
    await purge;
    return reply;
  }

  it('leaves no row of the team, and answers a push that waited behind it 401', async () => {
    store = await openStore({ databaseUrl: PG_URL, pgSchema: schema });
    const h = harness(store);
    const lead = await h.createTeam();
    const other = await h.createTeam('Ward 9');
    const phone = device(11);
    expect((await h.push(lead, [phone.idea(lead, 'Before the purge')]))[0]?.kind).toBe('applied');
    expect((await h.push(other, [phone.idea(other, 'Another team')]))[0]?.kind).toBe('applied');

    // A phone's push, its token still good, waits behind the purge, which waits behind a
    // push in its turn: the counter locked, then its rows written, not yet committed.
    const reply = await behindThePurge(
      lead.team.id,
      () =>
        h.request('POST', '/api/v1/sync/push', {
          token: lead.token,
          body: { teamId: lead.team.id, mutations: [phone.idea(lead, 'Sent as the purge began')] },
        }),
      async (holder) => {
        const seq =
          Number(
            (await holder.query('select seq from team_counters where team_id = $1', [lead.team.id]))
              .rows[0].seq,
          ) + 1;
        await holder.query(
          `insert into change_log (team_id, seq, mutation_id, entity, entity_id, fields, hlc, member_id, received_at, as_sent)
           values ($1, $2, $3, 'idea', $4, '{}', $5, $6, 0, 1)`,
          [lead.team.id, seq, 'm-in-turn', 'idea-in-turn', phone.hlc(), lead.member.id],
        );
        await holder.query(
          `insert into applied_mutations (id, team_id, seq, received_at) values ('m-in-turn', $1, $2, 0)`,
          [lead.team.id, seq],
        );
        await holder.query(
          `insert into records (entity, id, team_id, created_by, fields, stamps, updated_seq)
           values ('idea', 'idea-in-turn', $1, $2, '{}', '{}', $3)`,
          [lead.team.id, lead.member.id, seq],
        );
      },
    );
    expect(reply.status).toBe(401);
    expect(reply.text).toContain(joiningWords('notSignedIn'));

    for (const table of PUSHED) {
      expect(await rowsOfTeam(table, lead.team.id), `${table} keeps rows of the purged team`).toBe(
        0,
      );
      expect(await rowsOfTeam(table, other.team.id), `${table} lost the other team's rows`).toBe(1);
    }
  });

  it('lets a member’s erasure of their name wait behind the purge, not deadlock with it', async () => {
    store = await openStore({ databaseUrl: PG_URL, pgSchema: schema });
    const h = harness(store);
    const lead = await h.createTeam();
    const sam = await h.join(lead.team.inviteCode, 'Sam Quince');
    const phone = device(12);
    expect((await h.push(sam, [phone.idea(sam, 'Named idea')]))[0]?.kind).toBe('applied');

    const reply = await behindThePurge(lead.team.id, () =>
      h.request('POST', '/api/v1/me/erase-name', { token: sam.token }),
    );
    // The member went with the team: the words a removed member gets, not a 500.
    expect(reply.status).toBe(404);
    expect(reply.text).toContain(teamAdminWords('noLongerMember'));
  });

  it('answers a join that waited behind the purge: the code is no team’s any more', async () => {
    store = await openStore({ databaseUrl: PG_URL, pgSchema: schema });
    const h = harness(store);
    const lead = await h.createTeam();
    const reply = await behindThePurge(lead.team.id, () =>
      h.request('POST', '/api/v1/join', {
        body: { inviteCode: lead.team.inviteCode, displayName: 'Late joiner' },
      }),
    );
    // The words for a code that is no team's, not a 500 from the member's key to the team.
    expect(reply.status).toBe(404);
    expect(reply.text).toContain(joiningWords('noTeamForCode'));
    expect(await rowsOfTeam('members', lead.team.id)).toBe(0);
  });

  it('answers a leader’s answer that waited behind the purge: the ask is gone', async () => {
    store = await openStore({ databaseUrl: PG_URL, pgSchema: schema });
    const h = harness(store);
    const org = await h.createOrg();
    const lead = await h.createTeam();
    const linked = await h.request('POST', '/api/v1/team/org', {
      token: lead.token,
      body: { inviteCode: org.org.inviteCode },
    });
    expect(linked.status).toBe(200);
    const phone = device(13);
    const idea = phone.idea(lead, 'Signs for protected mealtimes');
    const askId = newId();
    const ask = phone.ask(lead, idea.entityId, 'Can estates print the signs?', askId);
    expect((await h.push(lead, [idea, ask])).map((r) => r.kind)).toEqual(['applied', 'applied']);

    const reply = await behindThePurge(lead.team.id, () =>
      h.request('POST', `/api/v1/org/asks/${askId}/answer`, {
        token: org.token,
        body: { teamId: lead.team.id, answer: 'backed', note: 'Yes' },
      }),
    );
    expect(reply.status).toBe(404);
    expect(reply.text).toContain(orgAdminWords('askGone'));
  });

  it('drops the keys of a push’s rows, and puts them back when migrated down', async () => {
    store = await openStore({ databaseUrl: PG_URL, pgSchema: schema });
    await store.close();
    store = undefined;
    const { db } = await openDatabase({ databaseUrl: PG_URL, pgSchema: schema });
    const keys = async () =>
      (
        await sql<{ name: string }>`
          select conrelid::regclass::text || '.' || a.attname as name from pg_constraint c
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
          where c.contype = 'f' and c.connamespace = ${schema}::regnamespace
            and conrelid::regclass::text in ('change_log', 'applied_mutations', 'records')
          order by 1`.execute(db)
      ).rows.map((r) => r.name);
    try {
      expect(await keys()).toEqual([]);
      const migrator = new Migrator({
        db,
        provider: migrationProvider,
        migrationTableSchema: schema,
      });
      expect((await migrator.migrateTo('0014_records_parent_partial')).error).toBeUndefined();
      expect(await keys()).toEqual([
        'applied_mutations.team_id',
        'change_log.team_id',
        'records.created_by',
        'records.team_id',
      ]);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(await keys()).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
