/**
 * A team's end: a facilitator schedules its deletion (with a grace period in
 * which it can be kept), the server warns a team inactive for the retention
 * period the same way, and the sweep (run on start and daily, server/main.ts)
 * removes every row of each team whose time has come. After a purge nothing
 * of the team remains on the server: not its name, members, records or log.
 */
import type { Kysely, Transaction } from 'kysely';
import { lockTeamSeq } from './teamCounter.ts';
import type { Database, DeletionReason } from './schema.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Every table holding a team's rows, and the column naming the team, in an
 * order that respects the foreign keys (children first, `teams` last). A
 * table added later that holds a team's data gets its line here; the purge
 * test scans every table of the database, so a forgotten one fails it.
 */
export const TEAM_TABLES = [
  { table: 'push_subscriptions', column: 'team_id' },
  { table: 'team_orgs', column: 'team_id' },
  { table: 'org_change_log', column: 'team_id' },
  { table: 'notify_cursors', column: 'team_id' },
  { table: 'team_notify', column: 'team_id' },
  { table: 'member_emails', column: 'team_id' },
  { table: 'team_digest', column: 'team_id' },
  { table: 'displays', column: 'team_id' },
  { table: 'team_sign_in', column: 'team_id' },
  { table: 'member_identities', column: 'team_id' },
  { table: 'applied_mutations', column: 'team_id' },
  { table: 'refused_mutations', column: 'team_id' },
  { table: 'change_log', column: 'team_id' },
  { table: 'records', column: 'team_id' },
  { table: 'members', column: 'team_id' },
  { table: 'team_counters', column: 'team_id' },
  { table: 'teams', column: 'id' },
] as const satisfies readonly { table: keyof Database; column: string }[];

export type Deletion = {
  /** When the server removes the team, in ms since the epoch. */
  readonly deleteAfter: number;
  readonly reason: DeletionReason;
};

export type RetentionPolicy = {
  /** A team with no change for this many days is warned, then deleted; null: never. */
  readonly retentionDays: number | null;
  /** Days between the warning (or a facilitator's request) and the deletion. */
  readonly graceDays: number;
  /**
   * Change-log history older than this many days is compacted (compact.ts);
   * null or absent: kept whole.
   */
  readonly compactAfterDays?: number | null;
};

export type SweepResult = {
  readonly warned: string[];
  readonly kept: string[];
  readonly purged: string[];
};

/** The team's scheduled deletion, or null. */
export async function teamDeletion(db: Kysely<Database>, teamId: string): Promise<Deletion | null> {
  const row = await db
    .selectFrom('teams')
    .select(['delete_after', 'deletion_reason'])
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (!row || row.delete_after === null || row.deletion_reason === null) return null;
  return { deleteAfter: Number(row.delete_after), reason: row.deletion_reason };
}

/** A facilitator asked: the team goes after the grace period. Null if there is no such team. */
export async function scheduleDeletion(
  db: Kysely<Database>,
  teamId: string,
  now: number,
  graceDays: number,
): Promise<Deletion | null> {
  const deleteAfter = now + graceDays * DAY_MS;
  const result = await db
    .updateTable('teams')
    .set({ delete_after: deleteAfter, deletion_reason: 'requested', deletion_marked_at: now })
    .where('id', '=', teamId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n ? { deleteAfter, reason: 'requested' } : null;
}

/**
 * Keep the team: a scheduled deletion (asked for, or for inactivity) is called
 * off. `keptAt` (a facilitator's choice) counts as activity; the sweep, which
 * keeps a team used again, passes null.
 */
export async function cancelDeletion(
  db: Kysely<Database>,
  teamId: string,
  keptAt: number | null,
): Promise<boolean> {
  const result = await db
    .updateTable('teams')
    .set({
      delete_after: null,
      deletion_reason: null,
      deletion_marked_at: null,
      ...(keptAt === null ? {} : { kept_at: keptAt }),
    })
    .where('id', '=', teamId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Removes every row of the team from every table, in one transaction. */
export async function purgeTeam(db: Kysely<Database>, teamId: string): Promise<void> {
  await db.transaction().execute(async (trx: Transaction<Database>) => {
    // The team's turn first, as a push takes it (push.ts): a push under way commits before
    // this reads on, and one after finds no team. On PostgreSQL nothing else stops a push
    // writing under a team being removed: its rows have no keys to `teams` (migration 0015).
    await lockTeamSeq(trx, teamId);
    // A sign-in under way names the team only by its invite code (migration 0010).
    const team = await trx
      .selectFrom('teams')
      .select('invite_code')
      .where('id', '=', teamId)
      .executeTakeFirst();
    if (team)
      await trx.deleteFrom('sign_in_flows').where('invite_code', '=', team.invite_code).execute();
    for (const { table, column } of TEAM_TABLES) {
      await trx
        .deleteFrom(table)
        .where(column as never, '=', teamId as never)
        .execute();
    }
  });
}

/**
 * One pass of the retention rules at `now`: an inactive team is warned
 * (its deletion scheduled `graceDays` ahead, shown to its facilitators); a
 * warned team used again since is kept; a team whose deletion is due is purged.
 */
export async function sweepTeams(
  db: Kysely<Database>,
  now: number,
  policy: RetentionPolicy,
): Promise<SweepResult> {
  const teams = await db
    .selectFrom('teams')
    .select((eb) => [
      'id',
      'created_at',
      'delete_after',
      'deletion_reason',
      'deletion_marked_at',
      'kept_at',
      eb
        .selectFrom('change_log')
        .select((e) => e.fn.max('received_at').as('m'))
        .whereRef('change_log.team_id', '=', 'teams.id')
        .as('last_change'),
      eb
        .selectFrom('members')
        .select((e) => e.fn.max('created_at').as('m'))
        .whereRef('members.team_id', '=', 'teams.id')
        .as('last_join'),
    ])
    .execute();
  const out = { warned: [] as string[], kept: [] as string[], purged: [] as string[] };
  for (const t of teams) {
    const lastActive = Math.max(
      Number(t.created_at),
      Number(t.kept_at ?? 0),
      Number(t.last_change ?? 0),
      Number(t.last_join ?? 0),
    );
    if (
      t.deletion_reason === 'inactive' &&
      t.deletion_marked_at !== null &&
      lastActive > Number(t.deletion_marked_at)
    ) {
      await cancelDeletion(db, t.id, null);
      out.kept.push(t.id);
      continue;
    }
    if (t.delete_after !== null) {
      if (Number(t.delete_after) <= now) {
        await purgeTeam(db, t.id);
        out.purged.push(t.id);
      }
      continue;
    }
    if (policy.retentionDays !== null && lastActive <= now - policy.retentionDays * DAY_MS) {
      await db
        .updateTable('teams')
        .set({
          delete_after: now + policy.graceDays * DAY_MS,
          deletion_reason: 'inactive',
          deletion_marked_at: now,
        })
        .where('id', '=', t.id)
        .execute();
      out.warned.push(t.id);
    }
  }
  return out;
}
