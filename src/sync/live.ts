/**
 * Live updates: reads GET /api/v1/events as a server-sent event stream with
 * fetch, so the bearer token goes in the Authorization header and never in a
 * URL (EventSource cannot set headers). Each `change` (and `ready`, after a
 * reconnect) calls `onChange`, which pulls. If the stream drops it reconnects
 * with back-off; the caller polls meanwhile (`onConnected(false)`).
 */
import { backoffDelay } from './backoff.ts';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export type LiveOptions = {
  readonly token: string;
  /** The team whose member stream to read (GET /api/v1/events?team=). */
  readonly teamId?: string;
  /** Another stream instead, e.g. a board link's `/api/v1/display/events`. */
  readonly path?: string;
  readonly onChange: () => void;
  readonly onConnected?: (connected: boolean) => void;
  readonly baseUrl?: string;
  readonly fetchImpl?: Fetch;
};

/** Calls `on` with each event's name, until the stream ends. */
export async function readEvents(
  body: ReadableStream<Uint8Array>,
  on: (event: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const name = /^event: ?(.*)$/m.exec(block)?.[1]?.trim();
      if (name) on(name);
    }
  }
}

/** Opens the stream; returns the function that closes it. */
export function openLive(opts: LiveOptions): () => void {
  const fetchImpl: Fetch = opts.fetchImpl ?? ((i, init) => fetch(i, init));
  const abort = new AbortController();
  let stopped = false;
  let failures = 0;
  const path = opts.path ?? `/api/v1/events?team=${encodeURIComponent(opts.teamId ?? '')}`;
  const url = `${opts.baseUrl ?? ''}${path}`;

  async function run(): Promise<void> {
    while (!stopped) {
      try {
        const res = await fetchImpl(url, {
          headers: { authorization: `Bearer ${opts.token}`, accept: 'text/event-stream' },
          cache: 'no-store',
          signal: abort.signal,
        });
        if (res.status === 401 || res.status === 403) return; // signed out: polling shows it
        if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`);
        failures = 0;
        opts.onConnected?.(true);
        await readEvents(res.body, (event) => {
          if (event === 'change' || event === 'ready') opts.onChange();
        });
      } catch {
        // offline, or the server went away: back off and try again
      }
      opts.onConnected?.(false);
      if (stopped) return;
      failures++;
      await new Promise((r) =>
        setTimeout(r, Math.min(30_000, backoffDelay(failures, Math.random))),
      );
    }
  }
  void run();
  return () => {
    stopped = true;
    abort.abort();
  };
}
