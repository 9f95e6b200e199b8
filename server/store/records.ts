/**
 * Reading and writing every kind of record, driven by the registry
 * (src/domain/entities.ts): one table (`records`, keyed by id and entity,
 * migration 0013) for all but the team's own fields, which live on its
 * `teams` row. Values and stamps are JSON text so one set of queries serves
 * SQLite and PostgreSQL.
 *
 * `RecordCache` is a push's view of the records it touches: loaded in a few
 * batched queries before judging, updated in memory as each mutation applies
 * (so later mutations of the batch see earlier ones), then handed to push.ts
 * as rows, which it writes with the rest of the push: an insert of the new
 * records, an upsert of the changed (bulk.ts).
 */
import { chartSvgProblem } from './chartSvg.ts';
import type { Kysely } from 'kysely';
import { oneOf, type BulkInsert } from './bulk.ts';
import { ENTITIES, type EntityName, type Ref } from '../../src/domain/entities.ts';
import type { VoteLike } from '../../src/domain/huddle.ts';
import type { Hlc } from '../../src/domain/hlc.ts';
import type { Fields, Stamped, Stamps } from '../../src/domain/merge.ts';
import type { Facts } from '../../src/domain/rules/facts.ts';
import { asVote } from '../../src/domain/rules/huddleRules.ts';
import type { Existing } from '../../src/domain/rules/verdict.ts';
import type { Database } from './schema.ts';

/**
 * A record's stamps as `records.stamps` holds them (decision 0040): one stamp
 * under the key `""` for every field that has no stamp of its own, then the
 * fields stamped otherwise. A new record's fields all carry its one change's
 * stamp, so it keeps one stamp, not one per field: 44 bytes, not 456, and
 * the bench's ideas take half the room in `records`, which SQLite writes to
 * its log at every commit and PostgreSQL reads as one parameter of a push's
 * statement.
 * No field is named `""` (every kind's fields are a strict schema).
 * The stamps stay one per field when `fields` and `stamps` do not name the
 * same fields (the team's own row, whose fields are stamped once changed),
 * and when no two fields share a stamp. toStamped reads both forms, so rows
 * written before keep their meaning.
 */
export function stampsText(fields: Fields, stamps: Stamps): string {
  const names = Object.keys(stamps);
  if (names.length < 2 || !sameNames(fields, names)) return JSON.stringify(stamps);
  // The usual case, a record one change made: every field carries the same stamp.
  const first = stamps[names[0]!]!;
  if (names.every((name) => stamps[name] === first)) return JSON.stringify({ [SHARED]: first });
  const counts = new Map<string, number>();
  let common = stamps[names[0]!]!;
  let most = 0;
  for (const name of names) {
    const stamp = stamps[name]!;
    const n = (counts.get(stamp) ?? 0) + 1;
    counts.set(stamp, n);
    if (n > most) [common, most] = [stamp, n];
  }
  if (most < 2) return JSON.stringify(stamps);
  // Entries, not assignments: a name like "__proto__" stays a field (JSON.parse reads it so).
  const own = names.filter((name) => stamps[name] !== common).map((name) => [name, stamps[name]]);
  return JSON.stringify(Object.fromEntries([[SHARED, common], ...own]));
}

/** The key of `records.stamps` that stands for every field without a stamp of its own. */
const SHARED = '';

function sameNames(fields: Fields, names: readonly string[]): boolean {
  if (Object.keys(fields).length !== names.length) return false;
  return names.every((name) => Object.hasOwn(fields, name));
}

/** A record's state from its row's `fields` and `stamps` (either form: stampsText). */
export function toStamped(fields: string, stamps: string): Stamped {
  const values = JSON.parse(fields) as Fields;
  const stored = JSON.parse(stamps) as Record<string, Hlc>;
  if (!Object.hasOwn(stored, SHARED)) return { fields: values, stamps: stored };
  const common = stored[SHARED]!;
  const names = Object.keys(values);
  const stampOf = (name: string) => (Object.hasOwn(stored, name) ? stored[name]! : common);
  return { fields: values, stamps: Object.fromEntries(names.map((n) => [n, stampOf(n)])) };
}

