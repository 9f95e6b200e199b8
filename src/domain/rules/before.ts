/**
 * The question a screen asks before anything is typed: would this person's
 * change to these fields of a record be refused? It runs the very rules the
 * server runs (`judge`), on what the phone holds, so a control that would be
 * refused is explained instead of ending under "needs attention" after Save.
 *
 * Who made the record comes from its `by` field, which the server writes
 * (serverFields.ts). A record from before that field existed does not say: then
 * nothing is refused here, and the server still decides.
 */
import { entityDef, type EntityName } from '../entities.ts';
import { stampAfter } from '../hlc.ts';
import type { Fields, Stamped } from '../merge.ts';
import type { Mutation } from '../protocol.ts';
import type { Facts } from './facts.ts';
import { judge } from './index.ts';
import { OK, type Actor, type Verdict } from './verdict.ts';

/** A value no record holds (the wire refuses NUL), so every probed field counts as changed. */
const PROBE = '\u0000';

const NOTHING_ELSE: Facts = {
  record: () => ({ kind: 'none' }),
  votesOf: () => [],
  organisation: () => null,
  orgShare: () => null,
  chartProblem: () => null,
};

export function verdictBefore(
  actor: Actor,
  kind: EntityName,
  id: string,
  held: Stamped,
  keys: readonly string[],
): Verdict {
  const by = entityDef(kind).by;
  const creator = by === undefined ? undefined : held.fields[by];
  if (typeof creator !== 'string') return OK;
  const fields: Fields = Object.fromEntries(keys.map((k) => [k, PROBE]));
  const m = { id: '', entity: kind, entityId: id, fields, hlc: stampAfter(held.stamps, 0) };
  return judge(
    actor,
    m as Mutation,
    { kind: 'own', createdBy: creator, state: held },
    NOTHING_ELSE,
  );
}
