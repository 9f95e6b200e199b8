/**
 * The sync server's storage, behind one type. Callers (server/app.ts, tests,
 * benchmarks) see `Store`; how it is kept (SQLite or PostgreSQL, which tables)
 * stays in this folder.
 */
import { compactLogs, type CompactResult, type RemovedMutations } from './compact.ts';
import { sql } from 'kysely';
import type {
  PullResponse,
  PushResult,
  SessionResponse,
  TeamResponse,
} from '../../src/domain/protocol.ts';
import type { Stamped } from '../../src/domain/merge.ts';
import type { EntityName } from '../../src/domain/entities.ts';
import type { ErasableKind } from '../../src/domain/moderation.ts';
import { checkpointSqlite, eraseRecord, type EraseOutcome } from './erase.ts';
import { digestStore, type DigestStore } from './digest.ts';
import { displayStore, type DisplayStore } from './displays.ts';
import { notifyStore, type NotifyStore } from './notify.ts';
import { readRecord } from './records.ts';
import { openDatabase, type StoreOptions } from './open.ts';
import { pull, type Own } from './pull.ts';
import { orgPull } from './orgPull.ts';
import { portfolio } from './portfolio.ts';
import { answerAsk, type AnswerInput, type AnswerOutcome } from './orgAnswer.ts';
import {
  authenticateOrg,
  createOrg,
  joinOrg,
  linkTeam,
  orgInfo,
  orgTeams,
  teamOrg,
  unlinkTeam,
  type LinkOutcome,
  type OrgActor,
} from './orgs.ts';
import type {
  CreateOrgRequest,
  OrgInfo,
  OrgSession,
  Portfolio,
  TeamOrg,
} from '../../src/domain/orgProtocol.ts';
import { push, type PushOptions } from './push.ts';
import type { Actor } from '../../src/domain/rules/verdict.ts';
import type { Role } from '../../src/domain/records.ts';
import {
  authenticate,
  createTeam,
  joinTeam,
  removeMember,
  rotateInvite,
  setRole,
  teamInfo,
  type JoinRefusal,
  type NewMember,
  type NewTeam,
} from './teams.ts';
import { signInStore, type SignInStore, type TeamSignInRule } from './signIn.ts';

import { eraseName, exportMember, exportTeam } from './teamData.ts';
import type { Erasure, MemberExport, TeamExport } from './teamData.ts';
import {
  cancelDeletion,
  purgeTeam,
  scheduleDeletion,
  sweepTeams,
  teamDeletion,
  type Deletion,
  type RetentionPolicy,
  type SweepResult,
} from './teamLifecycle.ts';

export type { Actor, DisplayStore, EraseOutcome, JoinRefusal, NewMember, NewTeam, NotifyStore };
export type { StoreOptions };
export type { SignInStore, TeamSignInRule };
export type { AnswerOutcome, LinkOutcome, OrgActor };
export type { Deletion, Erasure, MemberExport, RetentionPolicy, SweepResult, TeamExport };
export type { CompactResult };
export { isPostgresUrl, withPgUser } from './open.ts';
export { ServerMoved, TeamGone } from './push.ts';

/** An entity as the server holds it, with its private creator. */
export type StoredEntity = { readonly createdBy: string; readonly state: Stamped };

/** What the organisations part of the store does (orgs.ts, portfolio.ts, orgAnswer.ts). */
export type OrgStore = {
  createOrg(input: CreateOrgRequest, now: number): Promise<OrgSession>;
  /** A leader joins with the (normalised) leader code; null if no organisation has it. */
  joinOrg(
    input: { leaderCode: string; displayName: string },
    now: number,
  ): Promise<OrgSession | null>;
  /** The leader or admin a bearer token belongs to; null when unknown. */
  authenticateOrg(token: string): Promise<OrgActor | null>;
  orgInfo(actor: OrgActor): Promise<OrgInfo | null>;
  teamOrg(teamId: string): Promise<TeamOrg>;
  /** The ids of the teams linked to the organisation. */
  orgTeams(orgId: string): Promise<string[]>;
  linkTeam(teamId: string, inviteCode: string, now: number): Promise<LinkOutcome>;
  unlinkTeam(teamId: string, now: number): Promise<boolean>;
  /** The organisation's changes after `cursor` (shares and take-ups). */
  orgPull(orgId: string, cursor: number, limit: number): Promise<PullResponse>;
  portfolio(orgId: string, now: number): Promise<Portfolio | null>;
  answerAsk(actor: OrgActor, input: AnswerInput, now: number): Promise<AnswerOutcome>;
};

