/**
 * A sliding-window counter per client key, in this process's memory. Enough to
 * stop one device guessing invite codes or creating teams in a loop; several
 * server processes each keep their own count (a shared limit would need the
 * database or a proxy in front).
 */
export type RateLimiter = {
  /** Seconds until `key` may try again, or 0 if it may now. */
  retryAfter(key: string, now: number): number;
  /** Counts one event for `key` at `now` (ms). */
  record(key: string, now: number): void;
};

/** Keys kept before the oldest are forgotten, so memory stays bounded. */
const MAX_KEYS = 10_000;

export function createRateLimiter(opts: { limit: number; windowMs: number }): RateLimiter {
  const events = new Map<string, number[]>();
  const recent = (key: string, now: number) =>
    (events.get(key) ?? []).filter((t) => now - t < opts.windowMs);
  return {
    retryAfter(key, now) {
      const times = recent(key, now);
      const oldest = times[0];
      if (times.length < opts.limit || oldest === undefined) return 0;
      return Math.max(1, Math.ceil((oldest + opts.windowMs - now) / 1000));
    },
    record(key, now) {
      const times = recent(key, now);
      times.push(now);
      events.delete(key);
      events.set(key, times);
      if (events.size > MAX_KEYS) {
        const first = events.keys().next();
        if (!first.done) events.delete(first.value);
      }
    },
  };
}
