/**
 * The device's IndexedDB database (Dexie). Everything a person types is kept
 * here first; the outbox holds the mutations still to reach the server.
 *
 * Every transaction is opened with strict durability: IndexedDB reports a
 * commit only once the data is flushed to disk, so "Saved" on screen means
 * saved on the device, even if the phone dies the next second.
 */
import type { Lang } from '../i18n/index.ts';
import { Dexie, type EntityTable, type Table } from 'dexie';
import { watchOtherTabs } from './notices.ts';
import type { Hlc, HlcState } from '../domain/hlc.ts';
import type { CommentFields, IdeaFields, IdeaStatus, Role, TeamFields } from '../domain/records.ts';
import type { HuddleFields, VoteFields } from '../domain/huddle.ts';
import type {
  AskRow,
  ChallengeRow,
  MeasureRow,
  PdsaRow,
  PointRow,
  TapRow,
} from './improvementRows.ts';
import type { Mutation, SessionResponse } from '../domain/protocol.ts';
import type { VerdictCode } from '../domain/rules/verdict.ts';
import type { DeviceId } from '../domain/ids.ts';
import type { EntityName } from '../domain/entityKinds.ts';
import type { NotifyPrefs } from '../domain/notify.ts';
import type { ShareRow, TakeRow } from './orgRows.ts';
import { journalFromAcked, type AckedRow, type JournalRow } from './journalRows.ts';

type StampsOf<F> = Partial<Record<keyof F, Hlc>>;

export type IdeaRow = Partial<IdeaFields> & {
  id: string;
  /** Null until the device joins a team (ideas can be captured before joining). */
  teamId: string | null;
  stamps: StampsOf<IdeaFields>;
  /**
   * 1 when captured on this device (for "My ideas"), 2 once such an idea is
   * deleted (so "My ideas" counts its own from the index alone); never synced.
   */
  mine: 0 | 1 | 2;
  /** createdAt, or 0 while unknown; indexed for "newest first". */
  sortKey: number;
  /** Search words of title and detail (src/domain/search.ts); a multi-entry index. */
  words?: string[];
  /**
   * The node id this device stamps its anonymous idea with, made for this one
   * record (writes.ts `anonymise`); never synced, never the device's id.
   */
  anonNode?: string;
};

export type CommentRow = Partial<CommentFields> & {
  id: string;
  teamId: string | null;
  stamps: StampsOf<CommentFields>;
  ideaId: string;
};

export type TeamRow = Partial<TeamFields> & { id: string; stamps: StampsOf<TeamFields> };

export type HuddleRow = Partial<HuddleFields> & {
  id: string;
  teamId: string | null;
  stamps: StampsOf<HuddleFields>;
};

export type VoteRow = Partial<VoteFields> & {
  id: string;
  teamId: string | null;
  stamps: StampsOf<VoteFields>;
  huddleId: string;
};

/** One status move of an idea, kept from each change that carried `status` (history). */
export type StatusLogRow = {
  ideaId: string;
  /** The change's HLC stamp: one row per write, however often it is delivered. */
  hlc: string;
  status: IdeaStatus;
  by: string | null;
  at: number | null;
};

/** The team's members as last fetched, for pass-the-tablet voting offline. */
export type MemberRow = { id: string; teamId: string; displayName: string; role: Role };

export type OutboxRow = {
  /** Auto-incremented: the order mutations are pushed in. */
  seq?: number;
  mutationId: string;
  entity: EntityName;
  entityId: string;
  mutation: Mutation;
  /** When it was queued, in ms since the epoch. */
  queuedAt: number;
  /**
   * 1: the server refused it for this phone's clock being ahead (rules/clock.ts):
   * re-stamp it once the clock is right. Indexed (a boolean cannot be), so each
   * pass finds these without reading the whole outbox.
   */
  clockAhead?: 1;
};

