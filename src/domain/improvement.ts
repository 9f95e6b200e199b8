/**
 * The records of tests of change and measures: a PDSA cycle (one record per
 * cycle, chained by idea and cycle number), a measure, its data points and the
 * taps of its tally counter (one record per tap, see
 * docs/decisions/0005-tally.md). Shapes and limits only; the wire schemas are
 * in improvementSchema.ts, the cycle rules in pdsa.ts.
 */
export const IMPROVEMENT_LIMITS = {
  short: 200,
  long: 2000,
  name: 120,
  unit: 40,
  /** Cycles of one test of change. */
  maxCycle: 99,
  /** Largest magnitude of a data point or target. */
  maxValue: 1e9,
  /**
   * A fixed baseline rests on this many points: Making Data Count advises 12
   * at least and 15 to 20 where there are enough (docs/decisions/0017).
   */
  baselineMin: 12,
  baselineMax: 20,
} as const;

export const ACTS = ['adopt', 'adapt', 'abandon'] as const;
export type Act = (typeof ACTS)[number];

export const MEASURE_TYPES = ['outcome', 'process', 'balancing'] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];

/** One PDSA cycle of an idea's test of change. Empty text means "not filled in yet". */
export type PdsaFields = {
  ideaId: string;
  /** 1, 2, …: cycle n+1 follows cycle n ("adapt"). */
  cycle: number;
  // Plan
  objective: string;
  taskWhat: string;
  taskWho: string;
  taskWhen: string;
  taskWhere: string;
  prediction: string;
  predictionWhy: string;
  measureText: string;
  // Do
  /** null: not recorded yet. */
  asPlanned: boolean | null;
  problems: string;
  observations: string;
  // Study
  results: string;
  learning: string;
  // Act
  act: Act | null;
  next: string;
  createdAt: number;
  deleted: boolean;
};

export type MeasureFields = {
  name: string;
  unit: string;
  definition: string;
  direction: 'higher' | 'lower';
  target: number | null;
  type: MeasureType;
  /** The idea this measure was made for, if any. */
  ideaId: string | null;
  /** Shows a "+1 today" counter; each tap is a `tap` record. */
  tally: boolean;
  /**
   * The limits are fixed on the first this-many points and extended forward
   * (until the first rebase); null or absent: calculated from every point.
   * Added after v1 shipped, so a record may lack it (decision 0017).
   */
  baselinePoints?: number | null;
  createdAt: number;
  deleted: boolean;
};

export type PointFields = {
  measureId: string;
  /** yyyy-mm-dd */
  date: string;
  value: number;
  note: string;
  ghost: boolean;
  /** A rebase: a new period starts here, its limits from its own points. */
  recalculate: boolean;
  /** Why the limits were rebased here (the change put in place); may be absent (decision 0017). */
  rebaseReason?: string;
  /** The PDSA cycle whose change the rebase follows, if any. */
  rebasePdsaId?: string | null;
  createdAt: number;
  deleted: boolean;
};

/** One "+1" on a measure's tally counter; a day's value counts the live taps. */
export type TapFields = {
  measureId: string;
  date: string;
  createdAt: number;
  deleted: boolean;
};

export const ASK_KINDS = ['permission', 'support'] as const;
export const ANSWERS = ['backed', 'needs-more', 'not-now'] as const;
export type Answer = (typeof ANSWERS)[number];

/** The 100-day challenge: one per team at a time, set up by a facilitator or the sponsor. */
export type ChallengeFields = {
  goal: string;
  /** yyyy-mm-dd: day 1. Day 50 is the mid-point review, day 100 the landing review. */
  startDate: string;
  sponsorId: string | null;
  sponsorName: string | null;
  /** The measure the goal is judged by. */
  outcomeMeasureId: string | null;
  /** JSON list of linked measure ids, and of idea ids (one LWW value each). */
  measureIds: string;
  ideaIds: string;
  createdAt: number;
  deleted: boolean;
};

/** A member asks the sponsor for permission or support on an idea (or one of its tests). */
export type AskFields = {
  ideaId: string;
  pdsaId: string | null;
  kind: (typeof ASK_KINDS)[number];
  text: string;
  askedBy: string;
  askedByName: string;
  createdAt: number;
  answer: Answer | null;
  answerNote: string;
  answeredBy: string | null;
  answeredByName: string | null;
  answeredAt: number | null;
  deleted: boolean;
};
