/**
 * The device's memory for a server restored from a backup (decision 0008):
 * `acked`, a bounded journal of this device's own mutations the server
 * acknowledged, and `serverEpochs`, the server epoch last seen per team.
 *
 * These belong in schema.ts as version 5. Until they are declared there,
 * `declareRestoreTables` adds the version to a database not yet opened
 * (appDb() does), and `restoreTables` answers null on a database without
 * them, so sync then runs exactly as before.
 */
import type { Table } from 'dexie';
import type { Mutation } from '../domain/protocol.ts';
import type { GroundUpDb } from './schema.ts';

/** One of this device's mutations, acknowledged (applied or duplicate) by the server. */
export type AckedRow = {
  mutationId: string;
  teamId: string;
  /** The mutation's own stamp: this device's stamps rise, so this is the order it was sent in. */
  hlc: string;
  mutation: Mutation;
  /** When the server acknowledged it, in ms since the epoch. */
  ackedAt: number;
};

/** The server epoch last seen for a team; `resend` 1 while a resend is under way. */
export type EpochRow = { teamId: string; epoch: string; resend: 0 | 1 };

import { RESTORE_STORES, RESTORE_VERSION } from './schema.ts';

export { RESTORE_STORES, RESTORE_VERSION };

/** At most this many acknowledged mutations are kept; the oldest go first. */
export const ACKED_LIMIT = 5000;

export type RestoreTables = {
  readonly acked: Table<AckedRow, string>;
  readonly epochs: Table<EpochRow, string>;
};

/** Declares version 5 (the tables above) unless the schema already has them. Call before the first query. */
export function declareRestoreTables<D extends GroundUpDb>(db: D): D {
  if (!db.tables.some((t) => t.name === 'acked'))
    db.version(RESTORE_VERSION).stores(RESTORE_STORES);
  return db;
}

/** The tables, or null on a database that does not declare them. */
export function restoreTables(db: GroundUpDb): RestoreTables | null {
  if (!db.tables.some((t) => t.name === 'acked')) return null;
  return {
    acked: db.table<AckedRow, string>('acked'),
    epochs: db.table<EpochRow, string>('serverEpochs'),
  };
}
