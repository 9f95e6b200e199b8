/**
 * Which fields of a record this person may not change, asked of the same rules
 * the server applies (domain/rules/before.ts), so a screen explains it before
 * anything is typed instead of the change ending under "needs attention".
 */
import type { EntityName } from '../../domain/entities.ts';
import type { Hlc } from '../../domain/hlc.ts';
import type { FieldValue, Stamped } from '../../domain/merge.ts';
import type { SessionResponse } from '../../domain/protocol.ts';
import { verdictBefore } from '../../domain/rules/before.ts';
import { refusalWords } from '../refusalWords.ts';

export type Locked = { readonly fields: ReadonlySet<string>; readonly reason: string };

/** A device row (its fields beside their `stamps`) as the rules see it. */
function stateOf(row: { readonly stamps: object }): Stamped {
  const values = row as unknown as Record<string, FieldValue | undefined>;
  const stamps = row.stamps as Record<string, Hlc>;
  const fields = Object.fromEntries(Object.keys(stamps).map((k) => [k, values[k] ?? null]));
  return { fields, stamps };
}

/** The fields of `keys` this person's change would be refused on, with the words why; null if none. */
export function lockedFields(
  session: SessionResponse | null,
  kind: EntityName,
  row: { readonly id: string; readonly stamps: object },
  keys: readonly string[],
): Locked | null {
  if (!session) return null;
  const actor = { memberId: session.member.id, teamId: session.team.id, role: session.member.role };
  const held = stateOf(row);
  let reason = '';
  const fields = new Set<string>();
  for (const key of keys) {
    const verdict = verdictBefore(actor, kind, row.id, held, [key]);
    if (verdict.ok) continue;
    fields.add(key);
    reason = refusalWords(verdict);
  }
  return fields.size === 0 ? null : { fields, reason };
}
