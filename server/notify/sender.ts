/**
 * Delivering notifications to the push services: a queue in this process,
 * worked after the push that caused them has answered. The `web-push` library
 * signs (VAPID) and encrypts (aes128gcm, RFC 8291) each message; the request
 * itself goes out with fetch, with a timeout. A busy or failing push service
 * (429, 5xx, no answer) is tried again after a growing wait; a subscription
 * the service says is gone (404, 410) is dropped so it is never tried again;
 * anything else is logged and let go. A message that cannot be delivered is
 * not lost to the person: "For you" on the phone has it.
 */
import webpush from 'web-push';
import type { PushPayload } from '../../src/domain/notify.ts';
import type { StoredSubscription, VapidKeys } from '../store/notify.ts';

export type SenderOptions = {
  readonly keys: VapidKeys;
  /** VAPID subject: a mailto: or https: address the push service can reach the operator at. */
  readonly subject: string;
  readonly onGone: (endpoint: string) => Promise<void>;
  readonly log: (line: string) => void;
  /** Waits before each retry, in ms; a delivery gives up after the last. */
  readonly retryDelaysMs?: readonly number[];
  readonly fetch?: typeof fetch;
  /** Seconds a push service keeps an undelivered message. */
  readonly ttlSeconds?: number;
};

export type Sender = {
  send(sub: StoredSubscription, payload: PushPayload): void;
  /** Resolves once nothing is queued, sending or waiting to retry. */
  idle(): Promise<void>;
  /** Stops retries (server shutdown). */
  close(): void;
};

export const DEFAULT_RETRY_DELAYS_MS = [2_000, 10_000, 60_000, 300_000] as const;

type Job = { sub: StoredSubscription; payload: PushPayload; attempt: number };

/** A short, safe name for a push service in the log (never the full endpoint: it is a credential). */
function serviceName(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return 'an unreadable endpoint';
  }
}

export function createSender(opts: SenderOptions): Sender {
  const delays = opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const doFetch = opts.fetch ?? fetch;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let running = 0;
  let closed = false;
  let waiters: (() => void)[] = [];

  const settle = () => {
    if (running > 0 || timers.size > 0) return;
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };

  async function deliver(job: Job): Promise<'done' | 'retry'> {
    const details = webpush.generateRequestDetails(
      { endpoint: job.sub.endpoint, keys: job.sub.keys },
      JSON.stringify(job.payload),
      {
        vapidDetails: {
          subject: opts.subject,
          publicKey: opts.keys.publicKey,
          privateKey: opts.keys.privateKey,
        },
        TTL: opts.ttlSeconds ?? 6 * 3600,
        contentEncoding: 'aes128gcm',
        urgency: job.payload.kind === 'huddle-open' ? 'high' : 'normal',
      },
    );
    let res: Response;
    try {
      res = await doFetch(details.endpoint, {
        method: details.method,
        headers: details.headers as Record<string, string>,
        body: details.body ? new Uint8Array(details.body) : null,
        signal: AbortSignal.timeout(10_000),
        redirect: 'error',
      });
    } catch (e) {
      opts.log(
        `notify: ${serviceName(job.sub.endpoint)} did not answer (${e instanceof Error ? e.message : String(e)})`,
      );
      return 'retry';
    }
    await res.arrayBuffer().catch(() => undefined);
    if (res.ok) return 'done';
    if (res.status === 404 || res.status === 410) {
      opts.log(`notify: ${serviceName(job.sub.endpoint)} says a subscription is gone; dropped`);
      await opts.onGone(job.sub.endpoint);
      return 'done';
    }
    if (res.status === 429 || res.status >= 500) {
      opts.log(`notify: ${serviceName(job.sub.endpoint)} answered ${res.status}; will retry`);
      return 'retry';
    }
    opts.log(`notify: ${serviceName(job.sub.endpoint)} refused a message (${res.status})`);
    return 'done';
  }

  function run(job: Job) {
    running++;
    void deliver(job)
      .catch((e: unknown) => {
        opts.log(`notify: sending failed: ${e instanceof Error ? e.message : String(e)}`);
        return 'done' as const;
      })
      .then((outcome) => {
        const wait = delays[job.attempt];
        if (outcome === 'retry' && wait !== undefined && !closed) {
          const t = setTimeout(() => {
            timers.delete(t);
            run({ ...job, attempt: job.attempt + 1 });
          }, wait);
          t.unref?.();
          timers.add(t);
        } else if (outcome === 'retry') {
          opts.log(
            `notify: gave up on ${serviceName(job.sub.endpoint)} after ${job.attempt + 1} tries`,
          );
        }
      })
      .finally(() => {
        running--;
        settle();
      });
  }

  return {
    send(sub, payload) {
      if (!closed) run({ sub, payload, attempt: 0 });
    },
    idle() {
      if (running === 0 && timers.size === 0) return Promise.resolve();
      return new Promise((ok) => waiters.push(ok));
    },
    close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      settle();
    },
  };
}
