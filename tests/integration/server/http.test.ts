// What every response carries (security headers, a log line), how the built
// app is served and cached, and that a server fault is a plain 500 with no
// detail for the client.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { CONTENT_SECURITY_POLICY, HSTS, PERMISSIONS_POLICY } from '../../../server/http/headers.ts';
import { openStore, type Store } from '../../../server/store/index.ts';
import type { ErrorBody } from '../../../src/domain/protocol.ts';
import { harness, type Reply } from './harness.ts';
import { compressDir } from '../../../scripts/compressDist.ts';

let store: Store;
let base: string;
let dist: string;
/** The files `npm run build` would pack (scripts/compressDist.ts), made in beforeAll. */
let packed: string[];
const BIG_SCRIPT = Array.from(
  { length: 400 },
  (_, i) => `export const idea${i} = 'An idea about the linen cupboard, number ${i}';`,
).join('\n');
/** Over 1 KB, so the build would pack it too. */
const INDEX_HTML = `<!doctype html><title>Ground Up</title>\n<!-- ${'the app shell '.repeat(100)}-->`;
const BIG_STYLE = Array.from({ length: 200 }, (_, i) => `.row-${i} { margin: ${i}px; }`).join('\n');
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'ground-up-static-'));
  dist = join(base, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(base, 'secret.txt'), 'not for the web');
  writeFileSync(join(dist, 'index.html'), INDEX_HTML);
  writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"Ground Up"}');
  writeFileSync(join(dist, 'assets', 'index-3f9a1c.js'), 'console.log(1)');
  writeFileSync(join(dist, 'assets', 'big-7c1e.js'), BIG_SCRIPT);
  writeFileSync(join(dist, 'assets', 'big-7c1e.css'), BIG_STYLE);
  packed = compressDir(dist).map((p) => p.file);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));
beforeEach(async () => {
  store = await openStore({ sqlitePath: ':memory:' });
});
afterEach(() => store.close());

function expectSecurityHeaders(r: Reply) {
  expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  expect(r.headers.get('referrer-policy')).toBe('no-referrer');
  expect(r.headers.get('permissions-policy')).toBe(PERMISSIONS_POLICY);
  expect(r.headers.get('permissions-policy')).toContain('camera=()');
  expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
}

describe('every response', () => {
  it('carries the security headers, for success, client errors and unknown paths alike', async () => {
    const h = harness(store);
    const replies = [
      await h.request('GET', '/healthz'),
      await h.request('POST', '/api/v1/teams', { body: {} }),
      await h.request('GET', '/api/v1/team'),
      await h.request('GET', '/api/v1/nothing-here'),
    ];
    expect(replies.map((r) => r.status)).toEqual([200, 400, 401, 404]);
    expect(replies[0]?.body).toEqual({ ok: true });
    for (const r of replies) expectSecurityHeaders(r);
  });

  it('from the API, is never stored: Cache-Control no-store on success, refusal and 404 alike', async () => {
    const h = harness(store, { staticDir: dist });
    const lead = await h.createTeam();
    const replies = [
      await h.request('GET', '/api/v1/team', { token: lead.token }),
      await h.request('GET', '/api/v1/team'),
      await h.request('POST', '/api/v1/join', {
        body: { inviteCode: 'ZZZZ-ZZZZ', displayName: 'J' },
      }),
      await h.request('GET', '/api/v1/nothing-here'),
      await h.request('GET', `/api/v1/sync/pull?team=${lead.team.id}`, { token: lead.token }),
    ];
    expect(replies.map((r) => r.status)).toEqual([200, 401, 404, 404, 200]);
    for (const r of replies) expect(r.headers.get('cache-control')).toBe('no-store');
    // The app shell keeps its own caching rule.
    expect((await h.request('GET', '/')).headers.get('cache-control')).toBe('no-cache');
  });

  it('carries HSTS only when the deployment asks for it (HSTS=1)', async () => {
    const without = await createApp({ store, log: () => undefined }).request('/healthz');
    expect(without.headers.get('strict-transport-security')).toBeNull();
    const withIt = await createApp({ store, log: () => undefined, hsts: true }).request('/healthz');
    expect(withIt.headers.get('strict-transport-security')).toBe(HSTS);
  });

  it('logs one line per request: method, path, status, time', async () => {
    const h = harness(store);
    await h.request('GET', '/healthz?probe=1');
    await h.request('GET', '/api/v1/team');
    expect(h.logs).toHaveLength(2);
    expect(h.logs[0]).toMatch(/^GET \/healthz 200 \d+\.\dms$/);
    expect(h.logs[1]).toMatch(/^GET \/api\/v1\/team 401 /);
  });
});

