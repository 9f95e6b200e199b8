/**
 * Noticing a server restored from a backup, and sending it again what it lost
 * (decision 0008; the Community Health Toolkit lost data exactly here,
 * cht-core #8093). Before a push, one small pull asks the server where it
 * stands (a pass with nothing to send reads the same signs from its own pull
 * instead, and asks only when they look wrong): a new epoch, or a log that
 * ends before this device's cursor, means
 * the server may have forgotten changes it had acknowledged. (Once the device
 * has seen the server's epoch, its push names where it last saw the server
 * instead, `lastSeen`, and the server refuses it, applying nothing, when it
 * no longer stands there; only then does the pull ask.) Then the device
 * sends again every mutation of its own it still journals, in the order it
 * first sent them, with their original ids — the server answers `duplicate`
 * for those it kept and applies those it lost, exactly once — and pulls again
 * from the start. Only then is the new epoch saved, so a pass cut short does
 * it again.
 */
import type { TeamId } from '../domain/ids.ts';
import { LIMITS } from '../domain/records.ts';
import type { Api, Since } from './api.ts';
import { journalled } from '../db/journalRows.ts';
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

/**
 * Where this phone last saw the server, for its push to name (`since`), so that
 * the server itself refuses a push when it was restored since, and no pull need
 * ask first. Null when a pull must ask: no epoch seen for the team yet (or an
 * old server's empty one), or a resend still under way.
 */
export async function lastSeen(db: GroundUpDb, teamId: string): Promise<Since | null> {
  const seen = await restoreTables(db).epochs.get(teamId);
  // The checked push takes an epoch of 1 to 64 characters, as every server makes them.
  if (seen === undefined || seen.resend === 1 || seen.epoch === '' || seen.epoch.length > 64)
    return null;
  return { epoch: seen.epoch, cursor: await cursorFor(db, teamId) };
}

/** What a pass's pulls saw of the server: its epoch, and whether it answered a cursor behind the one asked. */
export type ServerSigns = { epoch: string | undefined; behind: boolean };

/** The same Api, whose pulls note the server's signs of a restore. */
export function watchingPulls(api: Api): { readonly api: Api; readonly signs: ServerSigns } {
  const signs: ServerSigns = { epoch: undefined, behind: false };
  return {
    signs,
    api: {
      ...api,
      async pull(token, teamId, cursor, limit, opts) {
        const res = await api.pull(token, teamId, cursor, limit, opts);
        if (res.kind === 'ok') {
          signs.epoch = res.body.epoch ?? signs.epoch;
          if (res.body.cursor < cursor) signs.behind = true;
        }
        return res;
      },
    },
  };
}

/** True when a pass's pulls suggest a restore (or a resend is unfinished); remembers a first-seen epoch. */
export async function restoreSuspected(
  db: GroundUpDb,
  teamId: string,
  signs: ServerSigns,
): Promise<boolean> {
  const tables = restoreTables(db);
  const seen = await tables.epochs.get(teamId);
  if (seen === undefined) {
    if (signs.epoch !== undefined)
      await tables.epochs.put({ teamId, epoch: signs.epoch, resend: 0 });
    return signs.behind;
  }
  return (
    seen.resend === 1 || signs.behind || (signs.epoch !== undefined && signs.epoch !== seen.epoch)
  );
}

/**
 * Probes the server and, when it was restored, resends the journal. `force`:
 * the pass's own pull already saw the cursor behind (the saved cursor has
 * moved back since, so the probe alone would not see it).
 */
export async function recoverFromRestore(
  db: GroundUpDb,
  api: Api,
  session: { token: string; teamId: string },
  force = false,
): Promise<RestoreCheck> {
  const tables = restoreTables(db);
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
    force ||
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
  // In the order the pushes were sent, each push's mutations in its own order.
  const journal = (await tables.journal.toArray()).flatMap((r) =>
    r.teamId === teamId ? journalled(r) : [],
  );
  let refused = 0;
  // Halved on a 413 (long texts, or a server that takes fewer at a time), as pushOutbox does.
  let size: number = LIMITS.pushBatch;
  for (let i = 0; i < journal.length;) {
    const batch = journal.slice(i, i + size);
    const res = await api.push(token, { teamId: teamId as TeamId, mutations: batch });
    if (res.kind === 'unauthorised' || res.kind === 'forbidden') {
      return { kind: 'signed-out', message: res.message };
    }
    if (res.kind === 'too-large') {
      if (batch.length > 1) {
        size = Math.ceil(batch.length / 2);
        continue;
      }
      // One change the server will not take: it stays as it is on this device, and the
      // batches after it may be full-sized again.
      refused += 1;
      i += 1;
      size = LIMITS.pushBatch;
      continue;
    }
    if (res.kind !== 'ok') {
      return { kind: 'retry', message: res.message, offline: res.kind === 'offline' };
    }
    // A change the restored server now refuses stays as it is on this device.
    refused += res.body.results.filter((r) => r.kind === 'rejected').length;
    i += batch.length;
  }
  await tables.epochs.put({ teamId, epoch, resend: 0 });
  return { kind: 'resent', resent: journal.length, refused };
}
