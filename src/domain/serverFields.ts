/**
 * Fields the server writes itself, whatever a device sent: the names shown
 * beside a record (an idea's author, who asked, who answered) come from the
 * member record, so nobody can write as anyone; and who made a test of
 * change, a measure or a data point comes from who pushed it first, so a
 * phone can tell before anything is typed whether its person may change it.
 * The registry says which fields (`names`, `by`).
 *
 * A value the phone sent and the server replaced is logged under the same
 * stamp with the server's node (hlc.ts `SERVER_NODE`, the highest), so the
 * phone takes the server's value on its next pull (server/store/push.ts):
 * every device converges on what the server holds. Old clients need nothing
 * new: they send names as before and are corrected the same way.
 * docs/decisions/0014.
 */
import { entityDef, type EntityName } from './entities.ts';
import type { FieldValue, Fields } from './merge.ts';

export type ServerFacts = {
  /** Who made the record: its first pusher, or the person pushing now if it is new. */
  readonly creator: string;
  /** The team's name for a member id, or undefined if the id is not of the team. */
  readonly nameOf: (memberId: string) => string | undefined;
};

/**
 * `fields` with what the server writes put in; the very same object if that
 * changes nothing (the caller re-stamps only a changed mutation).
 */
export function serverFields(
  kind: EntityName,
  fields: Fields,
  held: Fields | undefined,
  facts: ServerFacts,
): Fields {
  const def = entityDef(kind);
  let out = fields;
  const set = (key: string, value: FieldValue) => {
    if (Object.hasOwn(out, key) && out[key] === value) return;
    if (out === fields) out = { ...fields };
    (out as Record<string, FieldValue>)[key] = value;
  };
  if (def.by !== undefined && (held === undefined || def.by in fields)) set(def.by, facts.creator);
  for (const pair of def.names ?? []) {
    const idSent = pair.id in fields;
    if (!idSent && !(pair.name in fields)) continue;
    const id = idSent ? fields[pair.id] : held?.[pair.id];
    // No member named: a typed name stays, and any other is the rules' to refuse
    // (rules/index.ts `nameWithoutMember`).
    if (typeof id !== 'string') continue;
    set(pair.name, facts.nameOf(id) ?? null);
  }
  return out;
}
