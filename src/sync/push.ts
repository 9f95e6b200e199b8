/**
 * Drains the outbox to the server in order. The server answers per mutation:
 * applied and duplicate rows leave the outbox; a rejected one moves to the
 * "needs attention" list and never blocks the rest. Nothing the server did not
 * accept is ever deleted. A 413 halves the batch, and the rest of the pass
 * keeps the size the server took (a server that takes fewer changes at a time,
 * such as one not yet upgraded beside others, answers 413 to every larger
 * batch) until a change too large even alone is set aside; a 400 on a whole
 * batch is narrowed down the same way until the one bad mutation is found and
 * set aside, leaving the pass's size as it was (docs/decisions/0038).
 */
import type { Api, ReadyPush, Since } from './api.ts';
import type { GroundUpDb, OutboxRow } from '../db/schema.ts';
import type { PushRequest, PushResult } from '../domain/protocol.ts';
import { forgetRejected, resetToServer } from '../db/apply.ts';
import { syncedTables } from '../db/syncedTables.ts';
import { LIMITS } from '../domain/records.ts';
import { journalAcked } from './journal.ts';
import { restoreTables } from '../db/restoreTables.ts';
import { refusalWords } from '../ui/refusalWords.ts';
import { en, t } from './sync.en.ts';

export type PushOutcome =
  | { readonly kind: 'done'; readonly pushed: number; readonly rejected: number }
  /**
   * A push that named `since` was not taken (the server was restored, or cannot
   * check): ask with a pull first (restore.ts), then push again. Nothing more was sent.
   */
  | {
      readonly kind: 'ask-first';
      /** The server said it was restored (409), not only that it cannot check (404). */
      readonly restored: boolean;
      readonly pushed: number;
      readonly rejected: number;
    }
  | { readonly kind: 'signed-out'; readonly message: string }
  | { readonly kind: 'retry'; readonly message: string; readonly offline: boolean };

/**
 * The most the server takes in one request (500 since 3 December 2026; 200
 * before): fewer round trips per sync.
 */
export const DEFAULT_BATCH: number = LIMITS.pushBatch;

async function settle(
  db: GroundUpDb,
  rows: readonly OutboxRow[],
  results: readonly PushResult[],
  now: number,
  teamId: string | null = null,
  /** The push's JSON as sent (it held exactly `rows`), journalled as it is when all were taken. */
  sent?: string,
) {
  const byId = new Map(results.map((r) => [r.id, r]));
  /** Refused only because this phone's clock is ahead: kept waiting, with the server's words. */
  const held = new Map<string, string>();
  let accepted = 0;
  let rejected = 0;
  const undo: {
    row: OutboxRow;
    current: NonNullable<Extract<PushResult, { kind: 'rejected' }>['current']> | null;
  }[] = [];
  const settled: OutboxRow[] = [];
  const refused: number[] = [];
  // Only a refusal touches the records (undone to the server's state) or "needs attention";
  // a push all accepted writes the outbox and the journal alone. Holding every synced table
  // for it would make each push wait for a screen's long read of the ideas (and the screen
  // for it): a sync of 10,000 ideas with the app open took twice as long.
  const refusal = results.some((r) => r.kind === 'rejected' && r.code !== 'clock-ahead');
  const scope = refusal ? [db.rejected, ...syncedTables(db)] : [restoreTables(db).journal];
  await db.transaction('rw', [db.outbox, ...scope], async () => {
    for (const row of rows) {
      const r = byId.get(row.mutationId);
      if (!r || row.seq === undefined) continue; // no answer: keep it, resend later
      if (r.kind === 'rejected' && r.code === 'clock-ahead') {
        // Safe in the outbox; sent again, stamped anew (restamp.ts). In the person's language.
        held.set(row.mutationId, refusalWords(r));
        await db.outbox.update(row.seq, { clockAhead: 1 });
      } else if (r.kind === 'rejected') {
        await db.rejected.put({
          mutationId: row.mutationId,
          entity: row.entity,
          entityId: row.entityId,
          mutation: row.mutation,
          reason: r.reason,
          ...(r.code !== undefined ? { code: r.code } : {}),
          ...(r.field !== undefined ? { field: r.field } : {}),
          rejectedAt: now,
        });
        rejected++;
        await forgetRejected(db, row.mutation);
        if (r.current !== undefined) undo.push({ row, current: r.current });
        refused.push(row.seq);
      } else {
        accepted++;
        settled.push(row);
      }
    }
    // What the person sees must match what the team has: undo rejected changes
    // locally. The server's state was taken when it judged the rejected change,
    // before it applied the batch's later changes, so the undo re-applies every
    // change of the entity still in the outbox: those waiting, and those of this
    // batch the server accepted (again, harmlessly, for the earlier ones).
    await db.outbox.bulkDelete(refused);
    for (const { row, current } of undo)
      await resetToServer(db, row.entity, row.entityId, current, teamId);
    // Journalled for a server restored from a backup (journal.ts) as they leave the outbox.
    if (teamId !== null)
      await journalAcked(
        db,
        settled,
        teamId,
        now,
        settled.length === rows.length ? sent : undefined,
      );
    const seqs = settled.flatMap((r) => (r.seq === undefined ? [] : [r.seq]));
    // The whole batch (its rows are the outbox's first, in order): one range delete,
    // where a delete per row cost a request each.
    const first = rows[0]?.seq;
    const last = rows.at(-1)?.seq;
    if (seqs.length === rows.length && first !== undefined && last !== undefined)
      await db.outbox.where('seq').between(first, last, true, true).delete();
    else await db.outbox.bulkDelete(seqs);
  });
  return { accepted, rejected, held };
}

