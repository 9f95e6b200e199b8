/**
 * What a facilitator does to the team's membership: rotate the invite code
 * (the old one stops working, so a code shared too widely can be withdrawn)
 * and remove a member (their device's token stops working at once, and their
 * open event streams end; they can join again with the current code and get a
 * new one).
 */
import type { Hono } from 'hono';
import * as v from 'valibot';
import {
  setRoleRequestSchema,
  type InviteResponse,
  type MemberRemovedResponse,
  type RoleChangedResponse,
} from '../../src/domain/protocol.ts';
import { isUuidV7, type MemberId } from '../../src/domain/ids.ts';
import { teamAdminWords } from '../../src/domain/teamAdmin.en.ts';
import { requireActor } from '../http/auth.ts';
import { ApiError } from '../http/errors.ts';
import { parseInput, readJson } from '../http/input.ts';
import type { Actor, Store } from '../store/index.ts';

export type TeamDeps = {
  readonly store: Store;
  readonly now: () => number;
  /** Called after a member was removed (their event streams end: routes/events.ts). */
  readonly onRemoved?: (teamId: string, memberId: string) => void;
};

const memberParam = v.object({
  id: v.pipe(
    v.string(),
    v.check(isUuidV7, 'must be a member id'),
    v.transform((s) => s as MemberId),
  ),
});

/** `what` names the whole refusal sentence: each is its own sentence in every language. */
function requireFacilitator(
  actor: Actor,
  what: 'facilitatorInvite' | 'facilitatorRemove' | 'facilitatorRole',
): void {
  if (actor.role !== 'facilitator') {
    throw new ApiError(403, 'forbidden', teamAdminWords(what));
  }
}

export function teamRoutes(app: Hono, deps: TeamDeps): void {
  const { store, now } = deps;

  app.post('/api/v1/team/invite', async (c) => {
    const actor = await requireActor(c, store);
    requireFacilitator(actor, 'facilitatorInvite');
    const inviteCode = await store.rotateInvite(actor.teamId);
    if (inviteCode === null) throw new ApiError(404, 'not_found', teamAdminWords('teamGone'));
    return c.json({ inviteCode } satisfies InviteResponse, 200);
  });

  app.delete('/api/v1/team/members/:id', async (c) => {
    const actor = await requireActor(c, store);
    requireFacilitator(actor, 'facilitatorRemove');
    const { id } = parseInput(memberParam, { id: c.req.param('id') });
    if (id === actor.memberId) {
      throw new ApiError(400, 'bad_request', teamAdminWords('removeSelf'), { field: 'id' });
    }
    if (!(await store.removeMember(actor.teamId, id, now()))) {
      throw new ApiError(404, 'not_found', teamAdminWords('noSuchMember'), { field: 'id' });
    }
    deps.onRemoved?.(actor.teamId, id);
    return c.json({ memberId: id } satisfies MemberRemovedResponse, 200);
  });

  app.put('/api/v1/team/members/:id/role', async (c) => {
    const actor = await requireActor(c, store);
    requireFacilitator(actor, 'facilitatorRole');
    const { id } = parseInput(memberParam, { id: c.req.param('id') });
    const { role } = parseInput(setRoleRequestSchema, await readJson(c));
    if (id === actor.memberId) {
      throw new ApiError(400, 'bad_request', teamAdminWords('ownRole'), { field: 'id' });
    }
    if (!(await store.setRole(actor.teamId, id, role))) {
      throw new ApiError(404, 'not_found', teamAdminWords('noSuchMember'), { field: 'id' });
    }
    return c.json({ memberId: id, role } satisfies RoleChangedResponse, 200);
  });
}
