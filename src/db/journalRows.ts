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
 */
export type JournalRow = {
  upTo: number;
  teamId: string;
  mutations: Mutation[];
  ackedAt: number;
};

/** Version 5's rows (in stamp order) as version 8's: one row per team's run of rows. */
export function journalFromAcked(rows: readonly AckedRow[]): JournalRow[] {
  const out: JournalRow[] = [];
  let upTo = 0;
  for (const r of rows) {
    const last = out.at(-1);
    upTo++;
    if (last !== undefined && last.teamId === r.teamId) {
      last.mutations.push(r.mutation);
      last.upTo = upTo;
      last.ackedAt = Math.max(last.ackedAt, r.ackedAt);
    } else out.push({ upTo, teamId: r.teamId, mutations: [r.mutation], ackedAt: r.ackedAt });
  }
  return out;
}
