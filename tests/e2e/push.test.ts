/**
 * Web Push end to end in Chromium: a nurse turns notifications on from "For
 * you" (the browser's permission granted to the context; nothing is asked on
 * first open); the facilitator opens a huddle on another phone; the server
 * encrypts a message for the nurse's subscription and sends it to a local
 * push service, which decrypts it with the subscription's keys; that message
 * is handed to the nurse's real service worker `push` event through the
 * DevTools protocol (ServiceWorker.deliverPushMessage); the notification
 * shows, and its click opens the huddle and marks the item read. Once she
 * chooses Cymraeg, the same message shows in Welsh.
 *
 * Headless Chromium has no push service of its own (it would need Google's),
 * so the page's PushManager hands out a subscription whose keys the test
 * made: everything after that (server, encryption, worker) is real.
 */
import type { CDPSession } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPushService, type PushService } from '../integration/server/pushService.ts';
import { capture, joinByLink, startTeam } from './app.ts';
import {
  middayZone,
  openApp,
  openPhone,
  serveBuiltApp,
  waitChecked,
  waitFor,
  type Phone,
  type TestServer,
} from './support.ts';

let server: TestServer;
let service: PushService;
let phones: Phone[] = [];
beforeAll(async () => {
  server = await serveBuiltApp({ allowHttpPushEndpoints: true });
  service = await startPushService();
});
afterAll(async () => {
  for (const p of phones) await p.close();
  await server.close();
  await service.close();
});

/** Page script: PushManager answers with the test's subscription (endpoint and public keys). */
function fakePushManager(sub: { endpoint: string; keys: { p256dh: string; auth: string } }) {
  return `(() => {
    const sub = ${JSON.stringify(sub)};
    const made = () => ({
      endpoint: sub.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true },
      toJSON: () => ({ endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }),
      unsubscribe: async () => { localStorage.removeItem('test-push'); return true; },
    });
    PushManager.prototype.subscribe = async function () {
      localStorage.setItem('test-push', '1');
      return made();
    };
    PushManager.prototype.getSubscription = async function () {
      return localStorage.getItem('test-push') ? made() : null;
    };
  })();`;
}

