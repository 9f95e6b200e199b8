/**
 * The tables a transaction that applies synced changes must cover, from the
 * registry's device tables. Apart from schema.ts so the capture screen's first
 * load (which opens the database) does not carry the list of kinds.
 */
import { ENTITY_NAMES, KINDS } from '../domain/entityKinds.ts';
import type { GroundUpDb } from './schema.ts';

/**
 * Every table a synced change can touch: a transaction applying changes must
 * cover them all. An erase (src/db/erase.ts) also rewrites the outbox, "needs
 * attention" and the journal of acknowledged changes.
 */
export function syncedTables(db: GroundUpDb) {
  return [
    ...ENTITY_NAMES.map((kind) => db.table(KINDS[kind].table)),
    db.statusLog,
    db.outbox,
    db.rejected,
    db.table('ackedPushes'),
  ];
}
