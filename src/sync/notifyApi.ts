/**
 * The notification routes (/api/v1/push/…, server/routes/push.ts) from the
 * phone: the server's key, this phone's subscription and choices. Apart from
 * api.ts so the sync engine and the capture screen carry none of it. Every
 * answer is an outcome with words, never a throw.
 */
import * as v from 'valibot';
import type { SubscriptionRequest } from '../domain/notify.ts';
import { t } from './notifyApi.en.ts';
import { serverWords } from '../ui/serverWords.ts';

export type NotifyApiResult<T> =
  { readonly kind: 'ok'; readonly body: T } | { readonly kind: 'failed'; readonly message: string };

const keySchema = v.object({ publicKey: v.string(), ideaText: v.boolean() });
const okSchema = v.object({ ok: v.literal(true) });

async function call<T>(
  path: string,
  schema: v.GenericSchema<unknown, T>,
  token: string,
  init: { method: string; body?: unknown },
): Promise<NotifyApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method,
      cache: 'no-store',
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch {
    return {
      kind: 'failed',
      message: t('noConnection'),
    };
  }
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    json = null;
  }
  if (res.status === 404) {
    return {
      kind: 'failed',
      message: t('notOffered'),
    };
  }
  if (!res.ok) {
    const message = (json as { error?: { message?: unknown } } | null)?.error?.message;
    return {
      kind: 'failed',
      message:
        typeof message === 'string'
          ? serverWords(message)
          : t('answered', { status: String(res.status) }),
    };
  }
  const parsed = v.safeParse(schema, json);
  return parsed.success
    ? { kind: 'ok', body: parsed.output }
    : { kind: 'failed', message: t('unexpected') };
}

export const pushKey = (token: string) =>
  call('/api/v1/push/key', keySchema, token, { method: 'GET' });

export const putSubscription = (token: string, body: SubscriptionRequest) =>
  call('/api/v1/push/subscription', okSchema, token, { method: 'PUT', body });

export const deleteSubscription = (token: string, endpoint: string) =>
  call('/api/v1/push/subscription', okSchema, token, { method: 'DELETE', body: { endpoint } });

const digestSchema = v.object({ enabled: v.boolean(), email: v.nullable(v.string()) });
const teamNotifySchema = v.object({ ideaText: v.boolean() });

/** The weekly email: the team's choice and this member's address (404: the server sends no email). */
export const digestSettings = (token: string) =>
  call('/api/v1/digest', digestSchema, token, { method: 'GET' });

export const putDigestAddress = (token: string, email: string | null) =>
  call('/api/v1/digest/address', okSchema, token, { method: 'PUT', body: { email } });

export const putDigestTeam = (token: string, enabled: boolean) =>
  call('/api/v1/digest/team', okSchema, token, { method: 'PUT', body: { enabled } });

export const putTeamNotify = (token: string, ideaText: boolean) =>
  call('/api/v1/push/team', teamNotifySchema, token, { method: 'PUT', body: { ideaText } });
