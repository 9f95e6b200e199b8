/**
 * The app's database as an earlier version of the app declared it, for tests
 * of an upgrade: a phone opens the new app on a database the old one wrote.
 * Each version's stores exactly as src/db/schema.ts declares them.
 */
import { Dexie } from 'dexie';
import { IDBKeyRange, type IDBFactory } from 'fake-indexeddb';

const STORES: readonly Record<string, string>[] = [
  {
    ideas: 'id, sortKey, [mine+sortKey], teamId',
    comments: 'id, [ideaId+createdAt], teamId',
    teams: 'id',
    outbox: '++seq, &mutationId, entityId',
    rejected: 'mutationId, entityId, rejectedAt',
    meta: 'key',
  },
  {
    huddles: 'id, teamId, startedAt',
    votes: 'id, huddleId',
    statusLog: '[ideaId+hlc], ideaId',
    members: 'id, teamId',
  },
  {
    pdsas: 'id, ideaId',
    measures: 'id, teamId',
    points: 'id, measureId',
    taps: 'id, measureId',
    challenges: 'id',
    asks: 'id, ideaId',
  },
  { ideas: 'id, sortKey, [mine+sortKey], teamId, *words' },
  { acked: 'mutationId, hlc, [teamId+hlc]', serverEpochs: 'teamId' },
  { inboxRead: 'id' },
  { shares: 'id', takes: 'id, shareId' },
];

/** Versions 1 to `upTo` (at most 7; later ones are the app's own constants). */
export class OldAppDb extends Dexie {
  constructor(name: string, factory: IDBFactory, upTo: number) {
    super(name, { indexedDB: factory, IDBKeyRange });
    if (upTo > STORES.length) throw new Error(`OldAppDb declares versions up to ${STORES.length}`);
    STORES.slice(0, upTo).forEach((stores, i) => this.version(i + 1).stores(stores));
  }
}
