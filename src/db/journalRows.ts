/**
 * The rows of the journal of acknowledged changes (decision 0008), apart from
 * restoreTables.ts so that schema.ts can convert version 5's rows without
 * loading anything else.
 */
import type { Mutation } from '../domain/protocol.ts';

/** Version 5's row: one of this device's mutations, acknowledged by the server. */
export type AckedRow = {
  mutationId: string;
  teamId: string;
  hlc: string;
  mutation: Mutation;
  ackedAt: number;
};

/**
 * One acknowledged push (version 8): its mutations in the order they were
 * sent. `upTo` counts the mutations journalled so far, this row's included,
 * so it rises with every row and says how many a range of rows holds.
 *
 * The mutations are kept as objects (`mutations`), or, when the server took
 * every one of the push (since December 2026), as the push's own JSON as it
 * was sent (`sent`, a PushRequest): one string for IndexedDB to store, where
 * 500 objects to copy took most of a settle (bench section 4). Read either
 * with `journalled`.
 */
export type JournalRow = {
  upTo: number;
  teamId: string;
  mutations?: Mutation[];
  sent?: string;
  ackedAt: number;
};

/** A journal row's mutations, in the order sent, whichever way it keeps them. */
export function journalled(row: JournalRow): Mutation[] {
  if (row.mutations !== undefined) return row.mutations;
  if (row.sent === undefined) return [];
  return (JSON.parse(row.sent) as { mutations: Mutation[] }).mutations;
}

/** Version 5's rows (in stamp order) as version 8's: one row per team's run of rows. */
export function journalFromAcked(rows: readonly AckedRow[]): JournalRow[] {
  const out: JournalRow[] = [];
  let upTo = 0;
  for (const r of rows) {
    const last = out.at(-1);
    upTo++;
    if (last?.mutations !== undefined && last.teamId === r.teamId) {
      last.mutations.push(r.mutation);
      last.upTo = upTo;
      last.ackedAt = Math.max(last.ackedAt, r.ackedAt);
    } else out.push({ upTo, teamId: r.teamId, mutations: [r.mutation], ackedAt: r.ackedAt });
  }
  return out;
}