export type RejectedRow = {
  mutationId: string;
  entity: EntityName;
  entityId: string;
  mutation: Mutation;
  reason: string;
  /** The rule's code (rules/verdict.ts), when the server sent one. */
  code?: VerdictCode;
  field?: string;
  rejectedAt: number;
};

export type Meta =
  | { key: 'device'; deviceId: DeviceId }
  | { key: 'hlc'; state: HlcState }
  | { key: 'session'; session: SessionResponse; joinedAt: number }
  | { key: 'cursor'; teamId: string; cursor: number }
  | { key: 'lastSynced'; at: number }
  | { key: 'persist'; granted: boolean; askedAt: number }
  | { key: 'searchWords'; done: true }
  /** This phone's push subscription and its choices, as last sent to the server. */
  | { key: 'notify'; endpoint: string; prefs: NotifyPrefs }
  /** The language in force, for the service worker's notifications (it cannot read localStorage). */
  | { key: 'lang'; lang: Lang }
  /** Organisations (decision 0021, src/db/orgData.ts): the team's link, as the server last said. */
  | { key: 'teamOrg'; teamId: string; org: { id: string; name: string } | null }
  /** This device's leader (or admin) session in an organisation. */
  | { key: 'orgSession'; session: OrgSessionRow }
  /** How far this device has read each organisation's log: one row per organisation. */
  | { key: `orgCursor:${string}`; orgId: string; cursor: number }
  /** The leader's portfolio as last fetched (readable offline). */
  | { key: 'portfolio'; orgId: string; portfolio: unknown; fetchedAt: number };

/** A leader's session (src/domain/orgProtocol.ts OrgSession). */
export type OrgSessionRow = {
  org: {
    id: string;
    name: string;
    inviteCode?: string | undefined;
    leaderCode?: string | undefined;
  };
  member: { id: string; displayName: string; role: 'leader' | 'admin' };
  token: string;
};

export type MetaKey = Meta['key'];

/** An inbox item ("For you", src/domain/inbox.ts) this device has shown; never synced. */
export type InboxReadRow = { id: string; readAt: number };

/** The Dexie version that adds `inboxRead`. */
export const INBOX_VERSION = 6;

/** Dexie version 5: the journal of acknowledged changes and the server epochs (restoreTables.ts). */
export const RESTORE_VERSION = 5;
export const RESTORE_STORES = {
  acked: 'mutationId, hlc, [teamId+hlc]',
  serverEpochs: 'teamId',
} as const;

/** Dexie version 8: the journal in one row per acknowledged push (`ackedPushes`), keyed by `upTo`. */
export const JOURNAL_VERSION = 8;
export const JOURNAL_STORES = { acked: null, ackedPushes: 'upTo' } as const;

/** Dexie version 9: the outbox indexes the changes held for this phone's clock (`clockAhead` 1, was `true`). */
export const OUTBOX_HELD_VERSION = 9;

export class GroundUpDb extends Dexie {
  ideas!: EntityTable<IdeaRow, 'id'>;
  comments!: EntityTable<CommentRow, 'id'>;
  teams!: EntityTable<TeamRow, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  rejected!: EntityTable<RejectedRow, 'mutationId'>;
  meta!: Table<Meta, MetaKey>;
  huddles!: EntityTable<HuddleRow, 'id'>;
  votes!: EntityTable<VoteRow, 'id'>;
  statusLog!: Table<StatusLogRow, [string, string]>;
  members!: EntityTable<MemberRow, 'id'>;
  declare pdsas: EntityTable<PdsaRow, 'id'>;
  declare measures: EntityTable<MeasureRow, 'id'>;
  declare points: EntityTable<PointRow, 'id'>;
  declare taps: EntityTable<TapRow, 'id'>;
  declare challenges: EntityTable<ChallengeRow, 'id'>;
  declare asks: EntityTable<AskRow, 'id'>;
  declare inboxRead: EntityTable<InboxReadRow, 'id'>;
  declare shares: EntityTable<ShareRow, 'id'>;
  declare takes: EntityTable<TakeRow, 'id'>;

