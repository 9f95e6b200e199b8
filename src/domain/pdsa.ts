/**
 * The PDSA cycle as pure rules: which stage a cycle is at, and what an Act
 * decision does. "Adapt" opens cycle n+1 with the plan carried over; "adopt"
 * or "abandon" on the last cycle moves the idea to adopted or abandoned.
 * Pure: time and ids come in as arguments.
 */
import type { Act, PdsaFields } from './improvement.ts';
import type { IdeaStatus } from './records.ts';
import { voteId } from './huddle.ts';

export type Stage = 'plan' | 'do' | 'study' | 'act' | 'done';

type CycleLike = Partial<PdsaFields>;

const filled = (s: string | undefined) => (s ?? '').trim() !== '';

/** The first part of the cycle still to fill in. */
export function stageOf(c: CycleLike): Stage {
  if (!filled(c.objective) || !filled(c.prediction)) return 'plan';
  if (c.asPlanned === undefined || c.asPlanned === null) return 'do';
  if (!filled(c.results)) return 'study';
  if (c.act === undefined || c.act === null) return 'act';
  return 'done';
}

export const PLAN_FIELDS = [
  'objective',
  'taskWhat',
  'taskWho',
  'taskWhen',
  'taskWhere',
  'prediction',
  'predictionWhy',
  'measureText',
] as const;

/** A new cycle's fields: empty, or with the plan carried over from the cycle it adapts. */
export function newCycle(
  ideaId: string,
  cycle: number,
  now: number,
  carried?: CycleLike,
): PdsaFields {
  const plan = (k: (typeof PLAN_FIELDS)[number]) => carried?.[k] ?? '';
  return {
    ideaId,
    cycle,
    objective: plan('objective'),
    taskWhat: plan('taskWhat'),
    taskWho: plan('taskWho'),
    taskWhen: plan('taskWhen'),
    taskWhere: plan('taskWhere'),
    prediction: plan('prediction'),
    predictionWhy: plan('predictionWhy'),
    measureText: plan('measureText'),
    asPlanned: null,
    problems: '',
    observations: '',
    results: '',
    learning: '',
    act: null,
    next: '',
    createdAt: now,
    deleted: false,
  };
}

export type ActOutcome = {
  /** The idea's new status, or null to leave it. */
  readonly ideaStatus: Extract<IdeaStatus, 'adopted' | 'abandoned'> | null;
  /** The cycle to open next (adapt), or null. */
  readonly nextCycle: PdsaFields | null;
};

/**
 * What deciding `act` on `cycle` does, given every cycle of the idea. Only the
 * last cycle moves the idea or opens a new one: deciding again on an earlier
 * cycle (a correction) changes nothing else.
 */
export function actOutcome(
  cycles: readonly CycleLike[],
  cycle: CycleLike,
  act: Act,
  now: number,
): ActOutcome {
  const n = cycle.cycle ?? 1;
  const last = !cycles.some((c) => c.deleted !== true && (c.cycle ?? 0) > n);
  if (!last) return { ideaStatus: null, nextCycle: null };
  if (act === 'adapt')
    return { ideaStatus: null, nextCycle: newCycle(cycle.ideaId ?? '', n + 1, now, cycle) };
  return { ideaStatus: act === 'adopt' ? 'adopted' : 'abandoned', nextCycle: null };
}

/** Why an Act cannot be recorded yet (a plan comes first), or null if it can. */
export function actBlocked(c: CycleLike): string | null {
  return filled(c.objective) ? null : 'Write the plan’s objective before deciding what to do next';
}

/**
 * The id of cycle `cycle` of an idea's test, derived so that two devices that
 * start (or adapt into) the same cycle offline write ONE record that merges,
 * rather than two cycle 2s. Uses the huddle's deterministic UUIDv7-shaped hash
 * (huddle.ts, docs/decisions/0004); the server recomputes it on create.
 */
export function cycleId(ideaId: string, cycle: number): string {
  return voteId(ideaId, 'pdsa', String(cycle));
}
