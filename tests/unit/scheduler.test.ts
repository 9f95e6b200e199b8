/**
 * The page's sync scheduler: kicks coalesce, failures retry on a jittered
 * back-off that grows and is capped, success resets it and polls.
 */
import { describe, expect, it } from 'vitest';
import { retryAfterSeconds } from '../../src/sync/api.ts';
import { createScheduler } from '../../src/sync/scheduler.ts';
import { backoffDelay, BACKOFF_MAX_MS, BACKOFF_MIN_MS } from '../../src/sync/backoff.ts';
import type { SyncOutcome } from '../../src/sync/engine.ts';

type Timer = { fn: () => void; ms: number };

function harness(outcomes: SyncOutcome[]) {
  const timers: Timer[] = [];
  let runs = 0;
  let release: (() => void) | null = null;
  const s = createScheduler({
    run: async () => {
      runs++;
      await new Promise<void>((r) => (release = r));
      return outcomes.shift() ?? { kind: 'synced', pushed: 0, pulled: 0, rejected: 0 };
    },
    random: () => 0.5,
    pollMs: 60_000,
    setTimer: (fn, ms) => {
      const t = { fn, ms };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => {
      const i = timers.indexOf(h as Timer);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  const finishRun = async () => {
    for (let i = 0; i < 5 && !release; i++) await Promise.resolve();
    release?.();
    release = null;
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  const fire = () => {
    const t = timers.shift();
    t?.fn();
  };
  return { s, timers, runs: () => runs, finishRun, fire };
}

describe('scheduler', () => {
  it('coalesces kicks during a pass into exactly one more pass', async () => {
    const h = harness([]);
    h.s.kick();
    h.s.kick();
    h.s.kick();
    await h.finishRun();
    await h.finishRun();
    await h.s.idle();
    expect(h.runs()).toBe(2);
  });

  it('retries after a failure on a back-off timer, then polls after success', async () => {
    const h = harness([
      { kind: 'offline', message: 'x' },
      { kind: 'error', message: 'y' },
    ]);
    h.s.kick();
    await h.finishRun();
    expect(h.timers.map((t) => t.ms)).toEqual([BACKOFF_MIN_MS]);
    h.fire();
    await h.finishRun();
    expect(h.timers.map((t) => t.ms)).toEqual([BACKOFF_MIN_MS * 2]);
    h.fire();
    await h.finishRun();
    expect(h.timers.map((t) => t.ms)).toEqual([60_000]);
    expect(h.runs()).toBe(3);
  });

  it('moves a waiting poll to a new period, but never shortens a back-off', async () => {
    const h = harness([{ kind: 'error', message: 'down' }]);
    h.s.kick();
    await h.finishRun();
    h.s.setPollMs(5_000); // the live stream dropped: the server is down, keep backing off
    expect(h.timers.map((t) => t.ms)).toEqual([BACKOFF_MIN_MS]);
    h.fire();
    await h.finishRun();
    expect(h.timers.map((t) => t.ms)).toEqual([5_000]); // healthy again: poll at the short period
    h.s.setPollMs(60_000); // the stream is back
    expect(h.timers.map((t) => t.ms)).toEqual([60_000]);
  });

  it('does not retry when the device is not in a team or signed out', async () => {
    const h = harness([{ kind: 'not-joined' }]);
    h.s.kick();
    await h.finishRun();
    expect(h.timers).toEqual([]);
  });
});

describe('backoffDelay', () => {
  it('doubles from 2 s and caps at 5 minutes, with jitter between 0.5x and 1.5x', () => {
    expect(backoffDelay(1, () => 0.5)).toBe(BACKOFF_MIN_MS);
    expect(backoffDelay(2, () => 0.5)).toBe(BACKOFF_MIN_MS * 2);
    expect(backoffDelay(30, () => 0.5)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(1, () => 0)).toBe(BACKOFF_MIN_MS / 2);
    expect(backoffDelay(1, () => 0.999)).toBeLessThan(BACKOFF_MIN_MS * 1.5);
  });
});

describe('a server hold (429 Retry-After)', () => {
  it('makes the retry wait at least as long as the server asked, and puts a kick off', async () => {
    const timers: number[] = [];
    let hold = 0;
    let runs = 0;
    const s = createScheduler({
      run: () => {
        runs++;
        hold = 90_000; // the server answered 429, Retry-After: 90
        return Promise.resolve({ kind: 'error', message: 'You have sent too much' });
      },
      random: () => 0.5,
      setTimer: (_fn, ms) => timers.push(ms),
      clearTimer: () => undefined,
      holdMs: () => hold,
    });
    s.kick();
    await s.idle();
    expect(runs).toBe(1);
    expect(timers).toEqual([90_000]);
    s.kick(); // a write or `online` during the hold
    await s.idle();
    expect(runs).toBe(1);
    expect(timers).toEqual([90_000, 90_000]);
  });

  it('holds back a kick that came during the pass the server then held back', async () => {
    const timers: number[] = [];
    let hold = 0;
    let runs = 0;
    let finish: () => void = () => undefined;
    const s = createScheduler({
      run: async () => {
        runs++;
        await new Promise<void>((r) => (finish = r));
        hold = 90_000; // the server answered 429, Retry-After: 90
        return { kind: 'error', message: 'You have sent too much' };
      },
      random: () => 0.5,
      setTimer: (_fn, ms) => timers.push(ms),
      clearTimer: () => undefined,
      holdMs: () => hold,
    });
    s.kick();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    s.kick(); // a Save while the pass is on its way
    finish();
    await s.idle();
    expect(runs).toBe(1); // not a second pass straight after the 429
    expect(timers).toEqual([90_000]);
  });

  it('reads Retry-After as seconds or an HTTP date, and falls back to a minute', () => {
    const at = Date.UTC(2026, 2, 2, 7, 30);
    expect(retryAfterSeconds('120', at)).toBe(120);
    expect(retryAfterSeconds(new Date(at + 30_000).toUTCString(), at)).toBe(30);
    expect(retryAfterSeconds(null, at)).toBe(60);
    expect(retryAfterSeconds('soon', at)).toBe(60);
  });
});
