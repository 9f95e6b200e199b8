/**
 * Reading a team's change log after a cursor, a page at a time. Only what the
 * wire Change carries leaves the server: never who pushed a change.
 */
import type { Kysely } from 'kysely';
import type { Fields } from '../../src/domain/merge.ts';
import type { Change, PullResponse } from '../../src/domain/protocol.ts';
import type { Hlc } from '../../src/domain/hlc.ts';
import type { Database } from './schema.ts';

export async function pull(
  db: Kysely<Database>,
  teamId: string,
  cursor: number,
  limit: number,
): Promise<PullResponse> {
  const rows = await db
    .selectFrom('change_log')
    .select(['seq', 'mutation_id', 'entity', 'entity_id', 'fields', 'hlc'])
    .where('team_id', '=', teamId)
    .where('seq', '>', cursor)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const changes: Change[] = rows.slice(0, limit).map((r) => ({
    seq: Number(r.seq),
    mutationId: r.mutation_id,
    entity: r.entity,
    entityId: r.entity_id,
    fields: JSON.parse(r.fields) as Fields as Change['fields'],
    hlc: r.hlc as Hlc,
  }));
  const last = changes.at(-1);
  return { changes, cursor: last ? last.seq : cursor, more };
}
