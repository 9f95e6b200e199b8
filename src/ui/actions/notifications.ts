/**
 * Notifications on this phone (Web Push), only ever turned on by the person
 * pressing the button ("For you"): asks the browser's permission, subscribes
 * with the server's key, and sends the subscription with the person's
 * choices. The choices are kept on the server with the subscription
 * (docs/decisions/0016-notifications.md) and remembered here for the form.
 */
import { appDb } from '../../db/index.ts';
import { getSession } from '../../db/session.ts';
import { defaultPrefs, type NotifyPrefs } from '../../domain/notify.ts';
import {
  deleteSubscription,
  digestSettings,
  pushKey,
  putDigestAddress,
  putDigestTeam,
  putSubscription,
  putTeamNotify,
} from '../../sync/notifyApi.ts';
import { t as words } from './actions.en.ts';

export type NotifyState =
  | { readonly kind: 'unsupported'; readonly message: string }
  | { readonly kind: 'not-joined' }
  | { readonly kind: 'blocked' }
  | { readonly kind: 'off' }
  | { readonly kind: 'on'; readonly prefs: NotifyPrefs };

export type NotifyOutcome =
  | { readonly kind: 'done'; readonly state: NotifyState }
  | { readonly kind: 'failed'; readonly message: string };

function supported(): boolean {
  return (
    typeof Notification !== 'undefined' &&
    'serviceWorker' in navigator &&
    typeof PushManager !== 'undefined'
  );
}

function timeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const reg = await navigator.serviceWorker.ready;
  return reg.pushManager.getSubscription();
}

/** Where notifications stand on this phone (asks nothing of the person). */
export async function notificationState(): Promise<NotifyState> {
  if (!supported()) return { kind: 'unsupported', message: words('notifyUnsupported') };
  if (!(await getSession(appDb()))) return { kind: 'not-joined' };
  if (Notification.permission === 'denied') return { kind: 'blocked' };
  const saved = await appDb().meta.get('notify');
  if (saved?.key !== 'notify' || Notification.permission !== 'granted') return { kind: 'off' };
  const sub = await currentSubscription().catch(() => null);
  return sub && sub.endpoint === saved.endpoint
    ? { kind: 'on', prefs: saved.prefs }
    : { kind: 'off' };
}

async function send(sub: PushSubscription, prefs: NotifyPrefs): Promise<NotifyOutcome> {
  const session = await getSession(appDb());
  if (!session) return { kind: 'failed', message: words('joinFirst') };
  const json = sub.toJSON();
  const p256dh = json.keys?.['p256dh'];
  const auth = json.keys?.['auth'];
  if (!json.endpoint || !p256dh || !auth) {
    return { kind: 'failed', message: words('notifyUnsupported') };
  }
  const r = await putSubscription(session.token, {
    endpoint: json.endpoint,
    keys: { p256dh, auth },
    prefs,
  });
  if (r.kind === 'failed') return r;
  await appDb().meta.put({ key: 'notify', endpoint: json.endpoint, prefs });
  return { kind: 'done', state: { kind: 'on', prefs } };
}

/** The person pressed "Turn on notifications": the browser asks them, then this phone subscribes. */
export async function turnOnNotifications(): Promise<NotifyOutcome> {
  if (!supported()) return { kind: 'failed', message: words('notifyUnsupported') };
  const session = await getSession(appDb());
  if (!session) return { kind: 'failed', message: words('joinFirst') };
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') {
    return {
      kind: 'failed',
      message: words('notifyBlocked'),
    };
  }
  const key = await pushKey(session.token);
  if (key.kind === 'failed') return key;
  let sub: PushSubscription;
  try {
    const reg = await navigator.serviceWorker.ready;
    sub =
      (await reg.pushManager.getSubscription()) ??
      (await reg.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(key.body.publicKey),
      }));
  } catch {
    return {
      kind: 'failed',
      message: words('notifyNoAnswer'),
    };
  }
  const saved = await appDb().meta.get('notify');
  return send(sub, saved?.key === 'notify' ? saved.prefs : defaultPrefs(timeZone()));
}

/** Save the person's choices (kinds, quiet hours) for this phone. */
export async function saveNotificationChoices(prefs: NotifyPrefs): Promise<NotifyOutcome> {
  const sub = supported() ? await currentSubscription().catch(() => null) : null;
  if (!sub) return { kind: 'failed', message: words('notifyOff') };
  return send(sub, { ...prefs, timeZone: timeZone() });
}

/** Stop notifications on this phone. */
export async function turnOffNotifications(): Promise<NotifyOutcome> {
  const session = await getSession(appDb());
  const sub = supported() ? await currentSubscription().catch(() => null) : null;
  if (sub && session) {
    const r = await deleteSubscription(session.token, sub.endpoint);
    if (r.kind === 'failed') return r;
    await sub.unsubscribe().catch(() => false);
  }
  await appDb().meta.delete('notify');
  return { kind: 'done', state: { kind: 'off' } };
}

export type EmailState =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'ready';
      readonly enabled: boolean;
      readonly email: string | null;
      readonly facilitator: boolean;
      readonly ideaText: boolean;
    };

/** The weekly email and the team's text setting, when this server sends email (never throws). */
export async function emailState(): Promise<EmailState> {
  const session = await getSession(appDb());
  if (!session) return { kind: 'none' };
  const [digest, key] = await Promise.all([digestSettings(session.token), pushKey(session.token)]);
  if (digest.kind === 'failed') return { kind: 'none' };
  return {
    kind: 'ready',
    enabled: digest.body.enabled,
    email: digest.body.email,
    facilitator: session.member.role === 'facilitator',
    ideaText: key.kind === 'ok' ? key.body.ideaText : false,
  };
}

async function withToken<T>(
  run: (token: string) => Promise<{ kind: 'ok'; body: T } | { kind: 'failed'; message: string }>,
): Promise<{ kind: 'done' } | { kind: 'failed'; message: string }> {
  const session = await getSession(appDb());
  if (!session) return { kind: 'failed', message: words('joinFirst') };
  const r = await run(session.token);
  return r.kind === 'ok' ? { kind: 'done' } : r;
}

/** This member's address for the weekly email; empty withdraws it. */
export const saveDigestAddress = (email: string) =>
  withToken((t) => putDigestAddress(t, email.trim() === '' ? null : email.trim()));

/** Facilitator: the team gets the weekly email, or not. */
export const saveDigestTeam = (enabled: boolean) => withToken((t) => putDigestTeam(t, enabled));

/** Facilitator: notifications and the weekly email may carry ideas' words, or not. */
export const saveIdeaText = (ideaText: boolean) => withToken((t) => putTeamNotify(t, ideaText));
