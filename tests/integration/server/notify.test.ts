/**
 * Web Push from the server, on every backend, against a local push service
 * that decrypts what it is sent with the subscription's own keys: a huddle
 * opening reaches colleagues (not who opened it) without the push waiting for
 * delivery; "your idea chosen" reaches its author (an anonymous one too,
 * without naming who moved it); idea text only when the team allows; quiet
 * hours, opting out of a kind, unsubscribing, a gone subscription (410) and a
 * busy push service (503, retried) each tested.
 */
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startNotifications, type Notifications } from '../../../server/notify/index.ts';
import type { Store } from '../../../server/store/index.ts';
import { defaultPrefs, type NotifyPrefs } from '../../../src/domain/notify.ts';
import { BACKENDS } from './backends.ts';
import { device, harness, T0, type Harness, type Session } from './harness.ts';
import {
  startPushService,
  vapidValid,
  type PushService,
  type TestSubscription,
} from './pushService.ts';

/** 12:00 in London on the test day (T0 is 2 March, GMT). */
const NOON = Date.UTC(2026, 2, 2, 12, 0);
const LATE = Date.UTC(2026, 2, 2, 23, 30);

describe.each(BACKENDS)('notifications on $name', (backend) => {
  let store: Store;
  let h: Harness;
  let service: PushService;
  let notifications: Notifications;
  let clock = NOON;
  let lead: Session;
  let nurse: Session;
  const phone = device(9);

  beforeEach(async () => {
    clock = NOON;
    store = await backend.open();
    service = await startPushService();
    notifications = await startNotifications(store, {
      now: () => clock,
      log: () => undefined,
      allowHttpEndpoints: true,
      retryDelaysMs: [5, 10],
    });
    h = harness(store, { notifications });
    lead = await h.createTeam('Ward 7', 'Asha');
    nurse = await h.join(lead.team.inviteCode, 'Nia');
  });
  afterEach(async () => {
    notifications.close();
    await service.close();
    await store.close();
  });

  async function subscribe(who: Session, name: string, prefs: Partial<NotifyPrefs> = {}) {
    const sub = service.subscribe(name);
    const r = await h.request('PUT', '/api/v1/push/subscription', {
      token: who.token,
      body: {
        endpoint: sub.endpoint,
        keys: sub.keys,
        prefs: { ...defaultPrefs('Europe/London'), ...prefs },
      },
    });
    expect(r.status, r.text).toBe(200);
    return sub;
  }

  async function openHuddle(ideaIds: string[]) {
    const id = uuidv7();
    const results = await h.push(lead, [
      phone.raw({
        entity: 'huddle',
        entityId: id,
        fields: {
          title: 'Thursday huddle',
          dotsPerMember: 3,
          endsAt: null,
          hidden: false,
          shortlist: JSON.stringify(ideaIds),
          state: 'open',
          startedBy: lead.member.id,
          startedAt: T0,
          closedAt: null,
          outcome: '[]',
        } as never,
      }),
    ]);
    expect(results.map((r) => r.kind)).toEqual(['applied']);
    return id;
  }

  async function anIdea(by: Session, title: string, anonymous = false) {
    const m = phone.idea(by, title, { anonymous });
    expect((await h.push(by, [m])).map((r) => r.kind)).toEqual(['applied']);
    return m.entityId;
  }

  const messages = (sub: TestSubscription) => service.messagesFor(sub);

  it('tells colleagues a huddle opened, encrypted for each phone, signed, and the push does not wait', async () => {
    const idea = await anIdea(lead, 'Pre-fill the fluid charts');
    const nia = await subscribe(nurse, 'nia');
    const asha = await subscribe(lead, 'asha');
    service.hold();
    const huddleId = await openHuddle([idea]);
    // The push has answered; the message reaches the push service, which holds its answer.
    let settled = false;
    const idle = notifications.idle().then(() => {
      settled = true;
    });
    while (service.deliveries.length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(settled).toBe(false);
    service.release();
    await idle;

    expect(messages(nia)).toEqual([
      {
        kind: 'huddle-open',
        title: 'A huddle is open: place your dots',
        body: 'Open Ground Up to vote.',
        url: `/huddles/${huddleId}`,
        itemId: `huddle:${huddleId}`,
      },
    ]);
    expect(messages(asha)).toEqual([]);
    const [d] = service.deliveries;
    expect(d?.headers['content-encoding']).toBe('aes128gcm');
    expect(
      vapidValid(String(d?.headers.authorization), notifications.publicKey, service.origin),
    ).toBe(true);
    // Not the text of the message in clear.
    expect(d?.body.toString('latin1')).not.toContain('huddle');
  });

  it('keeps the VAPID keys with the data: a restart signs with the same key', async () => {
    const again = await startNotifications(store, { log: () => undefined });
    expect(again.publicKey).toBe(notifications.publicKey);
    expect(Buffer.from(again.publicKey, 'base64url')).toHaveLength(65);
    again.close();
  });

  it('tells the author their idea was chosen, names the mover, and sends idea text only when the team allows', async () => {
    const idea = await anIdea(nurse, 'Pre-fill the fluid charts');
    const nia = await subscribe(nurse, 'nia');
    const move = (status: string) =>
      phone.raw({
        entity: 'idea',
        entityId: idea,
        fields: { status, statusBy: lead.member.id, statusAt: T0 + 1 } as never,
      });
    await h.push(lead, [move('testing')]);
    await notifications.idle();
    expect(messages(nia)).toEqual([
      expect.objectContaining({
        kind: 'idea-testing',
        title: 'Your idea was chosen to test by Asha',
        body: 'Open Ground Up to see it.',
        url: `/ideas/${idea}/test`,
      }),
    ]);
    expect(JSON.stringify(messages(nia))).not.toContain('fluid');

    // Only a facilitator chooses; then the idea's title may be sent.
    const refused = await h.request('PUT', '/api/v1/push/team', {
      token: nurse.token,
      body: { ideaText: true },
    });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Only a facilitator');
    const set = await h.request('PUT', '/api/v1/push/team', {
      token: lead.token,
      body: { ideaText: true },
    });
    expect(set.status).toBe(200);
    await h.push(lead, [move('adopted')]);
    await notifications.idle();
    expect(messages(nia)[1]).toMatchObject({
      kind: 'idea-decided',
      title: 'Your idea was adopted by Asha',
      body: 'Pre-fill the fluid charts',
    });
  });

  it('tells the author of an anonymous idea, without naming who moved it', async () => {
    const idea = await anIdea(nurse, 'Quiet hour at 2pm', true);
    const nia = await subscribe(nurse, 'nia');
    const asha = await subscribe(lead, 'asha');
    await h.push(lead, [
      phone.raw({
        entity: 'idea',
        entityId: idea,
        fields: { status: 'testing', statusBy: lead.member.id, statusAt: T0 + 1 } as never,
      }),
    ]);
    await notifications.idle();
    expect(messages(nia)).toEqual([
      expect.objectContaining({ kind: 'idea-testing', title: 'Your idea was chosen to test' }),
    ]);
    expect(messages(asha)).toEqual([]);
  });

  it('keeps quiet hours by the person’s own clock', async () => {
    const idea = await anIdea(lead, 'Fridge key');
    const nia = await subscribe(nurse, 'nia');
    const night = await subscribe(nurse, 'night', { quietFrom: 8 * 60, quietTo: 16 * 60 });
    clock = LATE;
    await openHuddle([idea]);
    await notifications.idle();
    // 23:30 in London: inside the default 22:00–07:00; the night worker's quiet hours are by day.
    expect(messages(nia)).toEqual([]);
    expect(messages(night)).toHaveLength(1);
    clock = NOON;
    await openHuddle([idea]);
    await notifications.idle();
    expect(messages(nia)).toHaveLength(1);
    expect(messages(night)).toHaveLength(1);
  });

  it('sends nothing of a kind the person turned off, nor after they unsubscribe', async () => {
    const idea = await anIdea(nurse, 'Bay 3 pumps');
    const off = await subscribe(nurse, 'off', {
      kinds: { ...defaultPrefs('UTC').kinds, 'huddle-open': false },
    });
    const comments = await subscribe(lead, 'lead');
    await openHuddle([idea]);
    await h.push(lead, [phone.comment(lead, idea, 'Good one')]);
    await notifications.idle();
    expect(messages(off)).toEqual([]);
    // Comments are off by default too (and the lead commented herself).
    expect(messages(comments)).toEqual([]);

    const on = await subscribe(nurse, 'on');
    const gone = await h.request('DELETE', '/api/v1/push/subscription', {
      token: nurse.token,
      body: { endpoint: on.endpoint },
    });
    expect(gone.body).toEqual({ ok: true, removed: true });
    await openHuddle([idea]);
    await notifications.idle();
    expect(service.deliveries).toHaveLength(0);
  });

  it('drops a subscription the push service says is gone (410), and retries a busy one (503)', async () => {
    const idea = await anIdea(lead, 'Fridge key');
    const gone = await subscribe(nurse, 'gone');
    const busy = await subscribe(nurse, 'busy');
    service.answer(gone, 410);
    service.answer(busy, 503, 201);
    await openHuddle([idea]);
    await notifications.idle();
    const endpoints = (await store.notify.subscriptions(lead.team.id)).map((s) => s.endpoint);
    expect(endpoints).toEqual([busy.endpoint]);
    const toBusy = service.deliveries.filter((d) => busy.endpoint.endsWith(d.path));
    expect(toBusy).toHaveLength(2);
    expect(messages(busy)[1]).toMatchObject({ kind: 'huddle-open' });

    await openHuddle([idea]);
    await notifications.idle();
    expect(service.deliveries.filter((d) => gone.endpoint.endsWith(d.path))).toHaveLength(1);
  });

  it('refuses a push address that is not https when not allowed, in words', async () => {
    const strict = harness(store, {
      notifications: await startNotifications(store, { log: () => undefined }),
    });
    const r = await strict.request('PUT', '/api/v1/push/subscription', {
      token: nurse.token,
      body: {
        endpoint: 'http://169.254.169.254/latest',
        keys: service.subscribe('x').keys,
        prefs: defaultPrefs('UTC'),
      },
    });
    expect(r.status).toBe(400);
    expect(r.text).toContain('must start https://');
  });
});
