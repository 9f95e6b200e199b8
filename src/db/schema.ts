/**
 * The device's IndexedDB database (Dexie). Everything a person types is kept
 * here first; the outbox holds the mutations still to reach the server.
 *
 * Every transaction is opened with strict durability: IndexedDB reports a
 * commit only once the data is flushed to disk, so "Saved" on screen means
 * saved on the device, even if the phone dies the next second.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import { watchOtherTabs } from './notices.ts';
import { RESTORE_STORES, RESTORE_VERSION } from './restoreTables.ts';
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
import type { DeviceTable, EntityName } from '../domain/entities.ts';

type StampsOf<F> = Partial<Record<keyof F, Hlc>>;

export type IdeaRow = Partial<IdeaFields> & {
  id: string;
  /** Null until the device joins a team (ideas can be captured before joining). */
  teamId: string | null;
  stamps: StampsOf<IdeaFields>;
  /** 1 when captured on this device (for "My ideas"); never synced. */
  mine: 0 | 1;
  /** createdAt, or 0 while unknown; indexed for "newest first". */
  sortKey: number;
  /** Search words of title and detail (src/domain/search.ts); a multi-entry index. */
  words?: string[];
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
  | { key: 'searchWords'; done: true };

export type MetaKey = Meta['key'];

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
  }
}

/**
 * The registry's device tables, by name only: importing the registry itself
 * here would put every kind's valibot schema in the capture screen's first
 * load (tests/e2e/bundle.test.ts). The type checker keeps this in step with
 * `DeviceTable` (entities.ts): a new kind's table must be named here too.
 */
const SYNCED_TABLES = {
  ideas: true,
  comments: true,
  teams: true,
  huddles: true,
  votes: true,
  pdsas: true,
  measures: true,
  points: true,
  taps: true,
  challenges: true,
  asks: true,
} as const satisfies Record<DeviceTable, true>;

/** Every table a synced change can touch: a transaction applying changes must cover them all. */
export function syncedTables(db: GroundUpDb) {
  return [...Object.keys(SYNCED_TABLES).map((name) => db.table(name)), db.statusLog];
}
