/**
 * Live everywhere: while the page is open on any screen and the device is in a
 * team, one server-sent event stream per page (`openLive`) kicks the page's
 * scheduler on every change, so a colleague's new idea, comment or status
 * shows within a second or two. The scheduler runs the pass under the sync
 * lock and coalesces kicks, so an event never starts a second sync.
 *
 * Polling is the fallback, not a second engine: while the stream is down the
 * scheduler polls every `FALLBACK_POLL_MS` (and still backs off while the
 * server fails); while it is up, every `LIVE_POLL_MS` as a safety net.
 *
 * A leader's device in no team reads its organisation's stream instead
 * (`/api/v1/org/events`, which says "change" when the organisation's log
 * changed); a team's stream says it too for the team's own organisation.
 *
 * The stream follows the session: opened on join, reopened when the token or
 * team changes, closed on sign-out. It also follows the page: after
 * `HIDDEN_CLOSE_MS` hidden it is closed, so a phone in a pocket holds no
 * connection open and the server no idle stream; becoming visible reopens it
 * (the scheduler pulls on becoming visible anyway). A short switch to another
 * app keeps it. Framework-free: every effect is injected, so tests drive it.
 */
import type { LiveOptions } from './live.ts';

/** Poll period while the event stream is down, in ms. */
export const FALLBACK_POLL_MS = 5_000;
/** Poll period while the event stream is up, in ms (events can be missed). */
export const LIVE_POLL_MS = 60_000;
/** Close the stream once the page has been hidden this long, in ms. */
export const HIDDEN_CLOSE_MS = 60_000;

export type LiveAuth = {
  readonly token: string;
  readonly teamId: string;
  /** Another stream than the team's: a leader's device reads its organisation's. */
  readonly path?: string;
};

export type LiveSyncDeps = {
  /** Calls `on` with the session now and on every change; returns the unsubscribe. */
  readonly watchSession: (on: (auth: LiveAuth | null) => void) => () => void;
  /** Opens an event stream (`openLive`); returns the function that closes it. */
  readonly open: (opts: LiveOptions) => () => void;
  /** Ask for a sync pass (the scheduler's `kick`). */
  readonly kick: () => void;
  readonly setPollMs: (ms: number) => void;
  readonly onConnected: (connected: boolean) => void;
  readonly isVisible: () => boolean;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
};

export type LiveSync = {
  /** The page's visibility changed. */
  visibilityChanged(): void;
  /** The browser says it is online again: reconnect now rather than after the back-off. */
  online(): void;
  stop(): void;
};

export function startLiveSync(deps: LiveSyncDeps): LiveSync {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let auth: LiveAuth | null = null;
  let close: (() => void) | null = null;
  let connected = false;
  let hiddenTimer: unknown = null;
  let stopped = false;

  const report = (up: boolean) => {
    if (up === connected) return;
    connected = up;
    deps.setPollMs(up ? LIVE_POLL_MS : FALLBACK_POLL_MS);
    deps.onConnected(up);
  };

  function closeStream(): void {
    close?.();
    close = null;
    report(false);
  }

  function openStream(): void {
    if (stopped || close || !auth || !deps.isVisible()) return;
    let mine = true;
    const end = deps.open({
      token: auth.token,
      teamId: auth.teamId,
      ...(auth.path === undefined ? {} : { path: auth.path }),
      onChange: deps.kick,
      onConnected: (up) => {
        if (mine) report(up);
      },
    });
    close = () => {
      mine = false; // a late "disconnected" from the closed stream must not count
      end();
    };
  }

  deps.setPollMs(FALLBACK_POLL_MS);
  const unwatch = deps.watchSession((next) => {
    if (next?.token === auth?.token && next?.teamId === auth?.teamId && next?.path === auth?.path)
      return;
    auth = next;
    closeStream();
    openStream();
  });

  return {
    visibilityChanged() {
      if (hiddenTimer !== null) clearTimer(hiddenTimer);
      hiddenTimer = null;
      if (deps.isVisible()) openStream();
      else
        hiddenTimer = setTimer(() => {
          hiddenTimer = null;
          closeStream();
        }, HIDDEN_CLOSE_MS);
    },
    online() {
      if (connected) return;
      closeStream();
      openStream();
    },
    stop() {
      stopped = true;
      unwatch();
      if (hiddenTimer !== null) clearTimer(hiddenTimer);
      closeStream();
    },
  };
}
