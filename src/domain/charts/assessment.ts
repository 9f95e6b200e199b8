/**
 * Improvement or concern: a signal on the high side is improvement when higher
 * is better, concern when lower is better, and the other way round on the low
 * side (MDC SPC SQL v2.6, step 4J, [SpecialCauseImprovementValue] and
 * [SpecialCauseConcernValue]).
 *
 * A point caught by rules of both classes (a "rule clash", e.g. a rising trend
 * below the mean) is drawn in the class of the stronger rule, as NHS England's
 * SPC SQL query v2.6a does in step 4J (#ConflictRanking, #ConflictRankingSummary)
 * and its "SPC Rule Clash" explanation v1.0 (January 2025) sets out: trend (4)
 * outranks shift (3), which outranks two of three (2), which outranks a single
 * point beyond a limit (1). Each side's strength is its highest-ranked rule on
 * that point; only when both sides hold the same rule (a point that ends a
 * rising trend and starts a falling one) does the measure's conflict setting
 * ([MetricConflictRule]) decide. Before v2.6a the setting decided every clash.
 *
 * The run chart uses the same ranking for its two directional rules (trend over
 * shift): the IHI rules say nothing about clashes, and one ranking for both
 * charts means the same points read the same way on either.
 */
import type {
  Assessment,
  ClashDecision,
  ConflictRule,
  Direction,
  Movement,
  Side,
  XmrRule,
} from './types.ts';

export type Level = 'high' | 'low';

export function levelOfSide(side: Side): Level {
  return side === 'above' ? 'high' : 'low';
}

export function levelOfMovement(movement: Movement): Level {
  return movement === 'rising' ? 'high' : 'low';
}

export function assess(level: Level, direction: Direction): Assessment {
  return (level === 'high') === (direction === 'higher') ? 'improvement' : 'concern';
}

/** NHS England's rank of each rule in a clash (SPC SQL v2.6a, step 4J): higher wins. */
export const CLASH_RANK: Readonly<Record<XmrRule, number>> = {
  'outside-limits': 1,
  'two-of-three': 2,
  shift: 3,
  trend: 4,
};

/** One rule that caught a point, with the class it gives. */
export type RuleHit<R extends XmrRule> = { readonly rule: R; readonly assessment: Assessment };

export type Resolved<R extends XmrRule> = {
  readonly special: Assessment | null;
  readonly conflict: boolean;
  readonly decidedBy?: ClashDecision<R>;
};

/** How a point is drawn given every rule that caught it. */
export function resolvePoint<R extends XmrRule>(
  hits: readonly RuleHit<R>[],
  conflictRule: ConflictRule,
): Resolved<R> {
  const top = (a: Assessment): R | null =>
    hits
      .filter((h) => h.assessment === a)
      .reduce<R | null>(
        (best, h) => (best === null || CLASH_RANK[h.rule] > CLASH_RANK[best] ? h.rule : best),
        null,
      );
  const improvement = top('improvement');
  const concern = top('concern');
  if (improvement === null && concern === null) return { special: null, conflict: false };
  if (concern === null) return { special: 'improvement', conflict: false };
  if (improvement === null) return { special: 'concern', conflict: false };
  const diff = CLASH_RANK[improvement] - CLASH_RANK[concern];
  const special: Assessment = diff > 0 ? 'improvement' : diff < 0 ? 'concern' : conflictRule;
  const [rule, over]: [R, R] =
    special === 'improvement' ? [improvement, concern] : [concern, improvement];
  return { special, conflict: true, decidedBy: { rule, over, bySetting: diff === 0 } };
}
