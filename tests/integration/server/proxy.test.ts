// Rate limits behind a proxy: TRUST_PROXY decides which address a request
// came from, so a hospital NAT or a TLS proxy in front does not make every
// device one "client" (ten wrong codes would lock every join), and a forged
// X-Forwarded-For changes nothing when no proxy is trusted. On PostgreSQL the
// count is shared by every server process.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import {
  clientAddress,
  parseTrustProxy,
  type TrustProxy,
} from '../../../server/http/clientAddress.ts';
import type { Limits } from '../../../server/http/limits.ts';
import type { Store } from '../../../server/store/index.ts';
import type { ErrorBody } from '../../../src/domain/protocol.ts';
import { BACKENDS } from './backends.ts';
import { T0 } from './harness.ts';
import { openLimits, type LimitStore } from './limitStores.ts';

describe('the client address', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    const none = parseTrustProxy(undefined);
    expect(clientAddress('10.0.0.2', '1.2.3.4', none)).toBe('10.0.0.2');
    expect(clientAddress('::ffff:10.0.0.2', undefined, none)).toBe('10.0.0.2');
    expect(parseTrustProxy('0')).toEqual({ kind: 'none' });
  });

  it('trusts a number of hops, read from the right', () => {
    const one = parseTrustProxy('1');
    expect(clientAddress('10.0.0.2', '6.6.6.6, 203.0.113.5', one)).toBe('203.0.113.5');
    expect(clientAddress('10.0.0.2', '6.6.6.6, 203.0.113.5', parseTrustProxy('2'))).toBe('6.6.6.6');
    // More hops trusted than there are: the furthest address given.
    expect(clientAddress('10.0.0.2', '203.0.113.5', parseTrustProxy('5'))).toBe('203.0.113.5');
  });

  it('trusts listed proxies and ranges only, stopping at the first untrusted hop', () => {
    const list = parseTrustProxy('10.0.0.0/8, 192.168.1.7, fd00::/8');
    expect(clientAddress('10.1.2.3', '6.6.6.6, 203.0.113.5', list)).toBe('203.0.113.5');
    expect(clientAddress('10.1.2.3', '6.6.6.6, 203.0.113.5, 192.168.1.7', list)).toBe(
      '203.0.113.5',
    );
    expect(clientAddress('fd00::1', '2001:db8::9', list)).toBe('2001:db8::9');
    // A request straight from an untrusted address: its own header is ignored.
    expect(clientAddress('203.0.113.9', '10.0.0.5', list)).toBe('203.0.113.9');
  });

  it('refuses a TRUST_PROXY it cannot read, in words', () => {
    expect(() => parseTrustProxy('proxy.example')).toThrow(/not an address/);
    expect(() => parseTrustProxy('10.0.0.0/40')).toThrow(/prefix/);
  });
});

describe.each(BACKENDS)('join limits behind a proxy, on $name', (backend) => {
  let store: Store;
  let limitStore: LimitStore;
  beforeEach(async () => {
    store = await backend.open();
    limitStore = await openLimits(store);
  });
  afterEach(async () => {
    await limitStore.close();
    await store.close();
  });

  function app(trustProxy: TrustProxy, limits: Limits = limitStore.limits) {
    const a = createApp({ store, now: () => T0, log: () => undefined, trustProxy, limits });
    return async (path: string, body: unknown, socket: string, forwardedFor?: string) => {
      const res = await a.request(
        path,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }),
          },
          body: JSON.stringify(body),
        },
        { incoming: { socket: { remoteAddress: socket } } },
      );
      return { status: res.status, body: (await res.json()) as unknown, headers: res.headers };
    };
  }

  async function inviteCode(send: ReturnType<typeof app>): Promise<string> {
    const r = await send('/api/v1/teams', { teamName: 'Ward 7', displayName: 'Priya' }, '10.0.0.2');
    return (r.body as { team: { inviteCode: string } }).team.inviteCode;
  }

  const wrong = (i: number) => ({ inviteCode: `ZZZZZZZZ${i}0`, displayName: 'Guess' });

  it('with TRUST_PROXY set, ten wrong codes from one phone behind the NAT lock that phone only', async () => {
    const send = app(parseTrustProxy('10.0.0.0/8'));
    const code = await inviteCode(send);
    for (let i = 0; i < 10; i++) {
      expect((await send('/api/v1/join', wrong(i), '10.0.0.2', '203.0.113.5')).status).toBe(404);
    }
    const locked = await send(
      '/api/v1/join',
      { ...wrong(0), inviteCode: code },
      '10.0.0.2',
      '203.0.113.5',
    );
    expect(locked.status).toBe(429);
    expect((locked.body as ErrorBody).error.code).toBe('rate_limited');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const colleague = await send(
      '/api/v1/join',
      { inviteCode: code, displayName: 'Jo' },
      '10.0.0.2',
      '203.0.113.9',
    );
    expect(colleague.status).toBe(200);
  });

  it('with no TRUST_PROXY, a forged X-Forwarded-For does not escape the lock', async () => {
    const send = app(parseTrustProxy(undefined));
    const code = await inviteCode(send);
    for (let i = 0; i < 10; i++) {
      const forged = `198.51.100.${i}`;
      expect((await send('/api/v1/join', wrong(i), '203.0.113.5', forged)).status).toBe(404);
    }
    const r = await send(
      '/api/v1/join',
      { inviteCode: code, displayName: 'Guess' },
      '203.0.113.5',
      '198.51.100.200',
    );
    expect(r.status).toBe(429);
  });

  it.runIf(backend.name === 'postgres')(
    'shares the count between server processes on PostgreSQL',
    async () => {
      const first = app(parseTrustProxy(undefined));
      const second = app(parseTrustProxy(undefined), await limitStore.share());
      const code = await inviteCode(first);
      for (let i = 0; i < 10; i++) {
        const send = i % 2 === 0 ? first : second;
        expect((await send('/api/v1/join', wrong(i), '203.0.113.5')).status).toBe(404);
      }
      const r = await second('/api/v1/join', { inviteCode: code, displayName: 'G' }, '203.0.113.5');
      expect(r.status).toBe(429);
    },
  );
});
