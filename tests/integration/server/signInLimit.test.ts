/**
 * The limit on staff sign-ins started (`/api/v1/auth/start`, issue 16): each
 * start writes a flow row and asks the provider, so one address may start
 * only so many in a window. Over it, the answer is 429 with Retry-After and
 * words saying what to do, as a redirect-following link and as the app's
 * JSON request alike; once Retry-After has passed, sign-in starts again.
 * The address is the client's behind a trusted proxy (TRUST_PROXY), so one
 * phone behind the hospital's NAT does not stop its colleagues; on PostgreSQL
 * every server process counts together.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { parseTrustProxy } from '../../../server/http/clientAddress.ts';
import { DEFAULT_LIMITS, type LimitSettings, type Limits } from '../../../server/http/limits.ts';
import { createProvider } from '../../../server/signIn/provider.ts';
import type { SignInSettings } from '../../../server/signIn/settings.ts';
import type { Store } from '../../../server/store/index.ts';
import type { ErrorBody } from '../../../src/domain/protocol.ts';
import { settingsFor, startProvider, type TestProvider } from '../support/oidcProvider.ts';
import { BACKENDS } from './backends.ts';
import { T0 } from './harness.ts';
import { openLimits, type LimitStore } from './limitStores.ts';

const PUBLIC_URL = 'http://groundup.test';
const CODE = 'K7M2Q9TX4B';
/** Three starts a minute per address: small enough to reach. */
const SMALL: LimitSettings = { ...DEFAULT_LIMITS, signInStarts: { points: 3, durationSec: 60 } };
/** Three starts in two seconds: short enough to wait out. */
const SHORT: LimitSettings = { ...DEFAULT_LIMITS, signInStarts: { points: 3, durationSec: 2 } };
const PROXY = '10.0.0.2';

describe.each(BACKENDS)('the limit on sign-ins started, on $name', (backend) => {
  let store: Store;
  let idp: TestProvider;
  let limitStore: LimitStore;
  let settings: SignInSettings;

  beforeEach(async () => {
    store = await backend.open();
    limitStore = await openLimits(store, SMALL);
    idp = await startProvider(`${PUBLIC_URL}/api/v1/auth/callback`);
    settings = settingsFor(idp, PUBLIC_URL, 60);
  });
  afterEach(async () => {
    await idp.close();
    await limitStore.close();
    await store.close();
  });

  /** A server behind one trusted proxy hop; `start(client)` as a browser link or the app. */
  function server(limits: Limits = limitStore.limits) {
    const app = createApp({
      store,
      now: () => T0,
      log: () => undefined,
      trustProxy: parseTrustProxy(PROXY),
      limits,
      signIn: { settings, provider: createProvider(settings) },
    });
    return async (client: string, as: 'link' | 'app' = 'link') => {
      const res = await app.request(
        `/api/v1/auth/start?code=${CODE}`,
        {
          headers: {
            'x-forwarded-for': client,
            ...(as === 'app' ? { accept: 'application/json' } : {}),
          },
        },
        { incoming: { socket: { remoteAddress: PROXY } } },
      );
      const text = await res.text();
      return {
        status: res.status,
        location: res.headers.get('location'),
        retryAfter: res.headers.get('retry-after'),
        body: text === '' ? null : (JSON.parse(text) as unknown),
      };
    };
  }

  function expectRefusal(r: Awaited<ReturnType<ReturnType<typeof server>>>, maxSeconds: number) {
    expect(r.status).toBe(429);
    const error = (r.body as ErrorBody).error;
    expect(error.code).toBe('rate_limited');
    const wait = Number(r.retryAfter);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(maxSeconds);
    expect(error.message).toBe(
      `Too many sign-ins have been started from your network in the last few minutes. Wait ${wait === 1 ? '1 second' : `${wait} seconds`}, then sign in again; nothing on this phone has changed. If this keeps happening, tell whoever runs Ground Up for your trust.`,
    );
  }

  it('refuses the fourth start from one address in words, and not a colleague’s behind the same proxy', async () => {
    const start = server();
    const first = await start('203.0.113.5');
    expect(first.status).toBe(303);
    expect(first.location).toMatch(new RegExp(`^${idp.issuer}/`));
    // The app's button asks for the address as JSON instead of a redirect.
    const asApp = await start('203.0.113.5', 'app');
    expect(asApp.status).toBe(200);
    expect((asApp.body as { url: string }).url).toMatch(new RegExp(`^${idp.issuer}/`));
    expect((await start('203.0.113.5')).status).toBe(303);

    expectRefusal(await start('203.0.113.5'), 60);
    expectRefusal(await start('203.0.113.5', 'app'), 60);
    expect((await start('203.0.113.9')).status).toBe(303);
  });

  it('starts again once Retry-After has passed', async () => {
    const short = await openLimits(store, SHORT);
    try {
      const start = server(short.limits);
      for (let i = 0; i < 3; i++) expect((await start('203.0.113.5')).status).toBe(303);
      const refused = await start('203.0.113.5', 'app');
      expectRefusal(refused, 2);
      // What a person does: waits as long as the answer said, then signs in again.
      await new Promise((ok) => setTimeout(ok, Number(refused.retryAfter) * 1000 + 100));
      const again = await start('203.0.113.5', 'app');
      expect(again.status).toBe(200);
      expect((again.body as { url: string }).url).toMatch(new RegExp(`^${idp.issuer}/`));
    } finally {
      await short.close();
    }
  });

  it.runIf(backend.name === 'postgres')(
    'shares the count between server processes on PostgreSQL',
    async () => {
      const first = server();
      const second = server(await limitStore.share());
      expect((await first('203.0.113.5')).status).toBe(303);
      expect((await second('203.0.113.5')).status).toBe(303);
      expect((await first('203.0.113.5')).status).toBe(303);
      expectRefusal(await second('203.0.113.5'), 60);
    },
  );
});
