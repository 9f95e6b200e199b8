/**
 * Migration 0015, PostgreSQL only: the rows a push writes are no longer each
 * checked against `teams` and `members` by a foreign key
 * (docs/decisions/0041-the-team-lock-keeps-a-push-whole.md). PostgreSQL checks a
 * foreign key with a trigger per row inserted, which looks the key up and
 * locks it: four of them for each change a push of 500 new ideas writes, a
 * tenth of the push. Inside a push they prove nothing: the push first locks
 * its team's counter row, which has its own key to `teams`, and names its
 * member from the row its token found. The purge, the one place that deletes
 * a team or a member, now takes that same lock first (teamLifecycle.ts), so
 * no push can write under a team it is removing.
 *
 * SQLite keeps its keys: there a check is a look-up in this process, and
 * changing a key means copying the table.
 *
 * Both ways are safe to run again after a process killed halfway.
 */
import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

/** The keys dropped: each table's column, and the table and column it named. */
const KEYS = [
  { table: 'change_log', column: 'team_id', references: 'teams' },
  { table: 'applied_mutations', column: 'team_id', references: 'teams' },
  { table: 'records', column: 'team_id', references: 'teams' },
  { table: 'records', column: 'created_by', references: 'members' },
] as const;

const postgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;
const name = (k: (typeof KEYS)[number]) => `${k.table}_${k.column}_fkey`;

export const pushRowsUnchecked: Migration = {
  async up(db: Kysely<unknown>) {
    if (!postgres(db)) return;
    for (const k of KEYS)
      await sql`alter table ${sql.table(k.table)} drop constraint if exists ${sql.ref(name(k))}`.execute(
        db,
      );
  },
  async down(db: Kysely<unknown>) {
    if (!postgres(db)) return;
    for (const k of KEYS) {
      await sql`alter table ${sql.table(k.table)} drop constraint if exists ${sql.ref(name(k))}`.execute(
        db,
      );
      await sql`alter table ${sql.table(k.table)} add constraint ${sql.ref(name(k))}
        foreign key (${sql.ref(k.column)}) references ${sql.table(k.references)} (id)`.execute(db);
    }
  },
};
