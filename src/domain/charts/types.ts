/**
 * The shapes the chart engine takes and gives back. Input: a measure's data
 * points, the direction that counts as better and an optional target. Output: a
 * discriminated union on `kind` ('xmr' | 'run' | 'empty') holding plain numbers,
 * the rule that fired on each point and a sentence a screen reader can speak.
 * Nothing here draws; the UI turns these into SVG.
 *
 * Sources for the rules are cited where they are applied: xmrLimits.ts,
 * xmrRules.ts and xmrChart.ts (NHS England "Making Data Count", SPC SQL query
 * v2.6) and runChart.ts (Perla, Provost & Murray 2011, BMJ Qual Saf 20:46-51).
 */

/** Which way is better for the measure ("higher or lower is better", DESIGN.md). */
export type Direction = 'higher' | 'lower';

/** One data point as the measure stores it. */
export type ChartPointInput = {
  /** Calendar date, ISO `yyyy-mm-dd`. Points are charted in date order. */
  readonly date: string;
  /** The measured value, in the measure's own unit. Must be finite. */
  readonly value: number;
  /** Drawn, but left out of every calculation and never flagged (MDC "ghosting"). */
  readonly ghost?: boolean;
  /**
   * A rebase: limits (XmR) are recomputed from this point onward, from the new
   * period's own points (MDC "recalculate limits").
   */
  readonly recalculate?: boolean;
  /** Why the limits were rebased here, in words (a change put in place); passed through. */
  readonly reason?: string;
  /** An annotation, passed through untouched. */
  readonly note?: string;
};

/** When a point is both improvement and concern (e.g. a rising trend below the mean). */
export type ConflictRule = 'improvement' | 'concern';

export type ChartInput = {
  readonly points: readonly ChartPointInput[];
  readonly direction: Direction;
  /** In the measure's unit; gives the XmR chart an assurance verdict. */
  readonly target?: number;
  /**
   * Fix the first period's mean and limits on its first this-many non-ghosted
   * points and extend them to the period's end (the next rebase), as MDC advises
   * for a baseline of 12 to 20 points. Absent: every period uses all its points.
   */
  readonly baselinePoints?: number;
  /**
   * MDC makes every metric choose which class wins a conflict ([MetricConflictRule]);
   * since v2.6a it only breaks a tie, when both classes hold the same top-ranked
   * rule (assessment.ts). Its Single Chart tool shows improvement, so that is the
   * default here.
   */
  readonly conflictRule?: ConflictRule;
  /** How numbers read in the summary (units, percentages). Default: see summary.ts. */
  readonly formatValue?: (value: number) => string;
  /** How dates read in the summary. Default: the ISO date as given. */
  readonly formatDate?: (isoDate: string) => string;
};

/** Improvement or concern, judged from the measure's direction. */
export type Assessment = 'improvement' | 'concern';

/** Where a point or a run of points lies against the centre line or a limit. */
export type Side = 'above' | 'below';

/** Which way a trend moves. */
export type Movement = 'rising' | 'falling';

/** The four XmR rules of Making Data Count. */
export type XmrRule = 'outside-limits' | 'shift' | 'trend' | 'two-of-three';

/** The IHI run chart rules that can be applied without judgement (not "astronomical point"). */
export type RunRule = 'shift' | 'trend' | 'runs';

/**
 * One signal: the rule, what it says, and the points that make it up. `indices`
 * index the chart's `points` array (date order); `length` is how many points
 * the rule counted (a run chart trend spans repeated values it does not count).
 */
export type XmrSignal =
  | {
      readonly rule: 'outside-limits' | 'shift' | 'two-of-three';
      readonly side: Side;
      readonly assessment: Assessment;
      readonly indices: readonly number[];
      readonly length: number;
    }
  | {
      readonly rule: 'trend';
      readonly movement: Movement;
      readonly assessment: Assessment;
      readonly indices: readonly number[];
      readonly length: number;
    };

export type RunSignal =
  | {
      readonly rule: 'shift';
      readonly side: Side;
      readonly assessment: Assessment;
      readonly indices: readonly number[];
      readonly length: number;
    }
  | {
      readonly rule: 'trend';
      readonly movement: Movement;
      readonly assessment: Assessment;
      readonly indices: readonly number[];
      readonly length: number;
    }
  | {
      /** Too few or too many runs: non-random, but with no direction, so no assessment. */
      readonly rule: 'runs';
      readonly verdict: 'too-few' | 'too-many';
      readonly indices: readonly number[];
      readonly length: number;
    };

/** Fields every charted point carries, ghosted or not. */
type PointBase = {
  /** Position in the chart's `points` array (date order). */
  readonly index: number;
  readonly date: string;
  readonly value: number;
  readonly ghost: boolean;
  readonly recalculate: boolean;
  readonly note?: string;
  /** The class this point is drawn in; null for common cause and for ghosted points. */
  readonly special: Assessment | null;
  /**
   * The point triggered both improvement and concern; `special` follows the
   * stronger rule (see `decidedBy`).
   */
  readonly conflict: boolean;
};

