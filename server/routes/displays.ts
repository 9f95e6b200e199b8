/**
 * Board links for a TV (issue 17). A facilitator makes one
 * (`POST /api/v1/team/displays`, the token shown once), lists and withdraws
 * them; a TV shows the board with the token (`GET /api/v1/display/board`)
 * and hears of changes on its own event stream (`GET /api/v1/display/events`).
 * A display token is not a member: every member route answers it 401, so it
 * can push nothing, pull no change log and read nothing but the board.
 * Withdrawing a link ends its open streams at once (the notifier carries it
 * to every process) and the TV's next read is told, in words, what to do.
 */
import type { Context, Hono } from 'hono';
import * as v from 'valibot';
import { DISPLAY_WITHDRAWN, MAX_DISPLAYS } from '../../src/domain/display.ts';
import { isUuidV7 } from '../../src/domain/ids.ts';
import { teamAdminWords } from '../../src/domain/teamAdmin.en.ts';
import { requireActor } from '../http/auth.ts';
import { ApiError } from '../http/errors.ts';
import { parseInput } from '../http/input.ts';
import type { Notifier } from '../live/notifier.ts';
import type { Store } from '../store/index.ts';
import { serveEvents, streamCounter } from './events.ts';

export type DisplayDeps = {
  readonly store: Store;
  readonly now: () => number;
  readonly live: Notifier;
  readonly streamsPerDisplay: number;
};

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,128})$/;
const displayParam = v.object({ id: v.pipe(v.string(), v.check(isUuidV7, 'must be a link id')) });

async function requireFacilitator(c: Context, store: Store) {
  const actor = await requireActor(c, store);
  if (actor.role !== 'facilitator') {
    throw new ApiError(403, 'forbidden', teamAdminWords('facilitatorBoardLink'));
  }
  return actor;
}

async function requireDisplay(c: Context, store: Store) {
  const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
  const display = token ? await store.displays.authenticate(token) : null;
  if (display?.kind === 'withdrawn') {
    throw new ApiError(401, DISPLAY_WITHDRAWN, teamAdminWords('boardLinkWithdrawn'));
  }
  if (!display) {
    throw new ApiError(401, 'unauthorised', teamAdminWords('boardLinkUnknown'));
  }
  return { ...display, token: token ?? '' };
}

export function displayRoutes(app: Hono, deps: DisplayDeps): void {
  const { store, now } = deps;

  app.post('/api/v1/team/displays', async (c) => {
    const actor = await requireFacilitator(c, store);
    const made = await store.displays.create(actor.teamId, actor.memberId, now());
    if (!made) {
      throw new ApiError(
        400,
        'bad_request',
        teamAdminWords('boardLinksFull', { max: String(MAX_DISPLAYS) }),
      );
    }
    return c.json(made, 201);
  });

  app.get('/api/v1/team/displays', async (c) => {
    const actor = await requireFacilitator(c, store);
    return c.json(await store.displays.list(actor.teamId), 200);
  });

  app.delete('/api/v1/team/displays/:id', async (c) => {
    const actor = await requireFacilitator(c, store);
    const { id } = parseInput(displayParam, { id: c.req.param('id') });
    if (!(await store.displays.revoke(actor.teamId, id, now()))) {
      throw new ApiError(404, 'not_found', teamAdminWords('noSuchBoardLink'), { field: 'id' });
    }
    deps.live.publishRemoved(actor.teamId, id);
    return c.json({ id }, 200);
  });

  app.get('/api/v1/display/board', async (c) => {
    const display = await requireDisplay(c, store);
    const board = await store.displays.board(display.teamId);
    if (!board) throw new ApiError(404, 'not_found', teamAdminWords('teamGone'));
    c.header('cache-control', 'no-store');
    return c.json(board, 200);
  });

  const hold = streamCounter(deps.streamsPerDisplay);
  app.get('/api/v1/display/events', async (c) => {
    const display = await requireDisplay(c, store);
    const release = hold(display.id);
    return serveEvents(
      c,
      deps.live,
      {
        id: display.id,
        teamId: display.teamId,
        stillValid: async () =>
          (await store.displays.authenticate(display.token))?.kind === 'display',
      },
      release,
    );
  });
}
