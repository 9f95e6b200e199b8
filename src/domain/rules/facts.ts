/**
 * What a rule is given: who is acting, the mutation, what the store holds for
 * its record, and a synchronous look-up of the other records it names. The
 * server fills `facts` from its database inside the push transaction (loading
 * every record a batch names up front, from the registry's `refs`); the device
 * fills it from IndexedDB before Save. The rules themselves stay pure.
 */
import type { EntityName } from '../entities.ts';
import type { VoteLike } from '../huddle.ts';
import type { Fields } from '../merge.ts';
import type { MutationOf } from '../protocol.ts';
import type { Actor, Existing, Verdict } from './verdict.ts';

export type Facts = {
  /** What the team holds under `id` for a record of `kind`. */
  record(kind: EntityName, id: string): Existing;
  /** One voter's votes in one huddle, as held now (the budget check reads only these). */
  votesOf(huddleId: string, voter: string): readonly VoteLike[];
  /** The organisation the acting team is linked to, or null (org records need one). */
  organisation(): string | null;
  /** A change shared in that organisation by any of its teams, as held now; null: none. */
  orgShare(shareId: string): { readonly withdrawn: boolean } | null;
  /**
   * Why a shared chart's SVG may not travel (a script, a link, an element no
   * chart has), in words; null when it may. The server parses it (its store's
   * chartSvg.ts); a rule only asks.
   */
  chartProblem(svg: string): string | null;
};

export type Judgement<K extends EntityName> = {
  readonly actor: Actor;
  readonly m: MutationOf<K>;
  /** The mutation's fields with absent ones dropped (as merge sees them). */
  readonly fields: Fields;
  /** What is held for the record: never 'other-team' here (refused before a kind's rule runs). */
  readonly existing: Existing & { kind: 'none' | 'own' };
  readonly facts: Facts;
};

/** One kind's rule: may this mutation be applied? */
export type Judge<K extends EntityName> = (j: Judgement<K>) => Verdict;