describe('the request log', () => {
  it('cannot be forged: a %0a, CR, escape or line separator in the path stays on one line', async () => {
    const h = harness(store);
    const forged = [
      '/healthz%0aGET%20/api/v1/team%20200%200.1ms',
      '/x%0d%0aPOST%20/api/v1/teams%20201%201.0ms',
      '/x%1b[2J%00%e2%80%a8end',
      '/api/v1/nothing%0a',
    ];
    for (const path of forged) await h.request('GET', path);
    expect(h.logs).toHaveLength(forged.length);
    for (const line of h.logs) {
      expect(line).not.toMatch(/[\p{C}\u2028\u2029]/u);
      expect(line.split(' ')).toHaveLength(4); // method, path, status, time: nothing more
    }
    expect(h.logs[0]).toMatch(/^GET \/healthz\\u\{a\}GET\\u\{20\}\/api\/v1\/team/);
  });

  it('never records an invite code from a /join/CODE link, however it is spelt', async () => {
    const h = harness(store, { staticDir: dist });
    const lead = await h.createTeam();
    const code = lead.team.inviteCode;
    await h.request('GET', `/join/${code}`);
    await h.request('GET', `/JOIN/${code.toLowerCase()}`);
    await h.request('GET', `/%6Aoin/${code}`);
    await h.request('GET', `/api/v1/join/${code}`);
    await h.request('POST', '/api/v1/join', { body: { inviteCode: code, displayName: 'Jo' } });
    const log = h.logs.join('\n');
    expect(log).not.toContain(code);
    expect(log).not.toContain(code.toLowerCase());
    expect(h.logs[1]).toMatch(/^GET \/join\/\[code\] 200 /);
  });
});

describe('a server fault', () => {
  it('answers 500 server_error with no internals, logs the cause, and the next request works', async () => {
    let broken = true;
    const flaky: Store = {
      ...store,
      authenticate: (token) =>
        broken
          ? Promise.reject(new Error('disk I/O error at /var/lib/secret'))
          : store.authenticate(token),
    };
    const h = harness(flaky);
    const lead = await h.createTeam();
    const r = await h.request('GET', '/api/v1/team', { token: lead.token });
    expect(r.status).toBe(500);
    expect((r.body as ErrorBody).error.code).toBe('server_error');
    expect(r.text).not.toContain('disk I/O');
    expectSecurityHeaders(r);
    expect(h.logs.some((l) => l.includes('disk I/O error'))).toBe(true);
    expect(h.logs.join('\n')).not.toContain(lead.token);

    broken = false;
    expect((await h.request('GET', '/api/v1/team', { token: lead.token })).status).toBe(200);
  });

  it('makes /healthz fail when the database does not answer', async () => {
    const h = harness({ ...store, ping: () => Promise.reject(new Error('database is closed')) });
    const r = await h.request('GET', '/healthz');
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((r.body as { ok: boolean; problem: string }).problem).toMatch(
      /does not answer \(database is closed\)\. Look at the server's log/,
    );
  });
});

