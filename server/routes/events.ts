/**
 * GET /api/v1/org/events?org=: the same stream for a leader's device (an
 * organisation's token), saying "change" when the organisation's log changed
 * (a share, a take-up, a withdrawal, a team linked or unlinked). A team's own
 * stream says it too for the organisation the team is linked to (app.ts).
 *
 * GET /api/v1/events?team=: a server-sent event stream that says "change"
 * whenever a push applied something for the team, so a huddle board and the
 * phones pull at once. Authenticated by the Authorization header like every
 * other route (the page reads it with fetch, not EventSource, so the bearer
 * token never goes in a URL). A comment line every 20 s keeps proxies from
 * closing it, and re-checks the token; a member's removal ends their streams
 * at once (the notifier carries it to every process).
 *
 * A member may hold `streamsPerMember` streams at once in each process; one
 * more is refused (429), not swapped for the oldest: the page's reconnect backs
 * off on a refusal and polls meanwhile, whereas closing the oldest would make
 * one person's tabs take turns closing each other, each reconnect a pull.
 */
import { orgAdminWords } from '../../src/domain/orgAdmin.en.ts';
import type { Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { requireActor, requireTeam } from '../http/auth.ts';
import { tooManyStreams } from '../http/fairUse.ts';
import { orgChannel, type Notifier } from '../live/notifier.ts';
import { ApiError } from '../http/errors.ts';
import { requireOrgActor } from './orgs.ts';
import type { Store } from '../store/index.ts';

export const HEARTBEAT_MS = 20_000;

export type EventDeps = {
  readonly store: Store;
  readonly live: Notifier;
  /** Streams one member may hold open at once in this process. */
  readonly streamsPerMember: number;
};

/** Who holds a stream: the key its count is kept by, its team, and how it is re-checked. */
export type StreamHolder = {
  /** A member's id, or a board link's id: one count of open streams each. */
  readonly id: string;
  readonly teamId: string;
  /** Re-checked at each heartbeat: false ends the stream (a token revoked). */
  stillValid(): Promise<boolean>;
};

/** Counts the streams each holder has open in this process, refusing one too many. */
export function streamCounter(perHolder: number) {
  const streams = new Map<string, number>();
  return (id: string): (() => void) => {
    const held = streams.get(id) ?? 0;
    if (held >= perHolder) throw tooManyStreams(perHolder);
    streams.set(id, held + 1);
    return () => {
      const left = (streams.get(id) ?? 1) - 1;
      if (left > 0) streams.set(id, left);
      else streams.delete(id);
    };
  };
}

/**
 * The event stream itself: `ready`, then `change` after each push for the
 * team, a comment line every HEARTBEAT_MS; it ends when the server closes,
 * when the holder is removed (a member, or a withdrawn board link), or when
 * the holder's token no longer holds at a heartbeat.
 */
export function serveEvents(c: Context, live: Notifier, holder: StreamHolder, release: () => void) {
  c.header('cache-control', 'no-store');
  c.header('x-accel-buffering', 'no');
  return streamSSE(c, async (stream) => {
    let pending = 0;
    let open = true;
    let wake: () => void = () => undefined;
    const unsubscribe = live.subscribe(holder.teamId, (event) => {
      if (event === 'closed') open = false;
      else if (event === 'change') pending++;
      else if (event.removed === holder.id) open = false;
      else return; // someone else was removed: nothing for this stream
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
        if (!(await holder.stillValid())) break;
        await stream.write(': ping\n\n');
      }
    } finally {
      unsubscribe();
      release();
    }
  });
}

export function eventRoutes(app: Hono, deps: EventDeps): void {
  const hold = streamCounter(deps.streamsPerMember);
  app.get('/api/v1/events', async (c) => {
    const actor = await requireActor(c, deps.store);
    requireTeam(actor, c.req.query('team') ?? '');
    const release = hold(actor.memberId);
    const token = (c.req.header('authorization') ?? '').replace(/^Bearer /, '');
    return serveEvents(
      c,
      deps.live,
      {
        id: actor.memberId,
        teamId: actor.teamId,
        stillValid: async () => (await deps.store.authenticate(token)) !== null,
      },
      release,
    );
  });

  app.get('/api/v1/org/events', async (c) => {
    const actor = await requireOrgActor(c, deps.store);
    if (actor.orgId !== (c.req.query('org') ?? ''))
      throw new ApiError(403, 'forbidden', orgAdminWords('notLeader'));
    const release = hold(actor.memberId);
    const token = (c.req.header('authorization') ?? '').replace(/^Bearer /, '');
    return serveEvents(
      c,
      deps.live,
      {
        id: actor.memberId,
        teamId: orgChannel(actor.orgId),
        stillValid: async () => (await deps.store.orgs.authenticateOrg(token)) !== null,
      },
      release,
    );
  });
}
