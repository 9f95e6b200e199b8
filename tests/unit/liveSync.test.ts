/**
 * Live everywhere: the page's one event stream follows the session and the
 * page's visibility, kicks a sync on every event, and sets the scheduler's
 * poll period (short while the stream is down, long while it is up).
 */
import { expect, it } from 'vitest';
import type { LiveOptions } from '../../src/sync/live.ts';
import {
  FALLBACK_POLL_MS,
  HIDDEN_CLOSE_MS,
  LIVE_POLL_MS,
  startLiveSync,
  type LiveAuth,
} from '../../src/sync/liveSync.ts';

type Stream = { opts: LiveOptions; closed: boolean };

function harness(visible = true) {
  const streams: Stream[] = [];
  const polls: number[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  let session: ((auth: LiveAuth | null) => void) | null = null;
  const state = { visible, kicks: 0, connected: false };
  const live = startLiveSync({
    watchSession: (on) => {
      session = on;
      on(null);
      return () => (session = null);
    },
    open: (opts) => {
      const s = { opts, closed: false };
      streams.push(s);
      return () => (s.closed = true);
    },
    kick: () => state.kicks++,
    setPollMs: (ms) => polls.push(ms),
    onConnected: (up) => (state.connected = up),
    isVisible: () => state.visible,
    setTimer: (fn, ms) => {
      const t = { fn, ms };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => {
      const i = timers.indexOf(h as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  const open = () => streams.filter((s) => !s.closed);
  return {
    live,
    streams,
    open,
    polls,
    timers,
    state,
    session: (a: LiveAuth | null) => session?.(a),
  };
}

const asha = { token: 'token-asha', teamId: 'team-1' };

it('opens one stream once the device joins, and each event asks for one sync', () => {
  const h = harness();
  expect(h.streams).toHaveLength(0); // not in a team: nothing to listen to
  h.session(asha);
  expect(h.open()).toHaveLength(1);
  expect(h.open()[0]?.opts).toMatchObject(asha);
  h.open()[0]?.opts.onChange();
  h.open()[0]?.opts.onChange();
  expect(h.state.kicks).toBe(2);
  h.session({ ...asha }); // the session row changed (a new invite code), not who we are
  expect(h.streams).toHaveLength(1);
});

it('polls often while the stream is down and rarely while it is up', () => {
  const h = harness();
  h.session(asha);
  expect(h.polls.at(-1)).toBe(FALLBACK_POLL_MS);
  h.open()[0]?.opts.onConnected?.(true);
  expect(h.state.connected).toBe(true);
  expect(h.polls.at(-1)).toBe(LIVE_POLL_MS);
  h.open()[0]?.opts.onConnected?.(false);
  expect(h.state.connected).toBe(false);
  expect(h.polls.at(-1)).toBe(FALLBACK_POLL_MS);
});

it('reconnects with the new token when the session changes, and closes on sign-out', () => {
  const h = harness();
  h.session(asha);
  const first = h.open()[0];
  first?.opts.onConnected?.(true);
  h.session({ token: 'token-asha-2', teamId: 'team-2' }); // joined another team
  expect(first?.closed).toBe(true);
  expect(h.open().map((s) => s.opts.teamId)).toEqual(['team-2']);
  first?.opts.onConnected?.(false); // late word from the old stream
  h.open()[0]?.opts.onConnected?.(true);
  expect(h.state.connected).toBe(true);
  h.session(null); // signed out
  expect(h.open()).toHaveLength(0);
  expect(h.state.connected).toBe(false);
});

it('keeps the stream through a short switch away, closes it after a long one, reopens on return', () => {
  const h = harness();
  h.session(asha);
  const first = h.open()[0];
  h.state.visible = false;
  h.live.visibilityChanged();
  h.state.visible = true;
  h.live.visibilityChanged();
  expect(h.timers).toHaveLength(0);
  expect(first?.closed).toBe(false);

  h.state.visible = false;
  h.live.visibilityChanged();
  expect(h.timers.map((t) => t.ms)).toEqual([HIDDEN_CLOSE_MS]);
  h.timers.shift()?.fn();
  expect(h.open()).toHaveLength(0);
  h.state.visible = true;
  h.live.visibilityChanged();
  expect(h.open()).toHaveLength(1);
  expect(h.streams).toHaveLength(2);
});

it('does not open a stream for a page that starts hidden until it is shown', () => {
  const h = harness(false);
  h.session(asha);
  expect(h.streams).toHaveLength(0);
  h.state.visible = true;
  h.live.visibilityChanged();
  expect(h.open()).toHaveLength(1);
});

it('reconnects at once when the browser comes back online, but not if the stream is up', () => {
  const h = harness();
  h.session(asha);
  h.live.online();
  expect(h.streams).toHaveLength(2); // the first was still waiting out its back-off
  h.open()[0]?.opts.onConnected?.(true);
  h.live.online();
  expect(h.streams).toHaveLength(2);
  h.live.stop();
  expect(h.open()).toHaveLength(0);
});

it('reads a leader’s organisation stream when the device is in no team, and the team’s once it joins one', () => {
  const h = harness();
  const leader = { token: 'token-shah', teamId: 'org-1', path: '/api/v1/org/events?org=org-1' };
  h.session(leader);
  expect(h.open()).toHaveLength(1);
  expect(h.open()[0]?.opts).toMatchObject({ token: 'token-shah', path: leader.path });
  h.open()[0]?.opts.onChange();
  expect(h.state.kicks).toBe(1);
  h.session(asha);
  expect(h.open()).toHaveLength(1);
  expect(h.open()[0]?.opts).toMatchObject(asha);
  expect(h.open()[0]?.opts.path).toBeUndefined();
});
