/**
 * Notifications (Web Push) for the server: keys made on first start and kept
 * in the database, and after each push that applied something (`kick`, called
 * once the push's transaction has committed and without waiting for it) the
 * team's new changes are read from its log, turned into notices
 * (derive.ts), filtered by each person's choices and quiet hours, and handed
 * to the sender's queue (sender.ts). Nothing here can fail or slow a push.
 */
import webpush from 'web-push';
import { wants, type NotifyKind, type NotifyPrefs } from '../../src/domain/notify.ts';
import type { Store } from '../store/index.ts';
import { noticesFor } from './derive.ts';
import { createSender, type Sender, type SenderOptions } from './sender.ts';

export type NotificationOptions = {
  readonly now?: () => number;
  readonly log?: (line: string) => void;
  /** VAPID subject (VAPID_SUBJECT). */
  readonly subject?: string;
  /** Accept http: endpoints (tests with a local push service only). Default: https only. */
  readonly allowHttpEndpoints?: boolean;
  readonly retryDelaysMs?: SenderOptions['retryDelaysMs'];
  readonly fetch?: typeof fetch;
};

export type Notifications = {
  /** The VAPID public key phones subscribe with (base64url). */
  readonly publicKey: string;
  readonly allowHttpEndpoints: boolean;
  /** A push applied changes for the team: derive and send, in the background. */
  kick(teamId: string): void;
  /** Resolves once every kicked team's changes are derived and every message settled. */
  idle(): Promise<void>;
  close(): void;
};

export const DEFAULT_SUBJECT = 'mailto:ground-up@localhost.invalid';

/** Minutes after local midnight in this IANA zone (UTC if the zone is unknown). */
export function localMinute(at: number, timeZone: string): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
  } catch {
    const d = new Date(at);
    return d.getUTCHours() * 60 + d.getUTCMinutes();
  }
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

/** Whether this person wants this kind at `at`, by their own clock. */
export function wantsAt(prefs: NotifyPrefs, kind: NotifyKind, at: number): boolean {
  return wants(prefs, kind, localMinute(at, prefs.timeZone));
}

const BATCH = 500;

export async function startNotifications(
  store: Store,
  opts: NotificationOptions = {},
): Promise<Notifications> {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? ((line: string) => console.log(line));
  const keys = await store.notify.vapidKeys(() => webpush.generateVAPIDKeys(), now());
  const sender: Sender = createSender({
    keys,
    subject: opts.subject ?? DEFAULT_SUBJECT,
    onGone: (endpoint) => store.notify.dropSubscription(endpoint),
    log,
    ...(opts.retryDelaysMs ? { retryDelaysMs: opts.retryDelaysMs } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  /** Per team: the run in progress, and whether another kick came meanwhile. */
  const runs = new Map<string, { promise: Promise<void>; again: boolean }>();

  async function drain(teamId: string): Promise<void> {
    for (;;) {
      const changes = await store.notify.claimChanges(teamId, BATCH);
      if (changes.length === 0) return;
      const [subs, members, setting] = await Promise.all([
        store.notify.subscriptions(teamId),
        store.notify.members(teamId),
        store.notify.teamSetting(teamId),
      ]);
      if (subs.length === 0) continue;
      for (const change of changes) {
        const notices = await noticesFor(change, {
          members,
          ideaText: setting.ideaText,
          record: store.notify.record,
          teamId,
        });
        const at = now();
        for (const n of notices) {
          for (const sub of subs) {
            if (n.to.includes(sub.memberId) && wantsAt(sub.prefs, n.payload.kind, at)) {
              sender.send(sub, n.payload);
            }
          }
        }
      }
    }
  }

  function kick(teamId: string) {
    const current = runs.get(teamId);
    if (current) {
      current.again = true;
      return;
    }
    const entry = { promise: Promise.resolve(), again: false };
    entry.promise = (async () => {
      do {
        entry.again = false;
        try {
          await drain(teamId);
        } catch (e) {
          log(`notify: could not read team changes: ${e instanceof Error ? e.message : String(e)}`);
        }
      } while (entry.again);
      runs.delete(teamId);
    })();
    runs.set(teamId, entry);
  }

  return {
    publicKey: keys.publicKey,
    allowHttpEndpoints: opts.allowHttpEndpoints ?? false,
    kick,
    async idle() {
      while (runs.size > 0) await Promise.all([...runs.values()].map((r) => r.promise));
      await sender.idle();
    },
    close: () => sender.close(),
  };
}
