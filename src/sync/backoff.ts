/**
 * Retry delays after a failed sync: exponential from 2 s to 5 min, with full
 * jitter in [0.5, 1.5) × the step so a ward's phones coming back on the same
 * Wi-Fi do not all retry in the same instant.
 */
export const BACKOFF_MIN_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/** @param failures consecutive failures so far (1 for the first). @returns delay in ms. */
export function backoffDelay(failures: number, random: () => number): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(step * (0.5 + random()));
}
