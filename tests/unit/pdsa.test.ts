/** The PDSA cycle: stages in order, and what Adopt, Adapt and Abandon do. */
import { expect, it } from 'vitest';
import { actBlocked, actOutcome, cycleId, newCycle, stageOf } from '../../src/domain/pdsa.ts';

const IDEA = '019aa000-0000-7000-8000-000000000001';
const T = Date.UTC(2026, 10, 26);

it('moves through plan, do, study, act, done as each part is filled in', () => {
  const c = newCycle(IDEA, 1, T);
  expect(stageOf(c)).toBe('plan');
  expect(stageOf({ ...c, objective: 'Letters by 10am' })).toBe('plan');
  const planned = { ...c, objective: 'Letters by 10am', prediction: 'Half' };
  expect(stageOf(planned)).toBe('do');
  expect(stageOf({ ...planned, asPlanned: false })).toBe('study');
  expect(stageOf({ ...planned, asPlanned: true, results: '6 of 10' })).toBe('act');
  expect(stageOf({ ...planned, asPlanned: true, results: '6 of 10', act: 'adopt' })).toBe('done');
});

it('adapt opens the next cycle with the plan carried over and the rest empty', () => {
  const c1 = {
    ...newCycle(IDEA, 1, T),
    objective: 'Letters by 10am',
    taskWho: 'Night nurse',
    prediction: 'Half',
    asPlanned: true,
    results: '3 of 10',
  };
  const out = actOutcome([c1], c1, 'adapt', T + 1);
  expect(out.ideaStatus).toBeNull();
  expect(out.nextCycle).toMatchObject({
    ideaId: IDEA,
    cycle: 2,
    objective: 'Letters by 10am',
    taskWho: 'Night nurse',
    prediction: 'Half',
    asPlanned: null,
    results: '',
    act: null,
    createdAt: T + 1,
  });
});

it('adopt or abandon on the last cycle moves the idea; on an earlier cycle nothing else', () => {
  const c1 = { ...newCycle(IDEA, 1, T), objective: 'x' };
  const c2 = { ...newCycle(IDEA, 2, T), objective: 'x' };
  expect(actOutcome([c1, c2], c2, 'adopt', T)).toEqual({ ideaStatus: 'adopted', nextCycle: null });
  expect(actOutcome([c1, c2], c2, 'abandon', T)).toEqual({
    ideaStatus: 'abandoned',
    nextCycle: null,
  });
  expect(actOutcome([c1, c2], c1, 'adopt', T)).toEqual({ ideaStatus: null, nextCycle: null });
  expect(actOutcome([c1, c2], c1, 'adapt', T)).toEqual({ ideaStatus: null, nextCycle: null });
  // A deleted later cycle does not count.
  expect(actOutcome([c1, { ...c2, deleted: true }], c1, 'abandon', T).ideaStatus).toBe('abandoned');
});

it('needs a plan before a decision', () => {
  expect(actBlocked(newCycle(IDEA, 1, T))).toMatch(/objective/);
  expect(actBlocked({ objective: 'x' })).toBeNull();
});

it('names a cycle the same way on every device, different per cycle, UUIDv7-shaped', () => {
  expect(cycleId(IDEA, 1)).toBe(cycleId(IDEA, 1));
  expect(cycleId(IDEA, 2)).not.toBe(cycleId(IDEA, 1));
  expect(cycleId(IDEA, 1)).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
});
