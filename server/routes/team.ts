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

function requireFacilitator(actor: Actor, what: string): void {
  if (actor.role !== 'facilitator') {
    throw new ApiError(403, 'forbidden', `Only a facilitator can ${what}.`);
  }
}

export function teamRoutes(app: Hono, deps: TeamDeps): void {
  const { store, now } = deps;

  app.post('/api/v1/team/invite', async (c) => {
    const actor = await requireActor(c, store);
    requireFacilitator(actor, 'change the invite code');
    const inviteCode = await store.rotateInvite(actor.teamId);
    if (inviteCode === null) throw new ApiError(404, 'not_found', 'This team no longer exists.');
    return c.json({ inviteCode } satisfies InviteResponse, 200);
  });

  app.delete('/api/v1/team/members/:id', async (c) => {
    const actor = await requireActor(c, store);
    requireFacilitator(actor, 'remove someone from the team');
    const { id } = parseInput(memberParam, { id: c.req.param('id') });
    if (id === actor.memberId) {
      throw new ApiError(
        400,
        'bad_request',
        'You cannot remove yourself. Ask another facilitator to do it.',
        { field: 'id' },
      );
    }
    if (!(await store.removeMember(actor.teamId, id, now()))) {
      throw new ApiError(404, 'not_found', 'Your team has no such member.', { field: 'id' });
    }
    deps.onRemoved?.(actor.teamId, id);
    return c.json({ memberId: id } satisfies MemberRemovedResponse, 200);
  });

  app.put('/api/v1/team/members/:id/role', async (c) => {
    const actor = await requireActor(c, store);
    requireFacilitator(actor, "change someone's role");
    const { id } = parseInput(memberParam, { id: c.req.param('id') });
    const { role } = parseInput(setRoleRequestSchema, await readJson(c));
    if (id === actor.memberId) {
      throw new ApiError(
        400,
        'bad_request',
        'You cannot change your own role. Ask another facilitator to do it.',
        { field: 'id' },
      );
    }
    if (!(await store.setRole(actor.teamId, id, role))) {
      throw new ApiError(404, 'not_found', 'Your team has no such member.', { field: 'id' });
    }
    return c.json({ memberId: id, role } satisfies RoleChangedResponse, 200);
  });
}
