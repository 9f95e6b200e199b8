/**
 * The server's tables, as Kysely sees them. One shape for SQLite and
 * PostgreSQL: JSON is stored as text and times as integer milliseconds, so the
 * same queries run on both (bigint columns come back as numbers; see open.ts).
 */
import type { EntityName, Role } from '../../src/domain/records.ts';
import type { ImprovementEntity } from '../../src/domain/improvement.ts';

export type TeamsTable = {
  id: string;
  name: string;
  invite_code: string;
  /** JSON of Category[]. */
  categories: string;
  /** JSON of the HLC stamps of `name` and `categories` (team mutations merge by LWW). */
  stamps: string;
  created_at: number;
};

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
};

export type AppliedMutationsTable = {
  id: string;
  team_id: string;
  seq: number;
  received_at: number;
};

/** Merged state of an idea or a comment: JSON fields and their HLC stamps. */
export type EntityTable = {
  id: string;
  team_id: string;
  /** The member who pushed the create. Private: never sent to clients. */
  created_by: string;
  fields: string;
  stamps: string;
  updated_seq: number;
};

export type CommentsTable = EntityTable & { idea_id: string };

/** Migration 0002_huddles: merged votes, with the huddle and voter for budget checks. */
export type VotesTable = EntityTable & {
  huddle_id: string;
  /** voterKey(): the member id, or `proxy:<name>` for a colleague without the app. */
  voter: string;
};

/** Migration 0003_improvement: PDSA cycles, measures, points and taps, keyed by entity. */
export type ImprovementTable = EntityTable & {
  entity: ImprovementEntity;
  /** The idea (pdsa) or measure (point, tap) it belongs to; null for a measure. */
  parent_id: string | null;
};

export type Database = {
  teams: TeamsTable;
  members: MembersTable;
  team_counters: TeamCountersTable;
  change_log: ChangeLogTable;
  applied_mutations: AppliedMutationsTable;
  ideas: EntityTable;
  comments: CommentsTable;
  huddles: EntityTable;
  votes: VotesTable;
  improvement: ImprovementTable;
};
