/**
 * Decides when the page syncs. Framework-free (timers and the run function are
 * injected) so tests drive it with fake timers.
 *
 * - `kick()` asks for a pass now; kicks during a pass coalesce into one more pass.
 * - After a failure it retries on a jittered back-off timer, and never before
 *   the server said it may (a 429's Retry-After, `serverHold`): a kick during
 *   that wait is put off until it ends.
 * - After success, while the page is visible, it pulls every `pollMs` so the
 *   list shows colleagues' ideas without a reload. `setPollMs` changes that
 *   period (short while the live event stream is down, long while it is up).
 */
import { serverHold } from './api.ts';
import { backoffDelay } from './backoff.ts';
import { shouldRetry, type SyncOutcome } from './engine.ts';

export type SchedulerDeps = {
  readonly run: () => Promise<SyncOutcome>;
  readonly onOutcome?: (o: SyncOutcome) => void;
  readonly onStart?: () => void;
  readonly random?: () => number;
  /** Poll period while visible and healthy, in ms. */
  readonly pollMs?: number;
  readonly isVisible?: () => boolean;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
  /** Milliseconds the server asked this phone to wait, 0 if none. Default: `serverHold`. */
  readonly holdMs?: () => number;
};

export type Scheduler = {
  kick(): void;
  /**
   * The poll period from now on, in ms. A poll already waiting is moved to the
   * new period; a back-off after a failure is left alone, so a down server is
   * never polled faster than the back-off allows.
   */
  setPollMs(ms: number): void;
  /** Resolves when the current pass (and any coalesced one) has finished. */
  idle(): Promise<void>;
  stop(): void;
};

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const random = deps.random ?? Math.random;
  let pollMs = deps.pollMs ?? 60_000;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const holdMs =
    deps.holdMs ??
    (() => {
      const now = Date.now();
      const hold = serverHold(now);
      return hold === null ? 0 : hold.untilMs - now;
    });
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let timer: unknown = null;
  /** The waiting timer is a poll (true) or a back-off (false). */
  let polling = false;
  let stopped = false;

  const schedule = (ms: number, poll: boolean) => {
    if (timer !== null) clearTimer(timer);
    polling = poll;
    timer = setTimer(() => {
      timer = null;
      kick();
    }, ms);
  };

  async function loop() {
    do {
      again = false;
      deps.onStart?.();
      let outcome: SyncOutcome;
      try {
        outcome = await deps.run();
      } catch (e) {
        outcome = { kind: 'error', message: e instanceof Error ? e.message : String(e) };
      }
      deps.onOutcome?.(outcome);
      if (stopped) return;
      if (shouldRetry(outcome)) {
        failures++;
        schedule(Math.max(backoffDelay(failures, random), holdMs()), false);
      } else {
        failures = 0;
        if (outcome.kind === 'synced' && (deps.isVisible?.() ?? true)) schedule(pollMs, true);
      }
      // A kick during a pass that the server then held back waits for the hold's timer.
    } while (again && !stopped && holdMs() <= 0);
  }

  function kick() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    const wait = holdMs();
    if (wait > 0) {
      schedule(wait, false);
      return;
    }
    running = loop().finally(() => {
      running = null;
    });
  }

  return {
    kick,
    setPollMs: (ms) => {
      if (ms === pollMs) return;
      pollMs = ms;
      if (timer !== null && polling && !stopped) schedule(ms, true);
    },
    idle: async () => {
      while (running) await running;
    },
    stop: () => {
      stopped = true;
      if (timer !== null) clearTimer(timer);
    },
  };
}
