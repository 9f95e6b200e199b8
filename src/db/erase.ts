/**
 * A facilitator erased the words of an idea or comment (docs/decisions/
 * 0015-erasure.md): once this phone applies that change (apply.ts), the words
 * leave every other place it keeps them too: changes still waiting to be sent
 * (outbox), changes the server refused ("needs attention"), the journal of
 * acknowledged changes kept for a restored server (`ackedPushes`), and the record's
 * own row even if a change of this phone stamped later had kept them. The
 * status history holds no words. Runs inside the applying transaction, which
 * covers these tables (syncedTables).
 */
import type { Table } from 'dexie';
import { KINDS } from '../domain/entityKinds.ts';
import { ERASED_FIELDS, holdsWords, scrubFields, type ErasableKind } from '../domain/moderation.ts';
import type { Mutation } from '../domain/protocol.ts';
import { searchWords } from '../domain/search.ts';
import { journalled, type JournalRow } from './journalRows.ts';
import { restoreTables } from './restoreTables.ts';
import type { GroundUpDb } from './schema.ts';

const scrubMutation = (kind: ErasableKind, m: Mutation): Mutation =>
  ({ ...m, fields: scrubFields(kind, m.fields) }) as Mutation;

export async function purgeErased(db: GroundUpDb, kind: ErasableKind, id: string): Promise<void> {
  const table = db.table<Record<string, unknown>, string>(KINDS[kind].table);
  const row = await table.get(id);
  if (row && holdsWords(kind, row)) {
    const blank: Record<string, unknown> = { ...row, ...ERASED_FIELDS[kind] };
    if (kind === 'idea') blank['words'] = searchWords(String(blank['title'] ?? ''));
    await table.put(blank);
  }
  // The kind's changes waiting to be sent, refused, or kept for a restored server.
  const scrub = async <R extends { mutation: Mutation }>(table: Table<R>, rows: R[]) => {
    for (const r of rows)
      if (r.mutation.entity === kind)
        await table.put({ ...r, mutation: scrubMutation(kind, r.mutation) });
  };
  await scrub(db.outbox, await db.outbox.where('entityId').equals(id).toArray());
  await scrub(db.rejected, await db.rejected.where('entityId').equals(id).toArray());
  const { journal } = restoreTables(db);
  const itsOwn = (m: Mutation) => m.entity === kind && m.entityId === id;
  // A row kept as the push's JSON is read only if the id is in its text; it is kept as
  // objects once scrubbed.
  const mayHold = (p: JournalRow) => (p.sent !== undefined ? p.sent.includes(id) : true);
  for (const push of await journal.filter(mayHold).toArray()) {
    const mutations = journalled(push);
    if (!mutations.some(itsOwn)) continue;
    await journal.put({
      upTo: push.upTo,
      teamId: push.teamId,
      mutations: mutations.map((m) => (itsOwn(m) ? scrubMutation(kind, m) : m)),
      ackedAt: push.ackedAt,
    });
  }
}
