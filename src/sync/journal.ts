/**
 * Remembers this device's acknowledged mutations (decision 0008): the push
 * call is wrapped so that, before push.ts deletes an acknowledged row from the
 * outbox, the mutation is copied into the `acked` journal. A crash between the
 * two leaves it in both, which is harmless (a resend is answered duplicate).
 * The journal keeps the newest ACKED_LIMIT mutations.
 */
import type { Mutation } from '../domain/protocol.ts';
import type { Api } from './api.ts';
import { ACKED_LIMIT, restoreTables, type AckedRow } from '../db/restoreTables.ts';
import type { GroundUpDb } from '../db/schema.ts';

/** The same Api, whose push journals what the server acknowledged. Unchanged without the tables. */
export function journaling(api: Api, db: GroundUpDb, now: () => number): Api {
  const tables = restoreTables(db);
  if (tables === null) return api;
  return {
    ...api,
    async push(token, body) {
      const res = await api.push(token, body);
      if (res.kind !== 'ok') return res;
      const sent = new Map<string, Mutation>();
      for (const m of body.mutations as readonly Mutation[]) sent.set(m.id, m);
      const at = now();
      const rows: AckedRow[] = res.body.results.flatMap((r) => {
        const m = sent.get(r.id);
        return m && (r.kind === 'applied' || r.kind === 'duplicate')
          ? [{ mutationId: m.id, teamId: body.teamId, hlc: m.hlc, mutation: m, ackedAt: at }]
          : [];
      });
      if (rows.length > 0) {
        await db.transaction('rw', tables.acked, async () => {
          await tables.acked.bulkPut(rows);
          const extra = (await tables.acked.count()) - ACKED_LIMIT;
          if (extra > 0) {
            await tables.acked.bulkDelete(
              await tables.acked.orderBy('hlc').limit(extra).primaryKeys(),
            );
          }
        });
      }
      return res;
    },
  };
}
