/**
 * Notifications that reach a phone with the app closed (Web Push): which
 * kinds a person may choose, their defaults, quiet hours, the wire schema of
 * a subscription and of what the server sends. Pure, shared by the page, the
 * service worker and the server. A notification's `itemId` is the "For you"
 * item's id (inbox.ts), so opening it marks that item read.
 *
 * The choices live on the server with each subscription, not as a synced
 * kind: docs/decisions/0016-notifications.md.
 */
import * as v from 'valibot';

/** What a person can be told, in the order the settings list them. */
export const NOTIFY_KINDS = [
  'huddle-open',
  'idea-testing',
  'idea-decided',
  'idea-shortlisted',
  'ask-answered',
  'ask-waiting',
  'comment',
] as const;
export type NotifyKind = (typeof NOTIFY_KINDS)[number];

/** Each kind in words, for the settings. */
export const NOTIFY_KIND_WORDS: Readonly<Record<NotifyKind, string>> = {
  'huddle-open': 'A huddle opens',
  'idea-testing': 'Your idea is chosen to test',
  'idea-decided': 'Your idea is adopted, adapted or abandoned',
  'idea-shortlisted': 'Your idea is shortlisted',
  'ask-answered': 'The sponsor answers your ask',
  'ask-waiting': 'Someone asks you, the sponsor, for an answer',
  comment: 'A comment on your idea',
};

/** On unless the person turns them off: a huddle opening and your idea chosen; comments off. */
export const DEFAULT_KINDS: Readonly<Record<NotifyKind, boolean>> = {
  'huddle-open': true,
  'idea-testing': true,
  'idea-decided': true,
  'idea-shortlisted': false,
  'ask-answered': true,
  'ask-waiting': true,
  comment: false,
};

/** Quiet hours, minutes after local midnight: 22:00 to 07:00 (night staff sleep by day, and may change it). */
export const DEFAULT_QUIET = { from: 22 * 60, to: 7 * 60 } as const;

export type NotifyPrefs = {
  readonly kinds: Readonly<Record<NotifyKind, boolean>>;
  /** Minutes after local midnight; null: no quiet hours. */
  readonly quietFrom: number | null;
  readonly quietTo: number | null;
  /** The phone's IANA time zone ("Europe/London"), so quiet hours are the person's local hours. */
  readonly timeZone: string;
};

export function defaultPrefs(timeZone: string): NotifyPrefs {
  return {
    kinds: { ...DEFAULT_KINDS },
    quietFrom: DEFAULT_QUIET.from,
    quietTo: DEFAULT_QUIET.to,
    timeZone,
  };
}

/** True when `minute` (after local midnight) falls in the quiet hours; they may wrap midnight. */
export function inQuietHours(prefs: Pick<NotifyPrefs, 'quietFrom' | 'quietTo'>, minute: number) {
  const { quietFrom: from, quietTo: to } = prefs;
  if (from === null || to === null || from === to) return false;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** Whether this person wants this kind now (`minute`: their local minute of the day). */
export function wants(prefs: NotifyPrefs, kind: NotifyKind, minute: number): boolean {
  return prefs.kinds[kind] && !inQuietHours(prefs, minute);
}

const minuteOfDay = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1439)));

export const notifyPrefsSchema = v.strictObject({
  kinds: v.strictObject(
    Object.fromEntries(NOTIFY_KINDS.map((k) => [k, v.boolean()])) as Record<
      NotifyKind,
      v.BooleanSchema<undefined>
    >,
  ),
  quietFrom: minuteOfDay,
  quietTo: minuteOfDay,
  timeZone: v.pipe(
    v.string(),
    v.maxLength(64),
    v.regex(/^[A-Za-z0-9_+\-/]+$/, 'must be a time zone name'),
  ),
});

const base64url = (max: number) =>
  v.pipe(v.string(), v.maxLength(max), v.regex(/^[A-Za-z0-9_-]+=*$/, 'must be base64url'));

/** PUT /api/v1/push/subscription: this phone's push subscription and its choices. */
export const subscriptionRequestSchema = v.strictObject({
  endpoint: v.pipe(v.string(), v.maxLength(1000), v.url('must be a web address')),
  keys: v.object({ p256dh: base64url(200), auth: base64url(50) }),
  prefs: notifyPrefsSchema,
});
export type SubscriptionRequest = v.InferOutput<typeof subscriptionRequestSchema>;

/** DELETE /api/v1/push/subscription: stop sending to this phone. */
export const unsubscribeRequestSchema = v.strictObject({
  endpoint: v.pipe(v.string(), v.maxLength(1000)),
});

/** The team's choice for what a notification may say (lock screens on a ward are seen by patients). */
export const teamNotifySchema = v.strictObject({ ideaText: v.boolean() });
export type TeamNotify = v.InferOutput<typeof teamNotifySchema>;

/** What the server sends (encrypted) and the service worker shows. */
export const pushPayloadSchema = v.object({
  kind: v.picklist(NOTIFY_KINDS),
  title: v.pipe(v.string(), v.maxLength(200)),
  body: v.pipe(v.string(), v.maxLength(400)),
  /** The screen to open, a path within the app. */
  url: v.pipe(v.string(), v.regex(/^\/[^/]/, 'must be a path in the app')),
  /** The "For you" item it is (inbox.ts), marked read when opened. */
  itemId: v.pipe(v.string(), v.maxLength(200)),
});
export type PushPayload = v.InferOutput<typeof pushPayloadSchema>;
