/**
 * Applying a mutation (our own, or one pulled from the server) to the local
 * tables through the domain merge rule, and undoing a change the server
 * rejected: one path for every kind of record, driven by the registry
 * (src/domain/entities.ts), as Dexie Cloud's applyServerChanges loops over
 * `db.table(name)`. Called only inside a transaction that covers the tables
 * touched (`syncedTables`).
 */
import type { Table } from 'dexie';
import { KINDS, type EntityName } from '../domain/entityKinds.ts';
import type { Hlc } from '../domain/hlc.ts';
import { merge, stampAll, EMPTY, type FieldsIn, type Stamped } from '../domain/merge.ts';
import type { EntityState } from '../domain/protocol.ts';
import type { IdeaStatus } from '../domain/records.ts';
import { isErasable } from '../domain/moderation.ts';
import { searchWords } from '../domain/search.ts';
import { purgeErased } from './erase.ts';
import type { GroundUpDb } from './schema.ts';

type Change = { entity: EntityName; entityId: string; fields: FieldsIn; hlc: Hlc };
type Row = {
  id: string;
  stamps: object;
  teamId?: string | null;
  mine?: 0 | 1 | 2;
  anonNode?: string;
};
/**
 * `mine`: an idea just captured on this device, under an id made for it (so
 * it has no row yet: nothing to read). `replace`: see `put`.
 */
type Opts = { mine?: boolean; replace?: boolean };

/** The Dexie table of a kind, as the registry names it. */
export function tableOf(db: GroundUpDb, entity: EntityName): Table<Row, string> {
  return db.table(KINDS[entity].table);
}

/**
 * Columns the device derives from a record for its own indexes; never synced.
 * The only per-kind code on the apply path.
 */
const DERIVED: Partial<
  Record<EntityName, (merged: Stamped, row: Row | undefined, o: Opts) => object>
> = {
  idea: (merged, row, o) => {
    const createdAt = merged.fields['createdAt'];
    const capturedHere = (row?.mine ?? 0) !== 0 || o.mine === true;
    return {
      /** 1 when captured on this device (for "My ideas"), 2 once deleted. */
      mine: capturedHere ? (merged.fields['deleted'] === true ? 2 : 1) : 0,
      /** This device's node for its anonymous idea's stamps (writes.ts `anonymise`). */
      ...(row?.anonNode ? { anonNode: row.anonNode } : {}),
      /** createdAt, or 0 while unknown; indexed for "newest first". */
      sortKey: typeof createdAt === 'number' ? createdAt : 0,
      words: searchWords(
        `${String(merged.fields['title'] ?? '')} ${String(merged.fields['detail'] ?? '')}`,
      ),
    };
  },
};

function stampedOf(row: Row | undefined): Stamped {
  if (!row) return EMPTY;
  const r = row as unknown as Record<string, Stamped['fields'][string] | undefined>;
  const fields: Record<string, Stamped['fields'][string]> = {};
  for (const k of Object.keys(row.stamps)) fields[k] = r[k] ?? null;
  return { fields, stamps: row.stamps as Stamped['stamps'] };
}

/**
 * Merge `incoming` into the record's row. With `replace`, the row's synced
 * fields are first dropped (local-only ones such as `mine` are kept).
 */
async function put(
  db: GroundUpDb,
  entity: EntityName,
  entityId: string,
  incoming: Stamped,
  teamId: string | null,
  opts: Opts = {},
): Promise<void> {
  const table = tableOf(db, entity);
  // Save's path: a capture's fresh id has no row, so it is not looked for.
  const row = opts.mine ? undefined : await table.get(entityId);
  const merged = merge(opts.replace ? EMPTY : stampedOf(row), incoming);
  await table.put(rowOf(entity, entityId, merged, row, teamId, opts));
}

/**
 * The row stored for a record merged to `merged`, given its row before
 * (`undefined`: none). Exported so that the bench seeds rows exactly as they
 * are written here (bench/page/harness.ts).
 */
export function rowOf(
  entity: EntityName,
  entityId: string,
  merged: Stamped,
  row: Row | undefined,
  teamId: string | null,
  opts: Opts = {},
): Row {
  const def = KINDS[entity];
  const parent: { field: string } | null = def.parent;
  return {
    ...merged.fields,
    id: entityId,
    stamps: merged.stamps,
    // The team's own row names no team; every other record keeps the team it arrived in.
    ...(def.store === 'team' ? {} : { teamId: row?.teamId ?? teamId }),
    // The parent id is indexed, so it is always a string.
    ...(parent ? { [parent.field]: String(merged.fields[parent.field] ?? '') } : {}),
    ...DERIVED[entity]?.(merged, row, opts),
  };
}

/** Merge one change into its table. `mine` marks an idea captured on this device. */
export async function applyChange(
  db: GroundUpDb,
  change: Change,
  teamId: string | null,
  mine = false,
) {
  // The record and its history are asked for together: one round trip, not two.
  await Promise.all([
    put(db, change.entity, change.entityId, stampAll(change.fields, change.hlc), teamId, { mine }),
    HISTORY[change.entity]?.kept(db, change),
  ]);
  // A facilitator's erase: the words leave the outbox, "needs attention" and the journal too.
  if (change.fields['erased'] === true && isErasable(change.entity))
    await purgeErased(db, change.entity, change.entityId);
}

/** A rejected change never happened: drop what its kind's history recorded of it. */
export async function forgetRejected(db: GroundUpDb, change: Change): Promise<void> {
  await HISTORY[change.entity]?.forgotten(db, change);
}

/**
 * What a kind keeps of each change besides the record: an idea's status
 * history (who moved it, when). Keyed by kind like DERIVED; nothing else on
 * the apply path is per kind.
 */
const HISTORY: {
  readonly [K in EntityName]?: {
    kept(db: GroundUpDb, change: Change): Promise<void>;
    forgotten(db: GroundUpDb, change: Change): Promise<void>;
  };
} = {
  idea: {
    async kept(db, change) {
      const { status, statusBy: by, statusAt: at } = change.fields;
      if (typeof status !== 'string') return;
      await db.statusLog.put({
        ideaId: change.entityId,
        hlc: change.hlc,
        status: status as IdeaStatus,
        by: typeof by === 'string' ? by : null,
        at: typeof at === 'number' ? at : null,
      });
    },
    async forgotten(db, change) {
      if ('status' in change.fields) await db.statusLog.delete([change.entityId, change.hlc]);
    },
  },
};

/**
 * The server rejected a change: put the record back to the server's state
 * (`null`: the server has none), then re-apply this device's changes to it that
 * are still waiting in the outbox. Must run in a transaction covering the
 * synced tables and the outbox.
 */
export async function resetToServer(
  db: GroundUpDb,
  entity: EntityName,
  entityId: string,
  current: EntityState | null,
  teamId: string | null,
): Promise<void> {
  const pending = (await db.outbox.where('entityId').equals(entityId).sortBy('seq')).filter(
    (row) => row.entity === entity,
  );
  if (current === null && pending.length === 0) {
    await tableOf(db, entity).delete(entityId);
    return;
  }
  await put(db, entity, entityId, current ?? EMPTY, teamId, { replace: true });
  for (const row of pending) await applyChange(db, row.mutation, teamId);
}