export type Store = {
  readonly dialect: 'sqlite' | 'postgres';
  /** Creates a team and its first member, a facilitator. `now` in ms since the epoch. */
  createTeam(input: NewTeam, now: number): Promise<SessionResponse>;
  /** Adds a member to the team with this (normalised) invite code; null if there is none. */
  joinTeam(input: NewMember, now: number): Promise<SessionResponse | null | JoinRefusal>;
  /** The member a bearer token belongs to; null when unknown or removed. */
  authenticate(token: string): Promise<Actor | null>;
  /** Applies a push in one transaction; one result per item, in order. Items are unvalidated. */
  push(
    actor: Actor,
    mutations: readonly unknown[],
    now: number,
    opts?: PushOptions,
  ): Promise<PushResult[]>;
  /**
   * The team's changes after `cursor`, at most `limit`, in sequence order;
   * `own`: a member's device whose changes applied exactly as sent are left out (pull.ts).
   */
  pull(teamId: string, cursor: number, limit: number, own?: Own): Promise<PullResponse>;
  teamInfo(teamId: string): Promise<TeamResponse | null>;
  /** Revokes a member's token (401 from then on). False if the team has no such member. */
  removeMember(teamId: string, memberId: string, now: number): Promise<boolean>;
  /** A new invite code for the team; the old one stops working. Null if there is no such team. */
  rotateInvite(teamId: string): Promise<string | null>;
  /** Makes a member a facilitator, member or sponsor. False if the team has no such member. */
  setRole(teamId: string, memberId: string, role: Role): Promise<boolean>;
  /**
   * Erases the words of the team's idea or comment from its record and every
   * change-log row, and appends the change that erases them on every phone
   * (erase.ts). Who may is the route's business.
   */
  erase(
    actor: Actor,
    kind: ErasableKind,
    id: string,
    reason: string,
    now: number,
  ): Promise<EraseOutcome>;
  /** The merged state of a record of this team; null if the team has none of that kind by that id. */
  readEntity(teamId: string, entity: EntityName, id: string): Promise<StoredEntity | null>;
  /** Everything of the team (members without token hashes); null if there is no such team. */
  exportTeam(teamId: string, now: number): Promise<TeamExport | null>;
  /** Everything held about one member (subject access); null if there is no such member. */
  exportMember(memberId: string, now: number): Promise<MemberExport | null>;
  /** Replaces the member's name with "Former member" everywhere; null if the team has no such member. */
  eraseName(teamId: string, memberId: string, now: number): Promise<Erasure | null>;
  /** The team's scheduled deletion, or null. */
  teamDeletion(teamId: string): Promise<Deletion | null>;
  /** Schedules the team's deletion `graceDays` from `now`; null if there is no such team. */
  scheduleDeletion(teamId: string, now: number, graceDays: number): Promise<Deletion | null>;
  /** Calls off a scheduled deletion (a facilitator kept the team at `now`). */
  cancelDeletion(teamId: string, now: number): Promise<boolean>;
  /** Removes every row of the team from every table at once. */
  purgeTeam(teamId: string): Promise<void>;
  /** Warns inactive teams, keeps those used again, purges those due. */
  sweepTeams(now: number, policy: RetentionPolicy): Promise<SweepResult>;
  /**
   * Drops, from every team's and organisation's change log, the field values
   * received before `before` that a later write overrides (compact.ts); no
   * device's records change.
   */
  compactLogs(
    before: number,
    onRemoved?: RemovedMutations,
    only?: ReadonlySet<string>,
  ): Promise<CompactResult>;
  /** What notifications keep: keys, subscriptions, settings, how far they have read (notify.ts). */
  readonly notify: NotifyStore;
  /** The weekly digest's addresses, team choice and the week's changes (digest.ts). */
  readonly digest: DigestStore;
  /** Board links for a TV: made, withdrawn, authenticated, and the board they show (displays.ts). */
  readonly displays: DisplayStore;
  /** Staff sign-in: team rules, flows, tickets, members' accounts (signIn.ts). */
  readonly signIn: SignInStore;
  /** Organisations, their log, the portfolio (decision 0021). */
  readonly orgs: OrgStore;
  /** Throws unless the database answers a query. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

export async function openStore(opts: StoreOptions): Promise<Store> {
  const { db, dialect } = await openDatabase(opts);
  return {
    dialect,
    createTeam: (input, now) => createTeam(db, input, now),
    joinTeam: (input, now) => joinTeam(db, input, now),
    authenticate: (token) => authenticate(db, token),
    push: (actor, mutations, now, opts) => push(db, actor, mutations, now, opts),
    pull: (teamId, cursor, limit, own) => pull(db, teamId, cursor, limit, own),
    teamInfo: (teamId) => teamInfo(db, teamId),
    removeMember: (teamId, memberId, now) => removeMember(db, teamId, memberId, now),
    rotateInvite: (teamId) => rotateInvite(db, teamId),
    setRole: (teamId, memberId, role) => setRole(db, teamId, memberId, role),
    async erase(actor, kind, id, reason, now) {
      const outcome = await eraseRecord(db, actor, kind, id, reason, now);
      if (outcome.kind === 'erased' && dialect === 'sqlite') await checkpointSqlite(db);
      return outcome;
    },
    async readEntity(teamId, entity, id) {
      const found = await readRecord(db, teamId, entity, id);
      if (!found || entity !== 'team') return found;
      // Only what has been changed since the team was made is stamped (and synced).
      const { fields, stamps } = found.state;
      return {
        createdBy: '',
        state: {
          fields: Object.fromEntries(Object.entries(fields).filter(([k]) => k in stamps)),
          stamps,
        },
      };
    },
    exportTeam: (teamId, now) => exportTeam(db, teamId, now),
    exportMember: (memberId, now) => exportMember(db, memberId, now),
    eraseName: (teamId, memberId, now) => eraseName(db, teamId, memberId, now),
    teamDeletion: (teamId) => teamDeletion(db, teamId),
    scheduleDeletion: (teamId, now, graceDays) => scheduleDeletion(db, teamId, now, graceDays),
    cancelDeletion: (teamId, now) => cancelDeletion(db, teamId, now),
    purgeTeam: (teamId) => purgeTeam(db, teamId),
    sweepTeams: (now, policy) => sweepTeams(db, now, policy),
    compactLogs: (before, onRemoved, only) => compactLogs(db, before, onRemoved, only),
    notify: notifyStore(db),
    digest: digestStore(db),
    displays: displayStore(db),
    signIn: signInStore(db),
    orgs: {
      createOrg: (input, now) => createOrg(db, input, now),
      joinOrg: (input, now) => joinOrg(db, input, now),
      authenticateOrg: (token) => authenticateOrg(db, token),
      orgInfo: (actor) => orgInfo(db, actor),
      teamOrg: (teamId) => teamOrg(db, teamId),
      orgTeams: (orgId) => orgTeams(db, orgId),
      linkTeam: (teamId, code, now) => linkTeam(db, teamId, code, now),
      unlinkTeam: (teamId, now) => unlinkTeam(db, teamId, now),
      orgPull: (orgId, cursor, limit) => orgPull(db, orgId, cursor, limit),
      portfolio: (orgId, now) => portfolio(db, orgId, now),
      answerAsk: (actor, input, now) => answerAsk(db, actor, input, now),
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}
