/**
 * "Needs attention" as a person reads it: each change the server turned down,
 * with what it is about by name — the record's own title on this device, the
 * record it belongs to (the registry's `parent`: a vote's huddle, a comment's
 * idea, a point's measure), and for a vote the idea voted on — so the list
 * never says just "an idea in a huddle" (issue 17).
 */
import { ENTITIES, type EntityName } from '../domain/entities.ts';
import { fieldsOf } from '../domain/rules/common.ts';
import type { Fields } from '../domain/merge.ts';
import { rejectedList } from './queries.ts';
import type { GroundUpDb, RejectedRow } from './schema.ts';

/** A record this change is about: its kind in words ("huddle") and its name. */
export type AboutRecord = { readonly words: string; readonly name: string };

export type AttentionItem = {
  readonly row: RejectedRow;
  /** The changed record's own title or name on this device, if it has one. */
  readonly title: string | undefined;
  /** The records it belongs to, outermost last. */
  readonly about: readonly AboutRecord[];
};

const text = (x: unknown): string | undefined =>
  typeof x === 'string' && x.trim() !== '' ? x : undefined;

/** A record's name as people know it: its title, a measure's name, an ask's text. */
function nameOf(row: Record<string, unknown> | undefined): string | undefined {
  return text(row?.['title']) ?? text(row?.['name']) ?? text(row?.['text']);
}

async function record(db: GroundUpDb, kind: EntityName, id: unknown) {
  if (typeof id !== 'string') return undefined;
  return (await db.table(ENTITIES[kind].table).get(id)) as Record<string, unknown> | undefined;
}

async function aboutOf(
  db: GroundUpDb,
  kind: EntityName,
  f: Fields,
  own: Record<string, unknown> | undefined,
) {
  const out: AboutRecord[] = [];
  const parent = ENTITIES[kind].parent;
  const ideaId = f['ideaId'] ?? own?.['ideaId'];
  // A vote belongs to its huddle but is about an idea: name the idea first.
  if (parent && parent.kind !== 'idea' && ideaId !== undefined) {
    const name = nameOf(await record(db, 'idea', ideaId));
    if (name) out.push({ words: ENTITIES.idea.words, name });
  }
  if (parent) {
    const name = nameOf(await record(db, parent.kind, f[parent.field] ?? own?.[parent.field]));
    if (name) out.push({ words: ENTITIES[parent.kind].words, name });
  }
  return out;
}

export async function attentionItems(db: GroundUpDb): Promise<AttentionItem[]> {
  const rows = await rejectedList(db);
  return Promise.all(
    rows.map(async (row) => {
      const own = await record(db, row.entity, row.entityId);
      const f = fieldsOf(row.mutation);
      return { row, title: nameOf(own), about: await aboutOf(db, row.entity, f, own) };
    }),
  );
}
