/**
 * The sync routes: push a batch of outbox mutations, pull the team's change
 * log after a cursor. Both check the token's team against the one asked for,
 * and the member's fair-use budgets (http/fairUse.ts): a push is refused once
 * its sender has used their bytes or changes, so a batch may go over by at
 * most one request; its bytes count whatever the batch holds.
 *
 * Two query words, which older servers ignore (docs/decisions/0024-no-echo.md):
 * a push with `refusals=final` says the phone sends "Try again" under a new
 * mutation id, so the server answers every later copy of a refused mutation
 * the same way; a pull with `own=<device id>` leaves out what that device
 * pushed and the server applied exactly as sent. A phone that says neither
 * (every phone before issue 15) gets everything, as before.
 */
import type { Context, Hono } from 'hono';
import * as v from 'valibot';
import { pushRequestSchema } from '../../src/domain/protocol.ts';
import { ORG_KINDS } from '../../src/domain/entities.ts';
import { LIMITS } from '../../src/domain/records.ts';
import { isDeviceId } from '../../src/domain/ids.ts';
import { requireActor, requireTeam } from '../http/auth.ts';
import { checkPull, checkPush } from '../http/fairUse.ts';
import { parseInput, readSizedJson, tooLarge } from '../http/input.ts';
import type { Limits } from '../http/limits.ts';
import { ServerMoved, TeamGone, type Store } from '../store/index.ts';
import { joiningWords } from '../../src/domain/joining.en.ts';
import { ApiError } from '../http/errors.ts';
import { serverTroubleWords } from '../../src/domain/serverTrouble.en.ts';

export type SyncDeps = {
  readonly store: Store;
  readonly now: () => number;
  readonly limits: Limits;
  /** Called after a push applied at least one change (live updates, routes/events.ts). */
  readonly onApplied?: (teamId: string) => void;
  /** Called after a push applied a change of an organisation's kind (its log changed). */
  readonly onOrgApplied?: (teamId: string) => void;
};

const wholeNumber = (max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d{1,15}$/, 'must be a whole number'),
    v.transform(Number),
    v.maxValue(max, `must be at most ${max}`),
  );

const pullQuerySchema = v.object({
  team: v.pipe(
    v.string('must be given'),
    v.regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      'must be a team id',
    ),
  ),
  cursor: v.optional(wholeNumber(Number.MAX_SAFE_INTEGER), '0'),
  limit: v.optional(
    v.pipe(wholeNumber(LIMITS.pullPage), v.minValue(1, 'must be at least 1')),
    String(LIMITS.pullPage),
  ),
  /** The pulling device: its changes applied exactly as sent are left out. */
  own: v.optional(v.pipe(v.string(), v.guard(isDeviceId, 'must be a device id'))),
});

const pushQuerySchema = v.object({
  /** 'final': this phone never sends a refused mutation's id again. */
  refusals: v.optional(v.picklist(['final'], 'must be "final" if given')),
});

/**
 * A checked push also names where its phone last saw this server: the epoch, and
 * the team's log position the phone has pulled to. Its own path, so that a server
 * from before it answers 404 rather than ignore the check (the phone then asks
 * with a pull first, as before).
 */
const checkedPushQuerySchema = v.object({
  epoch: v.pipe(
    v.string('must be given: the server epoch this phone last saw'),
    v.minLength(1, 'must be the server epoch this phone last saw'),
    v.maxLength(64, 'must be the server epoch this phone last saw'),
  ),
  cursor: wholeNumber(Number.MAX_SAFE_INTEGER),
});

function hasTooManyMutations(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || !('mutations' in body)) return false;
  return Array.isArray(body.mutations) && body.mutations.length > LIMITS.pushBatch;
}

export function syncRoutes(app: Hono, deps: SyncDeps): void {
  const { store, now, limits } = deps;

  /** A push: plain, or checked against where the phone last saw the server. */
  const pushRoute = (checked: boolean) => async (c: Context) => {
    const actor = await requireActor(c, store);
    await checkPush(limits, actor.memberId);
    const { value: body, bytes } = await readSizedJson(c);
    await limits.pushBytes.add(actor.memberId, bytes);
    if (hasTooManyMutations(body)) {
      throw tooLarge(
        `Too many changes in one request; send at most ${LIMITS.pushBatch} at a time.`,
      );
    }
    const request = parseInput(pushRequestSchema, body);
    requireTeam(actor, request.teamId);
    const { refusals } = parseInput(pushQuerySchema, c.req.query());
    // A checked push refused for a restore has had its bytes counted for fair use, and is
    // counted again when the phone sends it plain: one batch more, once a restore.
    const since = checked ? parseInput(checkedPushQuerySchema, c.req.query()) : null;
    const results = await store
      .push(actor, request.mutations, now(), {
        finalRefusals: refusals === 'final',
        ...(since ? { since } : {}),
      })
      .catch((err: unknown) => {
        if (err instanceof ServerMoved)
          throw new ApiError(409, 'server_restored', serverTroubleWords('restored'));
        // Removed while this push waited: answered as the next request would be.
        if (err instanceof TeamGone)
          throw new ApiError(401, 'unauthorised', joiningWords('notSignedIn'));
        throw err;
      });
    const applied = results.filter((r) => r.kind === 'applied').length;
    await limits.records.add(actor.memberId, applied);
    if (applied > 0) deps.onApplied?.(actor.teamId);
    // Mutations are judged one by one in the store (a null or a number is refused
    // there, not here); here only the ids and kinds of real objects matter.
    const orgIds = new Set(
      request.mutations.flatMap((m) =>
        typeof m === 'object' &&
        m !== null &&
        'entity' in m &&
        typeof m.entity === 'string' &&
        (ORG_KINDS as readonly string[]).includes(m.entity) &&
        'id' in m
          ? [m.id]
          : [],
      ),
    );
    if (results.some((r) => r.kind === 'applied' && orgIds.has(r.id)))
      deps.onOrgApplied?.(actor.teamId);
    return c.json({ results }, 200);
  };
  app.post('/api/v1/sync/push', pushRoute(false));
  app.post('/api/v1/sync/push/checked', pushRoute(true));

  app.get('/api/v1/sync/pull', async (c) => {
    const actor = await requireActor(c, store);
    await checkPull(limits, actor.memberId);
    const query = parseInput(pullQuerySchema, c.req.query());
    requireTeam(actor, query.team);
    const own =
      query.own === undefined ? undefined : { memberId: actor.memberId, device: query.own };
    return c.json(await store.pull(actor.teamId, query.cursor, query.limit, own), 200);
  });
}
