// Two teams creating a record under the same id: the second to write finds
// the id taken (its plain insert of a new record, or its upsert of one it
// thought its own) and the push runs again, then refuses the change in words.
// Never a 500, never the other team's row touched. The race is made
// deterministic here by holding the losing push's view of the records
// (RecordCache) across the winner's push; and on PostgreSQL for real, inside
// the push's transaction, against another connection's uncommitted insert.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { openDatabase, pgApplicationName, withPgUser } from '../../../server/store/open.ts';
import pg from 'pg';
import { openStore, type Store, type StoreOptions } from '../../../server/store/index.ts';
import { RecordCache, RecordClaimed } from '../../../server/store/records.ts';
import { write } from '../../../server/store/push.ts';
import type { Database } from '../../../server/store/schema.ts';
import { dropSchema, PG_AVAILABLE, PG_URL } from './backends.ts';
import { device, harness } from './harness.ts';

type Opened = { store: Store; db: Kysely<Database>; done: () => Promise<void> };

/** The store and, beside it, a database handle of our own on the same data. */
async function open(opts: StoreOptions, removeData: () => Promise<void>): Promise<Opened> {
  const store = await openStore(opts);
  const { db } = await openDatabase(opts);
  return {
    store,
    db,
    done: async () => {
      await db.destroy();
      await store.close();
      await removeData();
    },
  };
}

const targets: { name: string; open: () => Promise<Opened> }[] = [
  {
    name: 'sqlite',
    open() {
      const dir = mkdtempSync(join(tmpdir(), 'ground-up-race-'));
      return open({ sqlitePath: join(dir, 'race.sqlite') }, async () =>
        rmSync(dir, { recursive: true, force: true }),
      );
    },
  },
  ...(PG_AVAILABLE
    ? [
        {
          name: 'postgres',
          open() {
            const pgSchema = `race_${randomBytes(6).toString('hex')}`;
            return open({ databaseUrl: PG_URL, pgSchema }, () => dropSchema(pgSchema));
          },
        },
      ]
    : []),
];

describe.each(targets)('two teams creating one record id on $name', (target) => {
  let opened: Opened | undefined;
  afterEach(async () => {
    await opened?.done();
    opened = undefined;
  });

  it('lets the first have it; the second is told, and the first’s record is untouched', async () => {
    opened = await target.open();
    const { store, db } = opened;
    const h = harness(store);
    const winner = await h.createTeam();
    const loser = await h.createTeam();
    const create = device(1).idea(winner, 'Discharge letters by 10am');
    const id = create.entityId;

    // The loser's push looked first and saw no such record…
    const fresh = new RecordCache(db, loser.team.id);
    await fresh.load([{ kind: 'idea', id }]);
    expect(fresh.record('idea', id)).toEqual({ kind: 'none' });
    // …then the winner created it…
    expect((await h.push(winner, [create]))[0]?.kind).toBe('applied');
    // …so the loser's insert of its new record finds the id taken.
    const state = { fields: { title: 'Squatted' }, stamps: { title: create.hlc } };
    fresh.put('idea', id, loser.member.id, state, 1);
    // Written as a push writes (on PostgreSQL in one statement with its claims and log).
    const team = { teamId: loser.team.id };
    await expect(write(db, team, [], [], 0, 1, fresh)).rejects.toBeInstanceOf(RecordClaimed);

    // A push that saw the winner's row as its own would upsert it: that leaves it alone too.
    const stale = new RecordCache(db, loser.team.id);
    await stale.load([{ kind: 'idea', id }]);
    expect(stale.record('idea', id)).toEqual({ kind: 'other-team' });
    stale.put('idea', id, loser.member.id, state, 2);
    await expect(write(db, team, [], [], 0, 1, stale)).rejects.toBeInstanceOf(RecordClaimed);

    // Through the API the loser's create is refused in words, not a server error.
    const copy = { ...device(2).idea(loser, 'Squatted'), entityId: id };
    const [answer] = await h.push(loser, [copy]);
    expect(answer?.kind).toBe('rejected');
    expect(answer?.kind === 'rejected' && answer.reason.length).toBeGreaterThan(10);
    const held = await store.readEntity(winner.team.id, 'idea', id);
    expect(held?.state.fields['title']).toBe('Discharge letters by 10am');
    expect(await store.readEntity(loser.team.id, 'idea', id)).toBeNull();
  });
});

describe.runIf(PG_AVAILABLE)('two teams creating one record id at once on postgres', () => {
  it('makes the second wait for the first, then refuses it in words', async () => {
    const pgSchema = `race_${randomBytes(6).toString('hex')}`;
    const store = await openStore({ databaseUrl: PG_URL, pgSchema });
    const other = new pg.Client({ connectionString: withPgUser(PG_URL).toString() });
    await other.connect();
    try {
      const h = harness(store);
      const winner = await h.createTeam();
      const loser = await h.createTeam();
      const create = device(2).idea(loser, 'Squatted');
      // The winner's creation of the same id, not yet committed: the loser's push
      // finds no record, then its insert must wait on the key.
      await other.query(`set search_path = "${pgSchema}"`);
      await other.query('begin');
      await other.query(
        `insert into records (entity, id, team_id, created_by, fields, stamps, updated_seq)
         values ('idea', $1, $2, $3, '{"title":"Discharge letters by 10am"}', '{}', 1)`,
        [create.entityId, winner.team.id, winner.member.id],
      );
      const pushed = h.push(loser, [create]);
      await waitFor(async () => {
        const waiting = await other.query(
          `select count(*)::int as n from pg_stat_activity
           where application_name = $1 and wait_event_type = 'Lock'`,
          [pgApplicationName(pgSchema)],
        );
        return waiting.rows[0].n > 0;
      });
      await other.query('commit');

      const [answer] = await pushed;
      expect(answer?.kind).toBe('rejected');
      expect(answer?.kind === 'rejected' && answer.reason.length).toBeGreaterThan(10);
      const row = await other.query('select team_id, fields from records where id = $1', [
        create.entityId,
      ]);
      expect(row.rows).toEqual([
        { team_id: winner.team.id, fields: '{"title":"Discharge letters by 10am"}' },
      ]);
    } finally {
      await other.end();
      await store.close();
      await dropSchema(pgSchema);
    }
  });
});

/** Asks until `ready` says yes: a state, never a fixed time. */
async function waitFor(ready: () => Promise<boolean>): Promise<void> {
  for (;;) {
    if (await ready()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}
