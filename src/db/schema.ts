/**
 * The device's IndexedDB database (Dexie). Everything a person types is kept
 * here first; the outbox holds the mutations still to reach the server.
 *
 * Every transaction is opened with strict durability: IndexedDB reports a
 * commit only once the data is flushed to disk, so "Saved" on screen means
 * saved on the device, even if the phone dies the next second.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Hlc, HlcState } from '../domain/hlc.ts';
import type { CommentFields, IdeaFields, TeamFields } from '../domain/records.ts';
import type { Mutation, SessionResponse } from '../domain/protocol.ts';
import type { DeviceId } from '../domain/ids.ts';

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
};

export type CommentRow = Partial<CommentFields> & {
  id: string;
  teamId: string | null;
  stamps: StampsOf<CommentFields>;
  ideaId: string;
};

export type TeamRow = Partial<TeamFields> & { id: string; stamps: StampsOf<TeamFields> };

export type OutboxRow = {
  /** Auto-incremented: the order mutations are pushed in. */
  seq?: number;
  mutationId: string;
  entity: Mutation['entity'];
  entityId: string;
  mutation: Mutation;
  /** When it was queued, in ms since the epoch. */
  queuedAt: number;
};

export type RejectedRow = {
  mutationId: string;
  entity: Mutation['entity'];
  entityId: string;
  mutation: Mutation;
  reason: string;
  field?: string;
  rejectedAt: number;
};

export type Meta =
  | { key: 'device'; deviceId: DeviceId }
  | { key: 'hlc'; state: HlcState }
  | { key: 'session'; session: SessionResponse; joinedAt: number }
  | { key: 'cursor'; teamId: string; cursor: number }
  | { key: 'lastSynced'; at: number }
  | { key: 'persist'; granted: boolean; askedAt: number };

export type MetaKey = Meta['key'];

export class GroundUpDb extends Dexie {
  ideas!: EntityTable<IdeaRow, 'id'>;
  comments!: EntityTable<CommentRow, 'id'>;
  teams!: EntityTable<TeamRow, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  rejected!: EntityTable<RejectedRow, 'mutationId'>;
  meta!: Table<Meta, MetaKey>;

  constructor(
    name = 'ground-up',
    options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
  ) {
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({
      ideas: 'id, sortKey, [mine+sortKey], teamId',
      comments: 'id, [ideaId+createdAt], teamId',
      teams: 'id',
      outbox: '++seq, &mutationId, entityId',
      rejected: 'mutationId, entityId, rejectedAt',
      meta: 'key',
    });
  }
}
