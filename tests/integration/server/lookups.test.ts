// How a push finds what it must know, as each database plans it
// (docs/decisions/0039-index-what-is-looked-up.md):
// - records_parent (migration 0014) holds only records with a parent, and the
//   push's look-up of a voter's votes in a huddle still reads it;
// - on PostgreSQL, the push's look-up of its 500 mutation ids reads the key of
//   applied_mutations, not every row of it: written as `id = any(array)` it
//   read the whole table (13 ms of a push at 63,000 rows in the bench, growing
//   with the table until the planner changed its mind).
import { CompiledQuery, Migrator, sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { oneOf } from '../../../server/store/bulk.ts';
import { migrationProvider } from '../../../server/store/migrations.ts';
import { openDatabase } from '../../../server/store/open.ts';
import type { Database as Tables } from '../../../server/store/schema.ts';
import { databaseTargets, pgSchemaTarget, PG_AVAILABLE, type DatabaseTarget } from './backends.ts';
import { newId } from './harness.ts';

type Name = DatabaseTarget['name'];

/** The database the running test made, removed after it. */
let done: (() => Promise<void>) | undefined;
afterEach(async () => {
  await done?.();
  done = undefined;
});

/** A team and a member of it, written as the server writes them. */
async function teamAndMember(db: Kysely<Tables>): Promise<{ team: string; member: string }> {
  const team = newId();
  const member = newId();
  await sql`insert into teams (id, name, invite_code, categories, stamps, created_at)
            values (${team}, 'Ward 7', ${newId()}, '[]', '{}', 0)`.execute(db);
  await sql`insert into team_counters (team_id, seq) values (${team}, 0)`.execute(db);
  await sql`insert into members (id, team_id, display_name, role, token_hash, created_at)
            values (${member}, ${team}, 'Asha', 'member', ${newId()}, 0)`.execute(db);
  return { team, member };
}

/** The plan's lines, as text, of `query` (EXPLAIN on PostgreSQL, EXPLAIN QUERY PLAN on SQLite). */
async function plan(
  db: Kysely<Tables>,
  name: Name,
  query: { sql: string; parameters: readonly unknown[] },
) {
  const head = name === 'postgres' ? 'explain ' : 'explain query plan ';
  const rows = await db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(head + query.sql, [...query.parameters]),
  );
  return rows.rows.map((r) => String(r['QUERY PLAN'] ?? r['detail'])).join('\n');
}

async function parentIndex(db: Kysely<Tables>, name: Name): Promise<string> {
  const found =
    name === 'postgres'
      ? await sql<{ def: string }>`select indexdef as def from pg_indexes
          where indexname = 'records_parent' and schemaname = current_schema()`.execute(db)
      : await sql<{ def: string }>`select sql as def from sqlite_master
          where type = 'index' and name = 'records_parent'`.execute(db);
  return found.rows.map((r) => r.def).join('\n');
}

describe.each(databaseTargets('lookups'))(
  'the push finds its records by index on $name',
  (target) => {
    it("holds only records with a parent in records_parent, and finds a voter's votes by it", async () => {
      const made = target.make();
      done = made.done;
      const { db } = await openDatabase(made.opts);
      try {
        expect(await parentIndex(db, target.name)).toMatch(/where \(?parent_id is not null\)?/i);
        const { team, member } = await teamAndMember(db);
        const huddle = newId();
        const row = (entity: 'vote' | 'idea', parent: string | null, seq: number) => ({
          entity,
          id: newId(),
          team_id: team,
          created_by: member,
          parent_id: parent,
          group_key: parent === null ? null : member,
          fields: '{}',
          stamps: '{}',
          updated_seq: seq,
        });
        const rows = Array.from({ length: 2000 }, (_, i) =>
          i % 10 === 0 ? row('vote', huddle, i) : row('idea', null, i),
        );
        for (let i = 0; i < rows.length; i += 200)
          await db
            .insertInto('records')
            .values(rows.slice(i, i + 200))
            .execute();
        await sql.raw('analyze').execute(db);

        // The shape of RecordCache.loadVoters.
        const votes = db
          .selectFrom('records')
          .select('id')
          .where('entity', '=', 'vote')
          .where(oneOf(db, 'parent_id', [huddle]))
          .where(oneOf(db, 'group_key', [member]));
        expect(await plan(db, target.name, votes.compile())).toMatch(/records_parent/);
        expect(await votes.execute()).toHaveLength(200);

        // Down past 0014 and up again: the index over every record, then only those with a parent.
        const migrator = new Migrator({
          db,
          provider: migrationProvider,
          ...(made.opts.pgSchema === undefined ? {} : { migrationTableSchema: made.opts.pgSchema }),
        });
        expect((await migrator.migrateTo('0013_records_by_id')).error).toBeUndefined();
        expect(await parentIndex(db, target.name)).not.toMatch(/where/i);
        expect(await votes.execute()).toHaveLength(200);
        expect((await migrator.migrateToLatest()).error).toBeUndefined();
        expect(await parentIndex(db, target.name)).toMatch(/where \(?parent_id is not null\)?/i);
        expect(await votes.execute()).toHaveLength(200);
      } finally {
        await db.destroy();
      }
    });
  },
);

describe.runIf(PG_AVAILABLE)('the push looks up its mutation ids on postgres', () => {
  it('reads the key of applied_mutations for 500 ids, however many rows it holds', async () => {
    const made = pgSchemaTarget('lookups').make();
    done = made.done;
    const { db } = await openDatabase(made.opts);
    try {
      const { team } = await teamAndMember(db);
      // 60,000 ids applied before, as a ward's months of pushes leave them.
      await sql`insert into applied_mutations (id, team_id, seq, received_at)
                select gen_random_uuid()::text, ${team}, n, 0
                from generate_series(1, 60000) as n`.execute(db);
      await sql`analyze applied_mutations`.execute(db);
      const known = await db.selectFrom('applied_mutations').select('id').limit(250).execute();
      const ids = [...known.map((r) => r.id), ...Array.from({ length: 250 }, () => newId())];

      const lookUp = db
        .selectFrom('applied_mutations')
        .select(['id', 'team_id'])
        .where(oneOf(db, 'id', ids));
      const shown = await plan(db, 'postgres', lookUp.compile());
      expect(shown).toMatch(/Index (Only )?Scan using applied_mutations_pkey/);
      expect(shown).not.toMatch(/Seq Scan on applied_mutations/);
      expect(await lookUp.execute()).toHaveLength(250);
    } finally {
      await db.destroy();
    }
  });
});
