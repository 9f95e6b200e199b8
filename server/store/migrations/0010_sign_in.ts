/**
 * Migration 0010: staff sign-in by OpenID Connect (docs/decisions/0020).
 * `team_sign_in`: whether a team asks for sign-in to join, and whether its
 * invite code alone still lets bank and agency staff in. `sign_in_flows`: one
 * row per sign-in under way (state, PKCE verifier, nonce), gone after the
 * callback or 10 minutes. `sign_in_tickets`: what a finished sign-in proved,
 * until the device joins with it (held by hash, 15 minutes). `member_identities`:
 * which account a member signed in with and its refresh token (sealed), so the
 * server can ask the provider whether the account still exists.
 */
import type { Kysely, Migration } from 'kysely';

export const signIn: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('team_sign_in')
      .addColumn('team_id', 'text', (c) => c.primaryKey().references('teams.id'))
      .addColumn('required', 'integer', (c) => c.notNull())
      .addColumn('invite_codes_allowed', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sign_in_flows')
      .addColumn('state', 'text', (c) => c.primaryKey())
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('invite_code', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sign_in_tickets')
      .addColumn('ticket_hash', 'text', (c) => c.primaryKey())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('refresh_token', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('member_identities')
      .addColumn('member_id', 'text', (c) => c.primaryKey().references('members.id'))
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('refresh_token', 'text')
      .addColumn('checked_at', 'bigint', (c) => c.notNull())
      .addColumn('disabled_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('member_identities_team')
      .on('member_identities')
      .column('team_id')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const t of ['member_identities', 'sign_in_tickets', 'sign_in_flows', 'team_sign_in'])
      await db.schema.dropTable(t).execute();
  },
};
