/**
 * Noticing a server restored from a backup, and sending it again what it lost
 * (decision 0008; the Community Health Toolkit lost data exactly here,
 * cht-core #8093). Before each push, one small pull asks the server where it
 * stands: a new epoch, or a log that ends before this device's cursor, means
 * the server may have forgotten changes it had acknowledged. Then the device
 * sends again every mutation of its own it still journals, in the order it
 * first sent them, with their original ids — the server answers `duplicate`
 * for those it kept and applies those it lost, exactly once — and pulls again
 * from the start. Only then is the new epoch saved, so a pass cut short does
 * it again.
 */
import { Dexie } from 'dexie';
import type { TeamId } from '../domain/ids.ts';
import { LIMITS } from '../domain/records.ts';
import type { Api } from './api.ts';
import { restoreTables } from '../db/restoreTables.ts';
import type { GroundUpDb } from '../db/schema.ts';

export type RestoreCheck =
  | { readonly kind: 'same' }
  | { readonly kind: 'resent'; readonly resent: number; readonly refused: number }
  | { readonly kind: 'signed-out'; readonly message: string }
  | { readonly kind: 'retry'; readonly message: string; readonly offline: boolean };

async function cursorFor(db: GroundUpDb, teamId: string): Promise<number> {
  const row = await db.meta.get('cursor');
  return row?.key === 'cursor' && row.teamId === teamId ? row.cursor : 0;
}

export async function recoverFromRestore(
  db: GroundUpDb,
  api: Api,
  session: { token: string; teamId: string },
): Promise<RestoreCheck> {
  const tables = restoreTables(db);
  if (tables === null) return { kind: 'same' };
  const { teamId, token } = session;
  const cursor = await cursorFor(db, teamId);
  const seen = await tables.epochs.get(teamId);
  const probe = await api.pull(token, teamId, cursor, 1);
  if (probe.kind === 'unauthorised' || probe.kind === 'forbidden') {
    return { kind: 'signed-out', message: probe.message };
  }
  if (probe.kind !== 'ok') {
    return { kind: 'retry', message: probe.message, offline: probe.kind === 'offline' };
  }
  const epoch = probe.body.epoch ?? seen?.epoch ?? '';
  const restored =
    seen?.resend === 1 ||
    (seen !== undefined && probe.body.epoch !== undefined && probe.body.epoch !== seen.epoch) ||
    probe.body.cursor < cursor;
  if (!restored) {
    if (seen?.epoch !== epoch) await tables.epochs.put({ teamId, epoch, resend: 0 });
    return { kind: 'same' };
  }
  // From here a crash or a lost connection means: do it all again next pass.
  await db.transaction('rw', [db.meta, tables.epochs], async () => {
    await db.meta.put({ key: 'cursor', teamId, cursor: 0 });
    await tables.epochs.put({ teamId, epoch: seen?.epoch ?? '', resend: 1 });
  });
  const journal = await tables.acked
    .where('[teamId+hlc]')
    .between([teamId, Dexie.minKey], [teamId, Dexie.maxKey])
    .toArray();
  let refused = 0;
  for (let i = 0; i < journal.length; i += LIMITS.pushBatch) {
    const batch = journal.slice(i, i + LIMITS.pushBatch).map((r) => r.mutation);
    const res = await api.push(token, { teamId: teamId as TeamId, mutations: batch });
    if (res.kind === 'unauthorised' || res.kind === 'forbidden') {
      return { kind: 'signed-out', message: res.message };
    }
    if (res.kind !== 'ok') {
      return { kind: 'retry', message: res.message, offline: res.kind === 'offline' };
    }
    // A change the restored server now refuses stays as it is on this device.
    refused += res.body.results.filter((r) => r.kind === 'rejected').length;
  }
  await tables.epochs.put({ teamId, epoch, resend: 0 });
  return { kind: 'resent', resent: journal.length, refused };
}
