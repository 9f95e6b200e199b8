/**
 * Weekly digest routes (additive to /api/v1), mounted when the server has SMTP
 * settings: a member gives (or withdraws) their own address; a facilitator
 * turns the team's digest on or off.
 */
import type { Hono } from 'hono';
import * as v from 'valibot';
import { requireActor } from '../http/auth.ts';
import { teamAdminWords } from '../../src/domain/teamAdmin.en.ts';
import { ApiError } from '../http/errors.ts';
import { parseInput, readJson } from '../http/input.ts';
import type { Store } from '../store/index.ts';

const addressSchema = v.strictObject({
  email: v.nullable(
    v.pipe(v.string(), v.trim(), v.maxLength(254), v.email('must be an email address')),
  ),
});
const teamSchema = v.strictObject({ enabled: v.boolean() });

export function digestRoutes(app: Hono, deps: { store: Store; now: () => number }): void {
  const { store, now } = deps;
  app.get('/api/v1/digest', async (c) => {
    const actor = await requireActor(c, store);
    return c.json(await store.digest.settings(actor.teamId, actor.memberId), 200);
  });
  app.put('/api/v1/digest/address', async (c) => {
    const actor = await requireActor(c, store);
    const { email } = parseInput(addressSchema, await readJson(c));
    await store.digest.setEmail(actor.teamId, actor.memberId, email, now());
    return c.json({ ok: true }, 200);
  });
  app.put('/api/v1/digest/team', async (c) => {
    const actor = await requireActor(c, store);
    if (actor.role !== 'facilitator') {
      throw new ApiError(403, 'forbidden', teamAdminWords('facilitatorWeeklyEmail'));
    }
    const { enabled } = parseInput(teamSchema, await readJson(c));
    await store.digest.setEnabled(actor.teamId, enabled);
    return c.json({ ok: true, enabled }, 200);
  });
}
