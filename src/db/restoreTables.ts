/**
 * The device's memory for a server restored from a backup (decision 0008):
 * `ackedPushes`, a bounded journal of this device's own mutations the server
 * acknowledged, one row per push (journalRows.ts, written by
 * sync/journal.ts), and `serverEpochs`, the server epoch last seen per team.
 */
import type { Table } from 'dexie';
import type { JournalRow } from './journalRows.ts';
import type { GroundUpDb } from './schema.ts';

export type { JournalRow };

/** The server epoch last seen for a team; `resend` 1 while a resend is under way. */
export type EpochRow = { teamId: string; epoch: string; resend: 0 | 1 };

/** At least this many acknowledged mutations are kept (and at most one push more); the oldest go first. */
export const ACKED_LIMIT = 5000;

export type RestoreTables = {
  readonly journal: Table<JournalRow, number>;
  readonly epochs: Table<EpochRow, string>;
};

export function restoreTables(db: GroundUpDb): RestoreTables {
  return {
    journal: db.table<JournalRow, number>('ackedPushes'),
    epochs: db.table<EpochRow, string>('serverEpochs'),
  };
}
