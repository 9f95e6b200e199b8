/**
 * Schema migrations, in code so that the server needs no files beside it and
 * SQLite and PostgreSQL run the very same steps (Kysely's Migrator records
 * what ran in its own table). Add a step; never edit one that has shipped.
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { huddles } from './migrations/0002_huddles.ts';
import { improvement } from './migrations/0003_improvement.ts';
import { records } from './migrations/0004_records.ts';
import { serverEpoch } from './migrations/0005_server_epoch.ts';
import { teamLifecycle } from './migrations/0006_team_lifecycle.ts';
import { notifications } from './migrations/0007_notifications.ts';
import { digest } from './migrations/0008_digest.ts';
import { organisations } from './migrations/0009_organisations.ts';
import { signIn } from './migrations/0010_sign_in.ts';
import { displays } from './migrations/0011_displays.ts';
import { noEcho } from './migrations/0012_no_echo.ts';
import { recordsById } from './migrations/0013_records_by_id.ts';
import { recordsParentPartial } from './migrations/0014_records_parent_partial.ts';
import { pushRowsUnchecked } from './migrations/0015_push_rows_unchecked.ts';

const init: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('teams')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('invite_code', 'text', (c) => c.notNull().unique())
      .addColumn('categories', 'text', (c) => c.notNull())
      .addColumn('stamps', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('members')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) =>
        c.notNull().check(sql`role in ('member', 'facilitator', 'sponsor')`),
      )
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('removed_at', 'bigint')
      .execute();
    await db.schema.createIndex('members_team').on('members').column('team_id').execute();
    await db.schema
      .createTable('team_counters')
      .addColumn('team_id', 'text', (c) => c.primaryKey().references('teams.id'))
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('change_log')
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('mutation_id', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('change_log_pk', ['team_id', 'seq'])
      .execute();
    await db.schema
      .createTable('applied_mutations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .execute();
    for (const table of ['ideas', 'comments'] as const) {
      let t = db.schema
        .createTable(table)
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
        .addColumn('created_by', 'text', (c) => c.notNull().references('members.id'))
        .addColumn('fields', 'text', (c) => c.notNull())
        .addColumn('stamps', 'text', (c) => c.notNull())
        .addColumn('updated_seq', 'bigint', (c) => c.notNull());
      if (table === 'comments')
        t = t.addColumn('idea_id', 'text', (c) => c.notNull().references('ideas.id'));
      await t.execute();
      await db.schema.createIndex(`${table}_team`).on(table).column('team_id').execute();
    }
  },
  async down(db: Kysely<unknown>) {
    for (const t of [
      'comments',
      'ideas',
      'applied_mutations',
      'change_log',
      'team_counters',
      'members',
      'teams',
    ]) {
      await db.schema.dropTable(t).execute();
    }
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () =>
    Promise.resolve({
      '0001_init': init,
      '0002_huddles': huddles,
      '0003_improvement': improvement,
      '0004_records': records,
      '0005_server_epoch': serverEpoch,
      '0006_team_lifecycle': teamLifecycle,
      '0007_notifications': notifications,
      '0008_digest': digest,
      '0009_organisations': organisations,
      '0010_sign_in': signIn,
      '0011_displays': displays,
      '0012_no_echo': noEcho,
      '0013_records_by_id': recordsById,
      '0014_records_parent_partial': recordsParentPartial,
      '0015_push_rows_unchecked': pushRowsUnchecked,
    }),
};
