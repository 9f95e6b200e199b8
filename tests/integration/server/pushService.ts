/**
 * A local push service for tests: an HTTP endpoint that takes what the server
 * sends, checks its VAPID signature, and decrypts it with the subscription's
 * private keys (aes128gcm, RFC 8291 and RFC 8188) using node:crypto alone, so
 * a test reads exactly what a phone would be handed. Each subscription can be
 * told how to answer (201, 410, 503 …), and answers can be held back.
 */
import {
  createDecipheriv,
  createECDH,
  createHmac,
  createPublicKey,
  randomBytes,
  verify,
} from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const b64u = (b: Buffer) => b.toString('base64url');
const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/** A phone's side of a subscription: its keys, private one included. */
export type TestSubscription = {
  readonly endpoint: string;
  readonly keys: { readonly p256dh: string; readonly auth: string };
  decrypt(body: Buffer): string;
};

function subscription(endpoint: string): TestSubscription {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const uaPublic = ecdh.getPublicKey();
  const authSecret = randomBytes(16);
  return {
    endpoint,
    keys: { p256dh: b64u(uaPublic), auth: b64u(authSecret) },
    decrypt(body) {
      // RFC 8188 header: salt(16) | record size(4) | key id length(1) | key id (the sender's public key).
      const salt = body.subarray(0, 16);
      const idLen = body.readUInt8(20);
      const asPublic = body.subarray(21, 21 + idLen);
      const record = body.subarray(21 + idLen);
      // RFC 8291 section 3.4.
      const ecdhSecret = ecdh.computeSecret(asPublic);
      const prkKey = hmac(authSecret, ecdhSecret);
      const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
      const ikm = hmac(prkKey, Buffer.concat([keyInfo, Buffer.from([1])]));
      const prk = hmac(salt, ikm);
      const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
      const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);
      const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
      decipher.setAuthTag(record.subarray(record.length - 16));
      const padded = Buffer.concat([
        decipher.update(record.subarray(0, record.length - 16)),
        decipher.final(),
      ]);
      // The last record ends with the delimiter 0x02 and then zero padding.
      let end = padded.length - 1;
      while (end >= 0 && padded[end] === 0) end--;
      if (padded[end] !== 2) throw new Error('not the last record of an aes128gcm message');
      return padded.subarray(0, end).toString('utf8');
    },
  };
}

/** True when `authorization` is a valid VAPID (RFC 8292) signature by `publicKey` for `audience`. */
export function vapidValid(authorization: string, publicKey: string, audience: string): boolean {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization);
  if (!m || m[2] !== publicKey) return false;
  const [head, claims, sig] = (m[1] ?? '').split('.');
  if (!head || !claims || !sig) return false;
  const raw = Buffer.from(publicKey, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: b64u(raw.subarray(1, 33)),
      y: b64u(raw.subarray(33, 65)),
    },
    format: 'jwk',
  });
  const ok = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(sig, 'base64url'),
  );
  const body = JSON.parse(Buffer.from(claims, 'base64url').toString()) as { aud?: string };
  return ok && body.aud === audience;
}

export type Delivery = {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
};

export type PushService = {
  readonly origin: string;
  readonly deliveries: Delivery[];
  /** A new subscription at this service, answering `status` (201 by default). */
  subscribe(name: string): TestSubscription;
  /** How this subscription's endpoint answers from now on (a list: one status per request, the last repeats). */
  answer(sub: TestSubscription, ...statuses: number[]): void;
  /** Hold every answer until `release()`. */
  hold(): void;
  release(): void;
  /** What arrived for this subscription, decrypted. */
  messagesFor(sub: TestSubscription): unknown[];
  close(): Promise<void>;
};

export async function startPushService(): Promise<PushService> {
  const deliveries: Delivery[] = [];
  const answers = new Map<string, number[]>();
  let held: (() => void)[] | null = null;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      deliveries.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
      const list = answers.get(path) ?? [201];
      const status = list.length > 1 ? (list.shift() ?? 201) : (list[0] ?? 201);
      const reply = () => res.writeHead(status).end();
      if (held) held.push(reply);
      else reply();
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((ok) => server.once('listening', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const subs = new Map<string, TestSubscription>();
  return {
    origin,
    deliveries,
    subscribe(name) {
      const sub = subscription(`${origin}/push/${name}-${b64u(randomBytes(6))}`);
      subs.set(new URL(sub.endpoint).pathname, sub);
      return sub;
    },
    answer(sub, ...statuses) {
      answers.set(new URL(sub.endpoint).pathname, statuses);
    },
    hold() {
      held = [];
    },
    release() {
      const h = held ?? [];
      held = null;
      for (const r of h) r();
    },
    messagesFor(sub) {
      const path = new URL(sub.endpoint).pathname;
      return deliveries
        .filter((d) => d.path === path && d.body.length > 0)
        .map((d) => JSON.parse(sub.decrypt(d.body)) as unknown);
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