describe('serving the built app', () => {
  it('caches hashed assets for a year and revalidates the shell, service worker and manifest', async () => {
    const h = harness(store, { staticDir: dist });
    const asset = await h.request('GET', '/assets/index-3f9a1c.js');
    expect(asset.status).toBe(200);
    expect(asset.text).toBe('console.log(1)');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expectSecurityHeaders(asset);

    for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
      const r = await h.request('GET', path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('opens the app on a deep link, but not in place of a missing file or an API path', async () => {
    const h = harness(store, { staticDir: dist });
    const deep = await h.request('GET', '/ideas/0190a1b2-0000-7000-8000-000000000000');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('<title>Ground Up</title>');
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    expectSecurityHeaders(deep);

    expect((await h.request('GET', '/assets/index-old.js')).status).toBe(404);
    const api = await h.request('GET', '/api/v1/nothing-here');
    expect(api.status).toBe(404);
    expect((api.body as ErrorBody).error.code).toBe('not_found');
    for (const path of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
    ]) {
      expect((await h.request('GET', path)).text, path).not.toContain('not for the web');
    }
  });

  it('sends a packed copy to a browser that accepts one, Brotli first, and the file itself to any other', async () => {
    expect(packed.map((f) => f.slice(dist.length))).toEqual(
      expect.arrayContaining(['/assets/big-7c1e.js', '/assets/big-7c1e.css']),
    );
    // A file too small to be worth packing has no copy: it goes as it is.
    expect(packed.map((f) => f.slice(dist.length))).not.toContain('/assets/index-3f9a1c.js');
    const h = harness(store, { staticDir: dist });
    const get = async (path: string, acceptEncoding?: string) => {
      const res = await h.app.request(path, {
        headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
      });
      return { res, bytes: Buffer.from(await res.arrayBuffer()) };
    };
    for (const [path, original] of [
      ['/assets/big-7c1e.js', BIG_SCRIPT],
      ['/assets/big-7c1e.css', BIG_STYLE],
    ] as const) {
      const br = await get(path, 'gzip, deflate, br, zstd'); // what Chromium sends
      expect(br.res.status, path).toBe(200);
      expect(br.res.headers.get('content-encoding'), path).toBe('br');
      expect(br.res.headers.get('vary'), path).toMatch(/accept-encoding/i);
      expect(brotliDecompressSync(br.bytes).toString('utf8'), path).toBe(original);
      expect(br.bytes.length, path).toBeLessThan(Buffer.byteLength(original) / 3);
      expect(br.res.headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
      expect(br.res.headers.get('content-type'), path).toMatch(
        path.endsWith('.js') ? /javascript/ : /css/,
      );
      expectSecurityHeaders({ status: 200, body: undefined, headers: br.res.headers, text: '' });

      const gz = await get(path, 'gzip');
      expect(gz.res.headers.get('content-encoding'), path).toBe('gzip');
      expect(gunzipSync(gz.bytes).toString('utf8'), path).toBe(original);

      for (const none of [undefined, 'identity', 'br;q=0']) {
        const plain = await get(path, none);
        expect(plain.res.headers.get('content-encoding'), `${path} ${none}`).toBeNull();
        expect(plain.bytes.toString('utf8'), `${path} ${none}`).toBe(original);
        // So that a shared cache does not hand the plain answer to every browser for a year.
        expect(plain.res.headers.get('vary'), `${path} ${none}`).toMatch(/accept-encoding/i);
      }
    }

    // The app's page, for a deep link too, and a HEAD that tells the packed length.
    const deep = await get(
      '/ideas/0190a1b2-0000-7000-8000-000000000000',
      'gzip, deflate, br, zstd',
    );
    expect(deep.res.headers.get('content-encoding')).toBe('br');
    expect(deep.res.headers.get('content-type')).toMatch(/text\/html/);
    expect(deep.res.headers.get('cache-control')).toBe('no-cache');
    expect(brotliDecompressSync(deep.bytes).toString('utf8')).toBe(INDEX_HTML);
    const head = await h.app.request('/assets/big-7c1e.js', {
      method: 'HEAD',
      headers: { 'accept-encoding': 'br' },
    });
    expect(head.headers.get('content-encoding')).toBe('br');
    expect(Number(head.headers.get('content-length'))).toBe(
      (await get('/assets/big-7c1e.js', 'br')).bytes.length,
    );
  });
});
