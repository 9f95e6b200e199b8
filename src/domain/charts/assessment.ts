/**
 * Improvement or concern: a signal on the high side is improvement when higher
 * is better, concern when lower is better, and the other way round on the low
 * side (MDC SPC SQL v2.6, step 4J, [SpecialCauseImprovementValue] and
 * [SpecialCauseConcernValue]). A point caught by rules of both classes is shown
 * in one, chosen by the measure's conflict rule (same step, [MetricConflictRule]).
 */
import type { Assessment, ConflictRule, Direction, Movement, Side } from './types.ts';

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

/** How a point is drawn given the classes of the signals it belongs to. */
export function resolvePoint(
  classes: ReadonlySet<Assessment>,
  conflictRule: ConflictRule,
): { readonly special: Assessment | null; readonly conflict: boolean } {
  const improvement = classes.has('improvement');
  const concern = classes.has('concern');
  if (improvement && concern) return { special: conflictRule, conflict: true };
  if (improvement) return { special: 'improvement', conflict: false };
  if (concern) return { special: 'concern', conflict: false };
  return { special: null, conflict: false };
}
