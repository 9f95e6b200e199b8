/**
 * Every kind's rule, keyed by the registry's names, and the one `judge` that
 * the server's push and the device's screens call: the checks every kind
 * shares (another team's id, a record changed before it was created) and then
 * the kind's own rule. Pure; the facts come in.
 */
import { ENTITIES, type EntityDef, type EntityName } from '../entities.ts';
import type { Fields } from '../merge.ts';
import type { Mutation } from '../protocol.ts';
import { fieldsOf } from './common.ts';
import type { Facts, Judge } from './facts.ts';
import { judgeHuddle, judgeVote } from './huddleRules.ts';
import { judgeComment, judgeIdea, judgeTeam } from './ideaRules.ts';
import {
  judgeAsk,
  judgeChallenge,
  judgeMeasure,
  judgePdsa,
  judgePoint,
  judgeTap,
} from './improvementRules.ts';
import { judgeShare, judgeTake } from './orgRules.ts';
import { no, OK, type Actor, type Existing, type Verdict } from './verdict.ts';

export const RULES: { readonly [K in EntityName]: Judge<K> } = {
  idea: judgeIdea,
  comment: judgeComment,
  team: judgeTeam,
  huddle: judgeHuddle,
  vote: judgeVote,
  pdsa: judgePdsa,
  measure: judgeMeasure,
  point: judgePoint,
  tap: judgeTap,
  challenge: judgeChallenge,
  ask: judgeAsk,
  share: judgeShare,
  take: judgeTake,
};

/** May `actor` apply `m` to what the team holds (`existing`)? */
export function judge(actor: Actor, m: Mutation, existing: Existing, facts: Facts): Verdict {
  const def: EntityDef = ENTITIES[m.entity];
  const fields = fieldsOf(m);
  if (existing.kind === 'other-team')
    return no('other-team', 'otherTeamRecord', 'entityId', { kind: m.entity });
  if (existing.kind === 'none') {
    const missing = def.create.find((f: string) => !(f in fields));
    if (missing !== undefined)
      return no('not-created', 'notCreated', `fields.${missing}`, { kind: m.entity });
  }
  // The registry guarantees RULES[m.entity] is the rule of m's own kind.
  const rule = RULES[m.entity] as unknown as Judge<EntityName>;
  const verdict = rule({ actor, m, fields, existing, facts });
  if (!verdict.ok) return verdict;
  return nameWithoutMember(def, fields, existing.kind === 'own' ? existing.state.fields : {});
}

/**
 * A member's name is shown only beside that member's id, which the server
 * reads the name from (serverFields.ts): a name with no member beside it is
 * refused, unless the kind lets it be typed (a sponsor who has not joined).
 */
function nameWithoutMember(def: EntityDef, fields: Fields, held: Fields): Verdict {
  for (const pair of def.names ?? []) {
    if (pair.typed || !(pair.name in fields) || fields[pair.name] === null) continue;
    const id = pair.id in fields ? fields[pair.id] : held[pair.id];
    if (typeof id !== 'string') return no('not-you', 'nameMember', `fields.${pair.name}`);
  }
  return OK;
}

export { mayLead, no, OK, VERDICT_CODES } from './verdict.ts';
export type { Actor, Existing, Verdict, VerdictCode } from './verdict.ts';
export type { Facts } from './facts.ts';
