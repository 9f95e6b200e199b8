/**
 * The server owns time: a change stamped further ahead of the server's clock
 * than the drift an HLC allows (hlc.ts MAX_DRIFT_MS, 5 minutes, as Actual
 * Budget refuses) is refused with code `clock-ahead`. Accepted, it would win
 * every later edit for as long as it is ahead (a phone whose clock says next
 * year could never be overruled). The phone keeps the change and tells the
 * person their clock is wrong; it sends it again, stamped anew, once the
 * clock is right (src/db/restamp.ts).
 */
import { MAX_DRIFT_MS, parseHlc, type Hlc } from '../hlc.ts';
import { no, OK, type Verdict } from './verdict.ts';

/** How far ahead of `now` a stamp is, in ms (0 when not ahead). */
export function aheadBy(hlc: Hlc, now: number): number {
  const parsed = parseHlc(hlc);
  return parsed ? Math.max(0, parsed.wall - now) : 0;
}

/** May a change stamped `hlc` be accepted at server time `now`? In words a person can act on: how far ahead, what is safe, what to do. */
export function checkClock(hlc: Hlc, now: number): Verdict {
  const ahead = aheadBy(hlc, now);
  if (ahead <= MAX_DRIFT_MS) return OK;
  const minutes = Math.round(ahead / 60_000);
  return minutes < 120
    ? no('clock-ahead', 'clockMinutes', 'hlc', { n: String(minutes) })
    : minutes < 2 * 24 * 60
      ? no('clock-ahead', 'clockHours', 'hlc', { n: String(Math.round(minutes / 60)) })
      : no('clock-ahead', 'clockDays', 'hlc', { n: String(Math.round(minutes / (24 * 60))) });
}