/** Another team created a record under one of our ids meanwhile: rerun the push. */
export class RecordClaimed extends Error {
  constructor() {
    super('a record id was claimed by another team meanwhile');
  }
}

/** A record as a push sees it. */
type Held = {
  teamId: string;
  createdBy: string;
  state: Stamped;
  /** The sequence number of the change that last touched it in this push; null: unchanged. */
  dirtySeq: number | null;
  /** Made by this push: no row for it yet. */
  fresh?: boolean;
  /** JSON of `state.fields` when the caller had it already (a new record's are its change's). */
  fieldsText?: string | undefined;
};

/** The columns of `records` a RecordCache holds a record by: load() and push.ts's first look read these. */
export const HELD_COLUMNS = ['id', 'team_id', 'created_by', 'fields', 'stamps'] as const;
export type HeldRow = { [C in (typeof HELD_COLUMNS)[number]]: string };

/** A HeldRow from a row read as an array in HELD_COLUMNS' order (bulk.ts `jsonRows`). */
export function heldRow(values: readonly unknown[]): HeldRow {
  if (values.length !== HELD_COLUMNS.length)
    throw new Error(`a records row of ${values.length} columns, not ${HELD_COLUMNS.length}`);
  const [id, team_id, created_by, fields, stamps] = values.map(String) as [
    string,
    string,
    string,
    string,
    string,
  ];
  return { id, team_id, created_by, fields, stamps };
}

const key = (kind: EntityName, id: string) => `${kind}\u0000${id}`;
const groupKey = (huddleId: string, voter: string) => `${huddleId}\u0000${voter}`;

