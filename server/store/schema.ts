/**
 * The server's tables, as Kysely sees them. One shape for SQLite and
 * PostgreSQL: JSON is stored as text and times as integer milliseconds, so the
 * same queries run on both (bigint columns come back as numbers; see open.ts).
 */
import type { ColumnType } from 'kysely';
import type { EntityName } from '../../src/domain/entities.ts';
import type { Role } from '../../src/domain/records.ts';

export type TeamsTable = {
  id: string;
  name: string;
  invite_code: string;
  /** JSON of Category[]. */
  categories: string;
  /** JSON of the HLC stamps of `name` and `categories` (team mutations merge by LWW). */
  stamps: string;
  created_at: number;
  /** Migration 0006: when the team and everything in it is removed; null when not scheduled. */
  delete_after: number | null;
  /** Why it was scheduled: a facilitator asked, or the team was inactive. */
  deletion_reason: DeletionReason | null;
  /** When it was scheduled, in ms since the epoch. */
  deletion_marked_at: number | null;
  /** When a facilitator last kept the team (cancelled a deletion): counts as activity. */
  kept_at: number | null;
};

export type DeletionReason = 'requested' | 'inactive';

export type MembersTable = {
  id: string;
  team_id: string;
  display_name: string;
  role: Role;
  /** SHA-256 hex of the bearer token; the token itself is never stored. */
  token_hash: string;
  created_at: number;
  removed_at: number | null;
};

export type TeamCountersTable = { team_id: string; seq: number };

export type ChangeLogTable = {
  team_id: string;
  seq: number;
  mutation_id: string;
  entity: EntityName;
  entity_id: string;
  /** JSON of the fields as the mutation carried them (after validation). */
  fields: string;
  hlc: string;
  /** Who pushed it. Private: never sent to clients (anonymous ideas stay anonymous). */
  member_id: string;
  received_at: number;
  /** Migration 0012: 1 if applied exactly as its phone sent it (that phone holds it); default 0. */
  as_sent: ColumnType<number, number | undefined, number>;
};

/** Migration 0012: refusals remembered (push.ts); `final` 1: every later copy is refused too. */
export type RefusedMutationsTable = {
  id: string;
  team_id: string;
  final: number;
  reason: string;
  code: string | null;
  field: string | null;
  refused_at: number;
};

export type AppliedMutationsTable = {
  id: string;
  team_id: string;
  seq: number;
  received_at: number;
};

/**
 * Migration 0004_records: the merged state of every kind of record but the
 * team's own fields (kept in `teams`), keyed by (id, entity) since 0013.
 */
export type RecordsTable = {
  entity: EntityName;
  id: string;
  team_id: string;
  /** The member who pushed the create. Private: never sent to clients. */
  created_by: string;
  /** The record it belongs to (the registry's `parent`), for look-ups. */
  parent_id: string | null;
  /** A key within the parent (a vote's voter), for the vote-budget check. */
  group_key: string | null;
  /** JSON of the merged fields and of their HLC stamps. */
  fields: string;
  stamps: string;
  updated_seq: number;
};

/** Migration 0007: the VAPID key pair, made on first start (server/notify/). */
export type ServerKeysTable = { name: string; value: string; created_at: number };

/** Migration 0007: one phone's push subscription, with its person's choices (JSON NotifyPrefs). */
export type PushSubscriptionsTable = {
  endpoint: string;
  team_id: string;
  member_id: string;
  p256dh: string;
  auth: string;
  prefs: string;
  created_at: number;
  updated_at: number;
};

/** Migration 0007: the change-log position notifications were derived up to. */
export type NotifyCursorsTable = { team_id: string; seq: number };

/** Migration 0007: 1 when notifications may carry an idea's words. */
export type TeamNotifyTable = { team_id: string; idea_text: number; updated_at: number };

/** Migration 0008: the address a member gave for the weekly digest. */
export type MemberEmailsTable = {
  member_id: string;
  team_id: string;
  email: string;
  updated_at: number;
};

/** Migration 0007: 1 when the team wants the weekly digest; when it last went. */
export type TeamDigestTable = { team_id: string; enabled: number; last_sent_at: number | null };

/** Migration 0011: a board link for a TV; only its token's hash is kept. */
export type DisplaysTable = {
  id: string;
  team_id: string;
  token_hash: string;
  created_by: string;
  created_at: number;
  revoked_at: number | null;
};

/** Migration 0010: a team's sign-in rule (1/0); absent means no sign-in asked. */
export type TeamSignInTable = {
  team_id: string;
  required: number;
  invite_codes_allowed: number;
  updated_at: number;
};

/** Migration 0010: a sign-in under way, keyed by its `state`. */
export type SignInFlowsTable = {
  state: string;
  code_verifier: string;
  nonce: string;
  invite_code: string;
  created_at: number;
};

/** Migration 0010: a finished sign-in the device has not joined with yet. */
export type SignInTicketsTable = {
  ticket_hash: string;
  subject: string;
  email: string;
  /** Sealed (server/signIn/seal.ts); null when the provider gave none. */
  refresh_token: string | null;
  created_at: number;
};

/** Migration 0010: the account a member signed in with. */
export type MemberIdentitiesTable = {
  member_id: string;
  team_id: string;
  subject: string;
  email: string;
  refresh_token: string | null;
  /** When the provider was last asked about the account (or the sign-in). */
  checked_at: number;
  /** When the provider said the account is no longer valid. */
  disabled_at: number | null;
};

/** Migration 0009: an organisation, with its team-link code and its leader code. */
export type OrganisationsTable = {
  id: string;
  name: string;
  invite_code: string;
  leader_code: string;
  created_at: number;
};

export type OrgRole = 'leader' | 'admin';

/** Migration 0009: a leader or admin of an organisation (not a member of any team). */
export type OrgMembersTable = {
  id: string;
  org_id: string;
  display_name: string;
  role: OrgRole;
  token_hash: string;
  created_at: number;
  removed_at: number | null;
};

/** Migration 0009: the organisation a team is linked to. */
export type TeamOrgsTable = { team_id: string; org_id: string; linked_at: number };

export type OrgCountersTable = { org_id: string; seq: number };

/** Migration 0009: the organisation's change log (shares and take-ups). */
export type OrgChangeLogTable = {
  org_id: string;
  seq: number;
  mutation_id: string;
  entity: EntityName;
  entity_id: string;
  fields: string;
  hlc: string;
  /** The team that wrote it. Private: never sent to clients. */
  team_id: string;
  received_at: number;
};

export type Database = {
  teams: TeamsTable;
  members: MembersTable;
  team_counters: TeamCountersTable;
  change_log: ChangeLogTable;
  applied_mutations: AppliedMutationsTable;
  refused_mutations: RefusedMutationsTable;
  records: RecordsTable;
  server_keys: ServerKeysTable;
  push_subscriptions: PushSubscriptionsTable;
  notify_cursors: NotifyCursorsTable;
  team_notify: TeamNotifyTable;
  member_emails: MemberEmailsTable;
  team_digest: TeamDigestTable;
  displays: DisplaysTable;
  team_sign_in: TeamSignInTable;
  sign_in_flows: SignInFlowsTable;
  sign_in_tickets: SignInTicketsTable;
  member_identities: MemberIdentitiesTable;
  organisations: OrganisationsTable;
  org_members: OrgMembersTable;
  team_orgs: TeamOrgsTable;
  org_counters: OrgCountersTable;
  org_change_log: OrgChangeLogTable;
};
