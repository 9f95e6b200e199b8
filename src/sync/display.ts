/**
 * A TV's side of a board link: reads the board with the link's token, follows
 * the link's event stream (src/sync/live.ts) and polls besides, and stops for
 * good once the server says the link is withdrawn or unknown.
 */
import type { Board } from '../domain/display.ts';
import { createApi, type Api } from './api.ts';
import { openLive } from './live.ts';

/** How often a TV reads the board even while its stream is up. */
export const DISPLAY_POLL_MS = 30_000;

export type BoardRead =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ok'; readonly board: Board }
  /** The server did not answer: the last board, kept on screen. */
  | { readonly kind: 'stale'; readonly board: Board }
  /**
   * Stopped for good. `link`: the server refused the link (withdrawn or
   * unknown), its words saying what to do; `server`: another answer, its words;
   * `offline`: the first read found no server (the screen says what to do).
   */
  | { readonly kind: 'stopped'; readonly cause: 'link' | 'server'; readonly message: string }
  | { readonly kind: 'stopped'; readonly cause: 'offline' };

/** One read, given what was shown before. */
export async function readBoard(api: Api, token: string, before: BoardRead): Promise<BoardRead> {
  const r = await api.board(token);
  if (r.kind === 'ok') return { kind: 'ok', board: r.body };
  if (r.kind === 'unauthorised' || r.kind === 'forbidden') {
    return { kind: 'stopped', cause: 'link', message: r.message };
  }
  if (before.kind === 'ok' || before.kind === 'stale')
    return { kind: 'stale', board: before.board };
  return r.kind === 'offline'
    ? { kind: 'stopped', cause: 'offline' }
    : { kind: 'stopped', cause: 'server', message: r.message };
}

/** Reads now, on each change and every `pollMs`; returns the function that stops. */
export function watchBoard(
  token: string,
  on: {
    onRead: (read: BoardRead) => void;
    onLive: (up: boolean) => void;
    pollMs: number;
    api?: Api;
  },
): () => void {
  const api = on.api ?? createApi();
  let last: BoardRead = { kind: 'loading' };
  let stopped = false;
  let busy: Promise<void> = Promise.resolve();
  const stop = () => {
    stopped = true;
    clearInterval(timer);
    closeLive();
  };
  const refresh = () => {
    busy = busy.then(async () => {
      if (stopped) return;
      last = await readBoard(api, token, last);
      if (stopped) return;
      on.onRead(last);
      if (last.kind === 'stopped') stop();
    });
  };
  const closeLive = openLive({
    token,
    path: '/api/v1/display/events',
    onChange: refresh,
    onConnected: (up) => {
      on.onLive(up);
      if (!up) refresh(); // a stream that ends may mean the link was withdrawn
    },
  });
  const timer = setInterval(refresh, on.pollMs);
  refresh();
  return stop;
}
