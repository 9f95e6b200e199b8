/**
 * What a facilitator does to one record beyond the rules of a push: erase the
 * words of an idea or comment everywhere (store/erase.ts,
 * docs/decisions/0015-erasure.md). Every phone then pulls the change that
 * erases them.
 */
import type { Hono } from 'hono';
import * as v from 'valibot';
import { isUuidV7 } from '../../src/domain/ids.ts';
import { isErasable } from '../../src/domain/moderation.ts';
import { eraseRequestSchema, type EraseResponse } from '../../src/domain/protocol.ts';
import { requireActor } from '../http/auth.ts';
import { teamAdminWords } from '../../src/domain/teamAdmin.en.ts';
import { ApiError } from '../http/errors.ts';
import { parseInput, readJson } from '../http/input.ts';
import type { Store } from '../store/index.ts';

export type RecordDeps = {
  readonly store: Store;
  readonly now: () => number;
  /** Called after an erase was logged (live updates: the team's phones pull it). */
  readonly onApplied?: (teamId: string) => void;
};

const target = v.object({
  entity: v.pipe(
    v.string(),
    v.check(isErasable, 'must be idea or comment: only their words can be erased'),
  ),
  id: v.pipe(v.string(), v.check(isUuidV7, 'must be a record id')),
});

export function recordRoutes(app: Hono, deps: RecordDeps): void {
  const { store, now } = deps;

  app.post('/api/v1/records/:entity/:id/erase', async (c) => {
    const actor = await requireActor(c, store);
    if (actor.role !== 'facilitator')
      throw new ApiError(403, 'forbidden', teamAdminWords('facilitatorErase'));
    const { entity, id } = parseInput(target, {
      entity: c.req.param('entity'),
      id: c.req.param('id'),
    });
    const { reason } = parseInput(eraseRequestSchema, await readJson(c));
    if (!isErasable(entity)) throw new Error('unreachable: checked by the schema');
    const outcome = await store.erase(actor, entity, id, reason, now());
    if (outcome.kind === 'not-found')
      throw new ApiError(404, 'not_found', teamAdminWords('noSuchPost', { entity }), {
        field: 'id',
      });
    deps.onApplied?.(actor.teamId);
    return c.json({ seq: outcome.seq } satisfies EraseResponse, 200);
  });
}
