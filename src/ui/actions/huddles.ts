/** Huddles: start one, reorder its shortlist, its timer, close it, choose what to test. */
import {
  changeHuddle,
  chooseToTest as chooseToTestWrite,
  closeHuddle as closeHuddleWrite,
  startHuddle as startHuddleWrite,
  type NewHuddle,
} from '../../db/huddleWrites.ts';
import { extendTimer } from '../../domain/huddle.ts';
import { write } from './run.ts';

/** Start a huddle (facilitators); new ideas on its shortlist become shortlisted. */
export function startHuddle(input: NewHuddle) {
  return write((db, at) => startHuddleWrite(db, input, at));
}

/** The shortlist in the order to discuss it: one value, so two reorders never mix. */
export function reorderShortlist(huddleId: string, shortlist: readonly string[]) {
  return write((db, at) =>
    changeHuddle(db, huddleId, { shortlist: JSON.stringify(shortlist) }, at),
  );
}

/** More time on the timer (or a timer started now), in minutes. */
export function addTime(huddleId: string, endsAt: number | null | undefined, minutes: number) {
  return write((db, at) =>
    changeHuddle(db, huddleId, { endsAt: extendTimer(endsAt, at, minutes) }, at),
  );
}

export function stopTimer(huddleId: string) {
  return write((db, at) => changeHuddle(db, huddleId, { endsAt: null }, at));
}

export function closeHuddle(huddleId: string) {
  return write((db, at) => closeHuddleWrite(db, huddleId, at));
}

/** Open voting again after closing by mistake; the timer is cleared (add time to run one). */
export function reopenHuddle(huddleId: string) {
  return write((db, at) =>
    changeHuddle(db, huddleId, { state: 'open', closedAt: null, endsAt: null }, at),
  );
}

/** The outcome and "these ideas are now testing", in one step. */
export function chooseToTest(huddleId: string, ideaIds: readonly string[]) {
  return write((db, at) => chooseToTestWrite(db, huddleId, ideaIds, at));
}
