/**
 * GET /api/v1/events?team=: a server-sent event stream that says "change"
 * whenever a push applied something for the team, so a huddle board and the
 * phones pull at once. Authenticated by the Authorization header like every
 * other route (the page reads it with fetch, not EventSource, so the bearer
 * token never goes in a URL). A comment line every 20 s keeps proxies from
 * closing it, and re-checks the token (a removed member's stream ends).
 */
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { requireActor, requireTeam } from '../http/auth.ts';
import type { Notifier } from '../live/notifier.ts';
import type { Store } from '../store/index.ts';

export const HEARTBEAT_MS = 20_000;

export function eventRoutes(app: Hono, deps: { store: Store; live: Notifier }): void {
  app.get('/api/v1/events', async (c) => {
    const actor = await requireActor(c, deps.store);
    requireTeam(actor, c.req.query('team') ?? '');
    const token = (c.req.header('authorization') ?? '').replace(/^Bearer /, '');
    c.header('cache-control', 'no-store');
    c.header('x-accel-buffering', 'no');
    return streamSSE(c, async (stream) => {
      let pending = 0;
      let open = true;
      let wake: () => void = () => undefined;
      const unsubscribe = deps.live.subscribe(actor.teamId, (event) => {
        if (event === 'closed') open = false;
        else pending++;
        wake();
      });
      stream.onAbort(() => {
        open = false;
        wake();
      });
      try {
        await stream.writeSSE({ event: 'ready', data: '' });
        while (open && !stream.aborted) {
          if (pending > 0) {
            pending = 0;
            await stream.writeSSE({ event: 'change', data: '' });
            continue;
          }
          let timer: ReturnType<typeof setTimeout> | undefined;
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(resolve, HEARTBEAT_MS);
          });
          clearTimeout(timer);
          if (!open || pending > 0) continue;
          if (!(await deps.store.authenticate(token))) break;
          await stream.write(': ping\n\n');
        }
      } finally {
        unsubscribe();
      }
    });
  });
}