/**
 * How a point caught by both improvement and concern rules was drawn (NHS
 * England SPC SQL v2.6a, step 4J; assessment.ts): the top-ranked rule of each
 * class, and whether they were the same rule, so the conflict setting chose.
 */
export type ClashDecision<R extends string> = {
  /** The top-ranked rule of the class the point is drawn in. */
  readonly rule: R;
  /** The top-ranked rule of the class it is not drawn in. */
  readonly over: R;
  /** Both classes held the same rule: the measure's conflict setting decided. */
  readonly bySetting: boolean;
};

export type XmrPoint = PointBase & {
  /** Index into the chart's `segments`. */
  readonly segment: number;
  /** |x − previous non-ghosted x| in the same segment; null for the first and for ghosts. */
  readonly movingRange: number | null;
  readonly rules: readonly XmrRule[];
  /** Only on points in conflict: which rule decided. */
  readonly decidedBy?: ClashDecision<XmrRule>;
};

export type RunPoint = PointBase & {
  /** Against the median; null for ghosted points. */
  readonly position: Side | 'on' | null;
  readonly rules: readonly Exclude<RunRule, 'runs'>[];
  /** Only on points in conflict: which rule decided. */
  readonly decidedBy?: ClashDecision<Exclude<RunRule, 'runs'>>;
};

/** One period of an XmR chart with its own mean and limits (MDC "partition"). */
export type XmrSegment = {
  /** First and last point index of the period, inclusive, ghosted points included. */
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startDate: string;
  /** Non-ghosted points in the period. */
  readonly pointCount: number;
  /**
   * A fixed baseline: the first period of a measure whose limits are fixed on
   * its first `baselinePoints` (ChartInput) points and extended forward.
   */
  readonly baseline: boolean;
  /** Non-ghosted points the mean and limits rest on (`pointCount` unless fixed). */
  readonly limitPointCount: number;
  /**
   * The last point index the limits rest on; points after it (to `endIndex`)
   * are judged against limits extended from before them.
   */
  readonly limitEndIndex: number;
  /** A rebased period: the reason given at its first point, if any. */
  readonly reason?: string;
  readonly mean: number;
  /** Mean of the moving ranges within the period. */
  readonly movingRangeMean: number;
  /** mean ± 2.66 × movingRangeMean. */
  readonly upperLimit: number;
  readonly lowerLimit: number;
  /** Two thirds and one third of the way from the mean to each limit ("2σ" and "1σ"). */
  readonly upperTwoSigma: number;
  readonly upperOneSigma: number;
  readonly lowerOneSigma: number;
  readonly lowerTwoSigma: number;
};

/** MDC's variation icon, read from the latest non-ghosted point. */
export type Variation = 'common-cause' | 'special-cause-improvement' | 'special-cause-concern';

/** MDC's assurance icon: pass, fail, or hit or miss. */
export type Assurance = 'will-hit' | 'will-miss' | 'hit-or-miss';

export const XMR_RULE_SET = 'Making Data Count (NHS England) XmR rules';
export const RUN_RULE_SET = 'IHI run chart rules (Perla, Provost & Murray 2011)';

export type XmrChart = {
  readonly kind: 'xmr';
  readonly ruleSet: typeof XMR_RULE_SET;
  readonly direction: Direction;
  readonly target: number | null;
  readonly points: readonly XmrPoint[];
  readonly segments: readonly XmrSegment[];
  readonly signals: readonly XmrSignal[];
  readonly variation: Variation;
  /** Null without a target. */
  readonly assurance: Assurance | null;
  /** Things a reader should know about how far to trust the limits. */
  readonly warnings: readonly string[];
  readonly summary: string;
};

export type RunsTest = {
  /** Runs among the useful observations (points not on the median). */
  readonly count: number;
  readonly usefulObservations: number;
  /** Fewer than `lower` runs is too few, more than `upper` too many; null outside 10..60. */
  readonly expected: { readonly lower: number; readonly upper: number } | null;
  readonly verdict: 'too-few' | 'too-many' | 'expected' | 'not-applicable';
};

export type RunChart = {
  readonly kind: 'run';
  readonly ruleSet: typeof RUN_RULE_SET;
  /** Why this is a run chart rather than an XmR chart. */
  readonly reason?: string;
  readonly direction: Direction;
  readonly target: number | null;
  readonly median: number;
  readonly points: readonly RunPoint[];
  readonly signals: readonly RunSignal[];
  readonly runs: RunsTest;
  readonly summary: string;
};

/** Nothing to analyse: no points, or every point ghosted. */
export type EmptyChart = {
  readonly kind: 'empty';
  readonly reason: string;
  readonly points: readonly ChartPointInput[];
  readonly summary: string;
};

export type MeasureChart = XmrChart | RunChart | EmptyChart;