/**
 * The outbox's first `n` rows after `seq` (from the start when undefined), in
 * order. Reading on from the last row sent seeks past the rows just deleted,
 * where reading from the start again walks over each of them.
 */
const waitingAfter = (db: GroundUpDb, seq: number | undefined, n: number) =>
  (seq === undefined ? db.outbox.orderBy('seq') : db.outbox.where('seq').above(seq))
    .limit(n)
    .toArray();

/**
 * True when the server answered every row and held none for this phone's
 * clock: the next batch may go before this one is settled.
 */
function plainAnswer(rows: readonly OutboxRow[], results: readonly PushResult[]): boolean {
  const answered = new Set<string>();
  for (const r of results) {
    if (r.kind === 'rejected' && r.code === 'clock-ahead') return false;
    answered.add(r.id);
  }
  return rows.every((row) => answered.has(row.mutationId));
}

export async function pushOutbox(
  db: GroundUpDb,
  api: Api,
  session: { token: string; teamId: string },
  now: () => number,
  batchSize = DEFAULT_BATCH,
  /** Where this phone last saw the server, checked by the server with each batch. */
  since?: Since,
): Promise<PushOutcome> {
  /** This pass's batch size: what the server took after a 413. */
  let size = batchSize;
  let batch = size;
  let pushed = 0;
  let rejected = 0;
  // A batch the server answered plainly is settled while the next ones are in flight, and
  // the next one is read while this one is: a sync of 10,000 spent as long in these
  // reads and writes as in its requests. One settling at a time, in order, each after
  // the one before (a failure skips those after it: their rows stay, sent again later).
  /** The last settle begun, chained after every one before it. */
  let settling: Promise<void> = Promise.resolve();
  /** The settle begun before that one: the next batch goes once it is done. */
  let settledBefore: Promise<void> = Promise.resolve();
  /** The batch just answered, settled once the next is on its way (see below). */
  let toSettle: (() => Promise<void>) | null = null;
  const startSettling = () => {
    const job = toSettle;
    if (job === null) return;
    toSettle = null;
    settledBefore = settling;
    settling = settling.then(job);
    settling.catch(() => undefined); // thrown where awaited: before a later batch goes, or at the end
  };
  const request = (rows: readonly OutboxRow[]): PushRequest => ({
    teamId: session.teamId as never,
    mutations: rows.map((r) => r.mutation),
  });
  let rows = await waitingAfter(db, undefined, batch);
  /** `rows` made ready to send while the batch before them was in flight. */
  let ready: ReadyPush | null = null;
  for (;;) {
    if (rows.length === 0) {
      startSettling();
      await settling;
      // Saved while the last batch was on its way, after the read ahead: this pass sends it.
      rows = await waitingAfter(db, undefined, batch);
      if (rows.length === 0) return { kind: 'done', pushed, rejected };
    }
    // Made ready here for the first batch (api.push would), so that its JSON is journalled too.
    const body = ready ?? (await api.ready(request(rows)));
    const sending = api.push(session.token, body, since);
    // The next batch, read and made ready to send (JSON, packed) while this one is in flight.
    const ahead = waitingAfter(db, rows.at(-1)?.seq, size).then(async (next) => ({
      next,
      ready: next.length > 0 ? await api.ready(request(next)) : null,
    }));
    ahead.catch(() => undefined); // handled where awaited below, whichever way the answer goes
    // After the read above: IndexedDB runs a transaction only after those begun before it
    // that share a table, and the read is on the next request's way, the settle is not.
    // Settled before it, the read waited for it in every batch of a long sync.
    startSettling();
    ready = null;
    const res = await sending;
    if (res.kind === 'ok' && plainAnswer(rows, res.body.results)) {
      // Not the batch before, whose settle may still be running (it waited behind the
      // read of this answer's next batch): the one before that. So at most two answered
      // batches wait to be settled, and a failure to settle stops the pass here.
      await settledBefore;
      const sent = rows;
      const { results } = res.body;
      const at = now();
      toSettle = () =>
        settle(db, sent, results, at, session.teamId, body.text).then((s) => {
          pushed += s.accepted;
          rejected += s.rejected;
        });
      try {
        ({ next: rows, ready } = await ahead);
      } catch (err) {
        startSettling(); // what the server answered is settled even so
        await settling;
        throw err;
      }
      batch = size;
      continue;
    }
    // Anything else is settled before another batch goes, and the next read starts
    // from the outbox's first row again.
    await ahead.catch(() => undefined);
    await settling;
    if (res.kind === 'restored' || res.kind === 'unchecked')
      return { kind: 'ask-first', restored: res.kind === 'restored', pushed, rejected };
    const next = async () => {
      rows = await waitingAfter(db, undefined, batch);
    };
    if (res.kind === 'ok') {
      const s = await settle(db, rows, res.body.results, now(), session.teamId);
      // Held for this phone's clock: the server holds back the rest of a batch behind it
      // (a comment may need the idea held), so the later batches wait for another pass
      // too, marked like the held ones so that restamp.ts stamps them anew with them.
      const words = [...s.held.values()][0];
      if (words !== undefined) {
        const last = rows.at(-1)?.seq;
        if (last !== undefined) await db.outbox.where('seq').above(last).modify({ clockAhead: 1 });
        return { kind: 'retry', message: words, offline: false };
      }
      if (s.accepted + s.rejected + s.held.size === 0) {
        return {
          kind: 'retry',
          message: t('noAnswerForChanges'),
          offline: false,
        };
      }
      pushed += s.accepted;
      rejected += s.rejected;
      batch = size;
      await next();
      continue;
    }
    if (res.kind === 'too-large' || res.kind === 'bad-request') {
      if (rows.length > 1) {
        batch = Math.ceil(rows.length / 2);
        if (res.kind === 'too-large') size = batch;
        await next();
        continue;
      }
      const only = rows[0];
      if (!only) continue;
      const reason = res.kind === 'too-large' ? en.tooLarge : res.message;
      const s = await settle(db, rows, [{ id: only.mutationId, kind: 'rejected', reason }], now());
      rejected += s.rejected;
      // One change too large even alone, set aside: the batches after it may be full-sized
      // again. (One set aside for a 400 leaves a size learned from an earlier 413.)
      if (res.kind === 'too-large') size = batchSize;
      batch = size;
      await next();
      continue;
    }
    if (res.kind === 'unauthorised' || res.kind === 'forbidden') {
      return { kind: 'signed-out', message: res.message };
    }
    return { kind: 'retry', message: res.message, offline: res.kind === 'offline' };
  }
}