  constructor(
    name = 'ground-up',
    options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
  ) {
    super(name, { chromeTransactionDurability: 'strict', ...options });
    watchOtherTabs(this);
    this.version(1).stores({
      ideas: 'id, sortKey, [mine+sortKey], teamId',
      comments: 'id, [ideaId+createdAt], teamId',
      teams: 'id',
      outbox: '++seq, &mutationId, entityId',
      rejected: 'mutationId, entityId, rejectedAt',
      meta: 'key',
    });
    // Huddles (dot voting); later versions add their own tables.
    this.version(2).stores({
      huddles: 'id, teamId, startedAt',
      votes: 'id, huddleId',
      statusLog: '[ideaId+hlc], ideaId',
      members: 'id, teamId',
    });
    // Tests of change and measures (improvementRows.ts).
    this.version(3).stores({
      pdsas: 'id, ideaId',
      measures: 'id, teamId',
      points: 'id, measureId',
      taps: 'id, measureId',
      challenges: 'id',
      asks: 'id, ideaId',
    });
    // Search by word prefix instead of scanning every idea. Rows from before this
    // version get their words on the first search (backfillSearchWords in queries.ts),
    // which keeps the tokenizer out of the capture screen's first load.
    this.version(4).stores({ ideas: 'id, sortKey, [mine+sortKey], teamId, *words' });
    // What this device sent and the server acknowledged, and the server's epoch,
    // so a restored server gets back what it lost (restoreTables.ts, decision 0010).
    this.version(RESTORE_VERSION).stores(RESTORE_STORES);
    // "For you": which inbox items this device has shown (read / unread per device).
    this.version(INBOX_VERSION).stores({ inboxRead: 'id' });
    // Organisation records (shared changes and take-ups), from the organisation's log.
    this.version(7).stores({ shares: 'id', takes: 'id, shareId' });
    // The journal keeps one row per acknowledged push instead of one per mutation
    // (journal.ts): a put per push and a range delete to trim, where per-mutation rows
    // cost a put and a delete per mutation and made a sync of 10,000 ideas 3× slower.
    // And a deleted idea of this phone's is `mine` 2, so "My ideas" counts in the index.
    this.version(JOURNAL_VERSION)
      .stores(JOURNAL_STORES)
      .upgrade(async (tx) => {
        const old = await tx.table<AckedRow, string>('acked').orderBy('hlc').toArray();
        await tx.table<JournalRow, number>('ackedPushes').bulkAdd(journalFromAcked(old));
        // An idea of this phone's already deleted is `mine` 2 from now on (apply.ts).
        await tx
          .table<IdeaRow, string>('ideas')
          .where('[mine+sortKey]')
          .between([1, Dexie.minKey], [1, Dexie.maxKey])
          .modify((idea) => {
            if (idea.deleted === true) idea.mine = 2;
          });
      });
    // Each pass asks for the changes held for the clock (restamp.ts); reading every
    // waiting change to find them took 0.45 s a pass with 10,000 waiting.
    this.version(OUTBOX_HELD_VERSION)
      .stores({ outbox: '++seq, &mutationId, entityId, clockAhead' })
      .upgrade(async (tx) => {
        await tx
          .table<Omit<OutboxRow, 'clockAhead'> & { clockAhead?: true | 1 }, number>('outbox')
          .filter((row) => row.clockAhead === true)
          .modify((row) => {
            row.clockAhead = 1;
          });
      });
    // A database made at version 4 or later has written every idea with its search
    // words (apply.ts), so it has none to give them: the ideas list's first visit
    // skips the backfill, which on a phone that joined a team of 100,000 ideas read
    // every one of them (3 s in the bench) to find none.
    this.on('populate', (tx) => {
      return tx.table<Meta, string>('meta').add({ key: 'searchWords', done: true });
    });
  }
}
