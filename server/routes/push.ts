/**
 * Notification routes (additive to /api/v1): the server's public key and the
 * team's text setting, this phone's subscription with its person's choices
 * (kept or replaced; stopped), and the facilitator's "idea text in
 * notifications" setting. Only mounted when the server sends notifications.
 */
import type { Hono } from 'hono';
import {
  subscriptionRequestSchema,
  teamNotifySchema,
  unsubscribeRequestSchema,
} from '../../src/domain/notify.ts';
import { requireActor } from '../http/auth.ts';
import { teamAdminWords } from '../../src/domain/teamAdmin.en.ts';
import { ApiError } from '../http/errors.ts';
import { parseInput, readJson } from '../http/input.ts';
import type { Notifications } from '../notify/index.ts';
import type { Store } from '../store/index.ts';

export type PushDeps = {
  readonly store: Store;
  readonly now: () => number;
  readonly notifications: Notifications;
};

export function pushRoutes(app: Hono, deps: PushDeps): void {
  const { store, now, notifications } = deps;

  app.get('/api/v1/push/key', async (c) => {
    const actor = await requireActor(c, store);
    const setting = await store.notify.teamSetting(actor.teamId);
    return c.json({ publicKey: notifications.publicKey, ideaText: setting.ideaText }, 200);
  });

  app.put('/api/v1/push/subscription', async (c) => {
    const actor = await requireActor(c, store);
    const req = parseInput(subscriptionRequestSchema, await readJson(c));
    const scheme = new URL(req.endpoint).protocol;
    if (scheme !== 'https:' && !(scheme === 'http:' && notifications.allowHttpEndpoints)) {
      throw new ApiError(400, 'bad_request', teamAdminWords('pushAddressRefused'), {
        field: 'endpoint',
      });
    }
    await store.notify.saveSubscription(actor, req, now());
    return c.json({ ok: true }, 200);
  });

  app.delete('/api/v1/push/subscription', async (c) => {
    const actor = await requireActor(c, store);
    const { endpoint } = parseInput(unsubscribeRequestSchema, await readJson(c));
    const removed = await store.notify.deleteSubscription(actor, endpoint);
    return c.json({ ok: true, removed }, 200);
  });

  app.put('/api/v1/push/team', async (c) => {
    const actor = await requireActor(c, store);
    if (actor.role !== 'facilitator') {
      throw new ApiError(403, 'forbidden', teamAdminWords('facilitatorNotifications'));
    }
    const setting = parseInput(teamNotifySchema, await readJson(c));
    await store.notify.setTeamSetting(actor.teamId, setting, now());
    return c.json(setting, 200);
  });
}