export class RecordCache implements Facts {
  /** null: looked up, none held. */
  private readonly held = new Map<string, Held | null>();
  /** (huddle, voter) → the ids of that voter's votes in that huddle. */
  private readonly groups = new Map<string, Set<string>>();
  private dirty: { kind: EntityName; id: string }[] = [];
  /** The organisation the team is linked to (org records need one), and which teams are in it. */
  private orgId: string | null = null;
  private readonly orgTeams = new Set<string>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly teamId: string,
  ) {}

  /** Load every record named (once each), in one query per kind. */
  async load(refs: readonly Ref[]): Promise<void> {
    for (const [kind, ids] of await this.toLoad(refs)) {
      const rows = await this.db
        .selectFrom('records')
        .select(HELD_COLUMNS)
        .where('entity', '=', kind)
        .where(oneOf(this.db, 'id', ids))
        .execute();
      for (const r of rows) this.hold(kind, r);
    }
  }

  /**
   * The records named that are not held yet, by kind, now counted as looked
   * up (none held until `hold` gives one); the team's own row is read here.
   * For load(), and for push.ts, which reads them in one query with the rest
   * of what a push must know first.
   */
  async toLoad(refs: readonly Ref[]): Promise<Map<EntityName, string[]>> {
    const want = new Map<EntityName, string[]>();
    for (const r of refs) {
      const k = key(r.kind, r.id);
      if (this.held.has(k)) continue;
      this.held.set(k, null);
      if (ENTITIES[r.kind].store === 'team') {
        if (r.id === this.teamId) await this.loadTeam();
        continue;
      }
      let ids = want.get(r.kind);
      if (!ids) want.set(r.kind, (ids = []));
      ids.push(r.id);
    }
    return want;
  }

  /** A row of `records` read for `toLoad` (its HELD_COLUMNS). */
  hold(kind: EntityName, r: HeldRow): void {
    this.held.set(key(kind, r.id), {
      teamId: r.team_id,
      createdBy: r.created_by,
      state: toStamped(r.fields, r.stamps),
      dirtySeq: null,
    });
  }

  private async loadTeam(): Promise<void> {
    const row = await this.db
      .selectFrom('teams')
      .select(['name', 'categories', 'stamps'])
      .where('id', '=', this.teamId)
      .executeTakeFirstOrThrow();
    this.held.set(key('team', this.teamId), {
      teamId: this.teamId,
      createdBy: '',
      state: {
        fields: { name: row.name, categories: row.categories },
        stamps: JSON.parse(row.stamps) as Stamps,
      },
      dirtySeq: null,
    });
  }

  /** Load the votes of these (huddle, voter) pairs: at most a shortlist's worth each. */
  async loadVoters(pairs: readonly { huddleId: string; voter: string }[]): Promise<void> {
    const todo = pairs.filter((p) => !this.groups.has(groupKey(p.huddleId, p.voter)));
    for (const p of todo) this.groups.set(groupKey(p.huddleId, p.voter), new Set());
    if (todo.length > 0) {
      const rows = await this.db
        .selectFrom('records')
        .select(['id', 'team_id', 'created_by', 'parent_id', 'group_key', 'fields', 'stamps'])
        .where('entity', '=', 'vote')
        .where(oneOf(this.db, 'parent_id', [...new Set(todo.map((p) => p.huddleId))]))
        .where(oneOf(this.db, 'group_key', [...new Set(todo.map((p) => p.voter))]))
        .execute();
      for (const r of rows) {
        const group = this.groups.get(groupKey(r.parent_id ?? '', r.group_key ?? ''));
        if (!group) continue; // another pair's huddle with this pair's voter
        group.add(r.id);
        if (!this.held.get(key('vote', r.id)))
          this.held.set(key('vote', r.id), {
            teamId: r.team_id,
            createdBy: r.created_by,
            state: toStamped(r.fields, r.stamps),
            dirtySeq: null,
          });
      }
    }
  }

  setOrganisation(orgId: string | null): void {
    this.orgId = orgId;
  }

  /** Which of the teams owning a loaded share are in the organisation (for `orgShare`). */
  async loadOrgTeams(): Promise<void> {
    if (this.orgId === null) return;
    const owners = new Set<string>();
    for (const [k, h] of this.held) if (h && k.startsWith('share\u0000')) owners.add(h.teamId);
    if (owners.size === 0) return;
    const rows = await this.db
      .selectFrom('team_orgs')
      .select('team_id')
      .where('org_id', '=', this.orgId)
      .where(oneOf(this.db, 'team_id', [...owners]))
      .execute();
    for (const r of rows) this.orgTeams.add(r.team_id);
  }

  organisation(): string | null {
    return this.orgId;
  }

  chartProblem(svg: string): string | null {
    return chartSvgProblem(svg);
  }

  orgShare(shareId: string): { readonly withdrawn: boolean } | null {
    const h = this.held.get(key('share', shareId));
    if (!h || !this.orgTeams.has(h.teamId)) return null;
    return { withdrawn: h.state.fields['withdrawn'] === true };
  }

  record(kind: EntityName, id: string): Existing {
    const k = key(kind, id);
    if (!this.held.has(k)) throw new Error(`push looked up ${kind} ${id} without loading it`);
    const h = this.held.get(k);
    if (!h) return { kind: 'none' };
    if (h.teamId !== this.teamId) return { kind: 'other-team' };
    return { kind: 'own', createdBy: h.createdBy, state: h.state };
  }

  votesOf(huddleId: string, voter: string): VoteLike[] {
    const group = this.groups.get(groupKey(huddleId, voter));
    if (!group) throw new Error(`push looked up the votes of ${voter} without loading them`);
    return [...group].flatMap((id) => {
      const h = this.held.get(key('vote', id));
      return h ? (asVote(h.state.fields) ?? []) : [];
    });
  }

  /** Record a new merged state applied by the change numbered `seq`. */
  put(
    kind: EntityName,
    id: string,
    createdBy: string,
    state: Stamped,
    seq: number,
    fieldsText?: string,
  ): void {
    const k = key(kind, id);
    const h = this.held.get(k);
    if (h) {
      if (h.dirtySeq === null) this.dirty.push({ kind, id });
      h.state = state;
      h.dirtySeq = seq;
      h.fieldsText = fieldsText;
    } else {
      this.held.set(k, {
        teamId: this.teamId,
        createdBy,
        state,
        dirtySeq: seq,
        fresh: true,
        fieldsText,
      });
      this.dirty.push({ kind, id });
    }
    const group = ENTITIES[kind] as { group?: (f: Fields) => string | null };
    const voter = group.group?.(state.fields);
    const huddleId = state.fields['huddleId'];
    if (voter && typeof huddleId === 'string') this.groups.get(groupKey(huddleId, voter))?.add(id);
  }

  /**
   * The rows of every record changed since the last call, for push.ts to
   * write with the rest of the push: the new records' for RECORDS_INSERT (a
   * plain insert, cheaper than an upsert on PostgreSQL, which checks every row
   * for a conflict first), the changed records' for RECORDS_UPSERT, which never
   * touches another team's row. The team's own row is written here.
   */
  async takeRows(): Promise<{ fresh: Database['records'][]; changed: Database['records'][] }> {
    const fresh: Database['records'][] = [];
    const changed: Database['records'][] = [];
    for (const { kind, id } of this.dirty) {
      const h = this.held.get(key(kind, id))!;
      const seq = h.dirtySeq!;
      h.dirtySeq = null;
      const def = ENTITIES[kind];
      if (def.store === 'team') {
        await this.db
          .updateTable('teams')
          .set({
            name: String(h.state.fields['name']),
            categories: String(h.state.fields['categories']),
            stamps: JSON.stringify(h.state.stamps),
          })
          .where('id', '=', this.teamId)
          .execute();
        continue;
      }
      (h.fresh ? fresh : changed).push(recordRow(kind, id, this.teamId, h, seq));
      h.fresh = false;
    }
    this.dirty = [];
    return { fresh, changed };
  }
}

