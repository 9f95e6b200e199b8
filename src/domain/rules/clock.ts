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

/** In words a person can act on: how far ahead, what is safe, what to do. */
export function clockAheadWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const far =
    minutes < 120
      ? `${minutes} minutes`
      : minutes < 2 * 24 * 60
        ? `${Math.round(minutes / 60)} hours`
        : `${Math.round(minutes / (24 * 60))} days`;
  return `This phone’s clock is ${far} ahead of the team’s server. The change is safe on this phone and waiting: set the phone’s date and time to automatic, and it will be sent.`;
}

/** May a change stamped `hlc` be accepted at server time `now`? */
export function checkClock(hlc: Hlc, now: number): Verdict {
  const ahead = aheadBy(hlc, now);
  return ahead > MAX_DRIFT_MS ? no('clock-ahead', clockAheadWords(ahead), 'hlc') : OK;
}
