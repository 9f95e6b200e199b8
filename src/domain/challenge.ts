/**
 * The 100-day challenge's calendar, pure: which day it is (day 1 is the start
 * date), and the dates of the mid-point review (day 50) and the landing
 * review (day 100). Dates are yyyy-mm-dd, counted in whole calendar days.
 */
export const CHALLENGE_DAYS = 100;
export const MID_POINT_DAY = 50;

const DAY_MS = 86_400_000;
const toUtc = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Day N of the challenge on `today`: 0 or less before it starts, over 100 after it ends. */
export function challengeDay(startDate: string, today: string): number {
  return Math.round((toUtc(today) - toUtc(startDate)) / DAY_MS) + 1;
}

/** The date of day `n` of a challenge starting on `startDate`. */
export function dateOfDay(startDate: string, n: number): string {
  return toIso(toUtc(startDate) + (n - 1) * DAY_MS);
}

/**
 * The review a pack prepares on day `n`: the mid-point (day-50) review until
 * halfway between the two, then the landing (day-100) review.
 */
export function reviewDue(n: number): typeof MID_POINT_DAY | typeof CHALLENGE_DAYS {
  return n >= (MID_POINT_DAY + CHALLENGE_DAYS) / 2 ? CHALLENGE_DAYS : MID_POINT_DAY;
}

/** A JSON list of ids (measureIds, ideaIds); [] when malformed. */
export function idsOf(json: string | null | undefined): string[] {
  try {
    const v: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