const RECORD_COLUMNS: BulkInsert<Database['records']>['columns'] = [
  { name: 'entity', pg: 'text' },
  { name: 'id', pg: 'text' },
  { name: 'team_id', pg: 'text' },
  { name: 'created_by', pg: 'text' },
  { name: 'parent_id', pg: 'text' },
  { name: 'group_key', pg: 'text' },
  { name: 'fields', pg: 'text' },
  { name: 'stamps', pg: 'text' },
  { name: 'updated_seq', pg: 'bigint' },
];

/** A push's new records. */
export const RECORDS_INSERT: BulkInsert<Database['records']> = {
  table: 'records',
  columns: RECORD_COLUMNS,
};

/** A push's changed records: never another team's row. */
export const RECORDS_UPSERT: BulkInsert<Database['records']> = {
  table: 'records',
  columns: RECORD_COLUMNS,
  tail:
    'on conflict ("entity", "id") do update set "fields" = excluded."fields", ' +
    '"stamps" = excluded."stamps", "updated_seq" = excluded."updated_seq" ' +
    'where "records"."team_id" = $team returning "id"',
};

/** The row of a record: its parent and group columns come from the registry. */
function recordRow(
  kind: EntityName,
  id: string,
  teamId: string,
  h: Held,
  seq: number,
): Database['records'] {
  const def = ENTITIES[kind] as {
    parent: { field: string } | null;
    group?: (f: Fields) => string | null;
  };
  const { fields, stamps } = h.state;
  const parent = def.parent ? fields[def.parent.field] : null;
  return {
    entity: kind,
    id,
    team_id: teamId,
    created_by: h.createdBy,
    parent_id: typeof parent === 'string' ? parent : null,
    group_key: def.group?.(fields) ?? null,
    fields: h.fieldsText ?? JSON.stringify(fields),
    stamps: stampsText(fields, stamps),
    updated_seq: seq,
  };
}

/** One record of a team, as the server holds it (for tests and the store's readEntity). */
export async function readRecord(
  db: Kysely<Database>,
  teamId: string,
  kind: EntityName,
  id: string,
): Promise<{ createdBy: string; state: Stamped } | null> {
  const cache = new RecordCache(db, teamId);
  await cache.load([{ kind, id }]);
  const found = cache.record(kind, id);
  return found.kind === 'own' ? { createdBy: found.createdBy, state: found.state } : null;
}
