/**
 * A facilitator erases the words of an idea or comment everywhere (an NHS
 * number typed by mistake): docs/decisions/0015-erasure.md. In ONE
 * transaction, after taking the team's next sequence number (teamCounter.ts,
 * as a push does):
 *
 * 1. the record's words in `records` are replaced by the blanks of
 *    src/domain/moderation.ts and it is marked erased (who, when, why);
 * 2. every earlier change-log row of the record is rewritten without its
 *    words, keeping its sequence number and stamp, so the cursor contract
 *    holds and a phone that joins later reads no words from the log;
 * 3. one change is appended that sets the blanks and `erased*`, stamped by the
 *    server later than every stamp the record holds, so every phone's merge
 *    takes it through the ordinary pull and the phone loses the words.
 *
 * `applied_mutations` holds ids and numbers only, `teams` and `members` no
 * record text. On SQLite, secure_delete (open.ts) zeroes the freed bytes and a
 * checkpoint after commit empties the write-ahead log of the old pages.
 */
import { sql, type Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { stampAfter, type Hlc } from '../../src/domain/hlc.ts';
import { applyFields } from '../../src/domain/idea.ts';
import { eraseChangeFields, scrubFields, type ErasableKind } from '../../src/domain/moderation.ts';
import type { Actor } from '../../src/domain/rules/verdict.ts';
import { stampsText, toStamped } from './records.ts';
import type { Database } from './schema.ts';
import { takeNextSeq } from './teamCounter.ts';

export { SERVER_NODE, stampAfter } from '../../src/domain/hlc.ts';

export type EraseOutcome =
  | { readonly kind: 'erased'; readonly seq: number; readonly hlc: Hlc }
  | { readonly kind: 'not-found' };

class NotFound extends Error {}

export async function eraseRecord(
  db: Kysely<Database>,
  actor: Actor,
  kind: ErasableKind,
  id: string,
  reason: string,
  now: number,
): Promise<EraseOutcome> {
  let outcome: EraseOutcome;
  try {
    outcome = await db.transaction().execute(async (trx) => {
      const seq = await takeNextSeq(trx, actor.teamId);
      if (seq === null) throw new NotFound();
      const row = await trx
        .selectFrom('records')
        .select(['fields', 'stamps'])
        .where('entity', '=', kind)
        .where('id', '=', id)
        .where('team_id', '=', actor.teamId)
        .executeTakeFirst();
      if (!row) throw new NotFound();
      const held = toStamped(row.fields, row.stamps);
      const hlc = stampAfter(held.stamps, now);
      const fields = eraseChangeFields(kind, actor.memberId, now, reason);
      const after = applyFields(held, fields, hlc);
      const kept = scrubFields(kind, after.fields);
      await trx
        .updateTable('records')
        .set({
          fields: JSON.stringify(kept),
          stamps: stampsText(kept, after.stamps),
          updated_seq: seq,
        })
        .where('entity', '=', kind)
        .where('id', '=', id)
        .execute();
      const history = await trx
        .selectFrom('change_log')
        .select(['seq', 'fields'])
        .where('team_id', '=', actor.teamId)
        .where('entity', '=', kind)
        .where('entity_id', '=', id)
        .execute();
      for (const change of history) {
        const scrubbed = JSON.stringify(
          scrubFields(kind, JSON.parse(change.fields) as Record<string, unknown>),
        );
        if (scrubbed === change.fields) continue;
        await trx
          .updateTable('change_log')
          .set({ fields: scrubbed })
          .where('team_id', '=', actor.teamId)
          .where('seq', '=', Number(change.seq))
          .execute();
      }
      const mutationId = uuidv7();
      await trx
        .insertInto('applied_mutations')
        .values({ id: mutationId, team_id: actor.teamId, seq, received_at: now })
        .execute();
      await trx
        .insertInto('change_log')
        .values({
          team_id: actor.teamId,
          seq,
          mutation_id: mutationId,
          entity: kind,
          entity_id: id,
          fields: JSON.stringify(fields),
          hlc,
          member_id: actor.memberId,
          received_at: now,
        })
        .execute();
      return { kind: 'erased', seq, hlc } as const;
    });
  } catch (err) {
    if (err instanceof NotFound) return { kind: 'not-found' };
    throw err;
  }
  return outcome;
}

/** SQLite: move the write-ahead log into the file and empty it, so old pages leave the disk. */
export async function checkpointSqlite(db: Kysely<Database>): Promise<void> {
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}
