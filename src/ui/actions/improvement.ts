/** Tests of change (PDSA cycles) and measures: their data points and tally taps. */
import {
  addPoint as addPointWrite,
  createMeasure as createMeasureWrite,
  decideAct as decideActWrite,
  editPoint as editPointWrite,
  setBaseline as setBaselineWrite,
  setRebase as setRebaseWrite,
  saveCycle as saveCycleWrite,
  startTest as startTestWrite,
  tap as tapWrite,
  undoTap as undoTapWrite,
  type CycleEdit,
  type NewMeasure,
  type NewPoint,
  type PointEdit,
} from '../../db/improvementWrites.ts';
import type { Act } from '../../domain/improvement.ts';
import { write } from './run.ts';

/** Start an idea's test of change: cycle 1 (the same record on every device that starts it). */
export function startTest(ideaId: string) {
  return write((db, at) => startTestWrite(db, ideaId, at));
}

/** Save part of a cycle (Plan, Do or Study); only the fields that changed are sent. */
export function saveCycle(cycleId: string, edit: CycleEdit) {
  return write((db, at) => saveCycleWrite(db, cycleId, edit, at));
}

/** Adopt, adapt or abandon; adapt opens the next cycle, and the idea may move. */
export function decideAct(cycleId: string, act: Act, next: string) {
  return write((db, at) => decideActWrite(db, cycleId, act, next, at));
}

export function createMeasure(input: NewMeasure) {
  return write((db, at) => createMeasureWrite(db, input, at));
}

export function addPoint(measureId: string, input: NewPoint) {
  return write((db, at) => addPointWrite(db, measureId, input, at));
}

/** Change a point: its value or note, ghost it, mark a recalculation, delete it. */
export function editPoint(pointId: string, edit: PointEdit) {
  return write((db, at) => editPointWrite(db, pointId, edit, at));
}

/** Fix the measure's limits on its first `points` points (12 to 20), or stop (null). */
export function setBaseline(measureId: string, points: number | null) {
  return write((db, at) => setBaselineWrite(db, measureId, points, at));
}

/** Rebase the limits at a point with a reason (and the cycle it follows), or undo it (null). */
export function setRebase(
  pointId: string,
  rebase: { reason: string; pdsaId: string | null } | null,
) {
  return write((db, at) => setRebaseWrite(db, pointId, rebase, at));
}

/** "+1 today": one tap record, so taps from several offline devices all count. */
export function tap(measureId: string, date: string) {
  return write((db, at) => tapWrite(db, measureId, date, at));
}

export function undoTap(tapId: string) {
  return write((db, at) => undoTapWrite(db, tapId, at));
}