it('a nurse opted in is told a huddle opened, and the notification opens it', async () => {
  const nia = service.subscribe('nia');
  const lead = await openPhone(server.url);
  // Her phone's clock reads about midday: the default quiet hours (22:00–07:00 on
  // her own clock) would hold the notification back from a run at night.
  const nurse = await openPhone(server.url, {
    initScript: fakePushManager(nia),
    timezoneId: middayZone(),
  });
  phones = [lead, nurse];
  const a = lead.page;
  const n = nurse.page;

  await openApp(a);
  const code = await startTeam(a, 'Ward 7', 'Asha');
  await a.goto('/');
  await capture(a, 'Pre-fill the fluid charts');
  await openApp(n);
  await joinByLink(n, code, 'Nia');

  // Nothing asked on first open: permission is still "default" after the app loaded.
  expect(await n.evaluate(() => Notification.permission)).toBe('default');
  await nurse.context.grantPermissions(['notifications'], { origin: server.url });
  await n.goto('/for-you');
  await n.getByRole('button', { name: 'Turn on notifications' }).click();
  await n.getByText('Notifications are on.').waitFor();
  await waitChecked(n.getByLabel('A huddle opens'));
  await waitChecked(n.getByLabel('A comment on your idea'), false);
  // This server has no SMTP settings: no weekly-email form.
  expect(await n.getByTestId('email-settings').count()).toBe(0);
  // She goes back to capturing (on "For you" a new item would count as seen at once).
  await n.goto('/');

  // The facilitator opens a huddle on her phone.
  await a.goto('/huddles');
  await a.getByLabel('Pre-fill the fluid charts').waitFor({ timeout: 30_000 });
  await a.getByLabel('Title').fill('Thursday huddle');
  await a.getByLabel('Pre-fill the fluid charts').check();
  await a.getByRole('button', { name: 'Start huddle' }).click();
  await a.getByRole('heading', { level: 1, name: 'Thursday huddle' }).waitFor();
  const huddleId = new URL(a.url()).pathname.split('/')[2] ?? '';

  // The server's message for Nia's subscription, decrypted with its keys.
  await waitFor('the server to send to the push service', async () =>
    Promise.resolve(service.messagesFor(nia).length > 0),
  );
  const [message] = service.messagesFor(nia);
  console.log('push payload as the push service decrypted it:', JSON.stringify(message));
  expect(message).toMatchObject({ kind: 'huddle-open', url: `/huddles/${huddleId}` });

  // Hand it to the nurse's real service worker, as a push service would.
  const cdp: CDPSession = await nurse.context.newCDPSession(n);
  const registrationId = await new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => {
      const reg = e.registrations.find((r) => !r.isDeleted);
      if (reg) resolve(reg.registrationId);
    });
    void cdp.send('ServiceWorker.enable');
  });
  const deliver = () =>
    cdp.send('ServiceWorker.deliverPushMessage', {
      origin: new URL(server.url).origin + '/',
      registrationId,
      data: JSON.stringify(message),
    });
  await deliver();
  const shown = async () =>
    n.evaluate(async () =>
      (await (await navigator.serviceWorker.ready).getNotifications()).map((x) => ({
        title: x.title,
        body: x.body,
        tag: x.tag,
      })),
    );
  // A worker still starting can miss a delivery made through DevTools; a push
  // service would try again, so does the test (one tag: one notification).
  let polls = 0;
  await waitFor('the notification to show', async () => {
    if ((await shown()).length > 0) return true;
    if (++polls % 10 === 0) await deliver();
    return false;
  });
  expect(await shown()).toEqual([
    {
      title: 'A huddle is open: place your dots',
      body: 'Open Ground Up to vote.',
      tag: `huddle:${huddleId}`,
    },
  ]);
  // Counted on the menu until it is opened.
  await n.getByTestId('for-you-count').filter({ visible: true }).waitFor({ timeout: 30_000 });

  // The click, as the worker receives it: it opens the huddle and marks the item read.
  const [worker] = nurse.context.serviceWorkers();
  if (!worker) throw new Error('no service worker');
  await worker.evaluate(async () => {
    // In the worker: its registration and NotificationEvent (not in the page's types).
    const sw = self as unknown as {
      registration: ServiceWorkerRegistration;
      dispatchEvent(e: Event): boolean;
      NotificationEvent: new (type: string, init: { notification: Notification }) => Event;
    };
    const [notification] = await sw.registration.getNotifications();
    if (!notification) throw new Error('no notification to click');
    sw.dispatchEvent(new sw.NotificationEvent('notificationclick', { notification }));
  });
  await n.waitForURL(`**/huddles/${huddleId}`);
  await n.getByRole('heading', { level: 1, name: 'Thursday huddle' }).waitFor();
  await n.getByTestId('for-you-count').waitFor({ state: 'detached' });
  expect(await shown()).toEqual([]);

  // Nia chooses Cymraeg: the page keeps the choice where the worker reads it (it cannot read
  // localStorage), and the same message from the server shows in Welsh (decision 0027).
  await n.goto('/settings');
  await n.getByRole('radio', { name: 'Cymraeg' }).check();
  await n.getByRole('heading', { level: 1, name: 'Gosodiadau' }).waitFor();
  const welsh = {
    title: 'Mae cyfarfod byr ar agor: rhowch eich dotiau',
    body: 'Agorwch Ground Up i bleidleisio.',
    tag: `huddle:${huddleId}`,
  };
  // Delivered again until shown in Welsh: the choice reaches the database just after the switch.
  polls = 0;
  await deliver();
  await waitFor('the notification in Welsh', async () => {
    const now = await shown();
    if (now.length === 1 && now[0]?.title === welsh.title) return true;
    if (++polls % 10 === 0) await deliver();
    return false;
  });
  expect(await shown()).toEqual([welsh]);
});
