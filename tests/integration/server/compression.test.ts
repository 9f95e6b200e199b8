// Compressed bodies both ways (issue 15): a push sent gzip-compressed is
// unpacked and applied; one that would unpack past the body limit (a "gzip
// bomb") is a 413 with words, corrupt gzip a 400 with words, an encoding the
// server does not read a 415; a plain push, as older phones send, still works.
// Answers are gzip-compressed when the client accepts it and worth it.
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { acceptsGzip, compressJson } from '../../../server/http/compress.ts';
import type { ErrorBody, PullResponse, PushResult } from '../../../src/domain/protocol.ts';
import { LIMITS } from '../../../src/domain/records.ts';
import { describeOnBackends, device } from './harness.ts';

describeOnBackends('compressed sync bodies on $name', (t) => {
  const push = (token: string, body: Uint8Array | string, encoding?: string) =>
    t.h.request('POST', '/api/v1/sync/push', {
      token,
      raw: body as BodyInit,
      headers: {
        'content-type': 'application/json',
        ...(encoding === undefined ? {} : { 'content-encoding': encoding }),
      },
    });

  it('applies a gzip-compressed push and still a plain one', async () => {
    const lead = await t.h.createTeam();
    const phone = device(1);
    const packed = JSON.stringify({
      teamId: lead.team.id,
      mutations: [phone.idea(lead, 'Packed idea')],
    });
    const r = await push(lead.token, gzipSync(packed), 'gzip');
    expect(r.status).toBe(200);
    expect((r.body as { results: PushResult[] }).results.map((x) => x.kind)).toEqual(['applied']);

    const plain = JSON.stringify({
      teamId: lead.team.id,
      mutations: [phone.idea(lead, 'Plain idea')],
    });
    const old = await push(lead.token, plain);
    expect(old.status).toBe(200);
    const titles = (await t.h.pull(lead)).changes.map((c) => c.fields['title']);
    expect(titles).toEqual(['Packed idea', 'Plain idea']);
  });

  it('refuses a small body that unpacks past the limit with 413 and words, applying nothing', async () => {
    const lead = await t.h.createTeam();
    // 10 MB of zeros packs into about 10 KB.
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024));
    expect(bomb.byteLength).toBeLessThan(20_000);
    const r = await push(lead.token, bomb, 'gzip');
    expect(r.status).toBe(413);
    expect((r.body as ErrorBody).error).toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/unpacks to more than .* send fewer changes/),
    });

    // Valid JSON just past the limit once unpacked is refused the same way.
    const padding = 'x'.repeat(LIMITS.bodyBytes);
    const big = gzipSync(JSON.stringify({ teamId: lead.team.id, mutations: [{ padding }] }));
    expect((await push(lead.token, big, 'gzip')).status).toBe(413);
    expect((await t.h.pull(lead)).changes).toEqual([]);
  });

  it('answers corrupt or cut-short gzip with 400 and words', async () => {
    const lead = await t.h.createTeam();
    const body = JSON.stringify({ teamId: lead.team.id, mutations: [device(1).idea(lead, 'Cut')] });
    const packed = gzipSync(body);
    for (const bad of [packed.subarray(0, packed.byteLength - 12), Buffer.from(body)]) {
      const r = await push(lead.token, bad, 'gzip');
      expect(r.status).toBe(400);
      expect((r.body as ErrorBody).error).toMatchObject({
        code: 'bad_request',
        message: expect.stringMatching(/does not unpack.*send it again/),
      });
    }
    expect((await t.h.pull(lead)).changes).toEqual([]);
  });

  it('answers an encoding it does not read with 415 and words', async () => {
    const lead = await t.h.createTeam();
    const r = await push(lead.token, 'whatever', 'br');
    expect(r.status).toBe(415);
    expect((r.body as ErrorBody).error).toMatchObject({
      code: 'unsupported_encoding',
      message: expect.stringMatching(/plain or gzip/),
    });
  });

  it('compresses a pull answer for a client that accepts gzip, and not for one that does not', async () => {
    const lead = await t.h.createTeam();
    const phone = device(1);
    await t.h.push(
      lead,
      Array.from({ length: 30 }, (_, i) => phone.idea(lead, `Idea number ${i}`)),
    );
    const path = `/api/v1/sync/pull?team=${lead.team.id}&cursor=0`;
    const auth = { authorization: `Bearer ${lead.token}` };
    const packed = await t.h.app.request(path, {
      headers: { ...auth, 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(packed.status).toBe(200);
    expect(packed.headers.get('content-encoding')).toBe('gzip');
    expect(packed.headers.get('vary')).toMatch(/accept-encoding/i);
    const bytes = Buffer.from(await packed.arrayBuffer());
    const page = JSON.parse(gunzipSync(bytes).toString('utf8')) as PullResponse;
    expect(page.changes).toHaveLength(30);

    const plain = await t.h.app.request(path, { headers: auth });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    expect((JSON.parse(text) as PullResponse).changes).toHaveLength(30);
    expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(text) / 2);

    // A small answer goes plain even to a client that accepts gzip.
    const empty = await t.h.app.request(`${path.replace('cursor=0', 'cursor=30')}`, {
      headers: { ...auth, 'accept-encoding': 'gzip' },
    });
    expect(empty.headers.get('content-encoding')).toBeNull();
    expect(((await empty.json()) as PullResponse).changes).toEqual([]);
  });
});

describe('which clients take gzip (Accept-Encoding)', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
    ['x-gzip', true],
    ['*', true],
    ['gzip;q=0', false],
    ['deflate, br', false],
    ['*;q=0', false],
    ['identity', false],
    ['', false],
  ])('“%s” takes gzip: %s', (header, takes) => {
    expect(acceptsGzip(header)).toBe(takes);
  });
});

describe('what the packing keeps of a handler’s own headers', () => {
  const app = new Hono();
  app.use('*', compressJson());
  const big = JSON.stringify({ words: 'a ward’s idea '.repeat(400) });
  app.get('/own', (c) => {
    c.header('Vary', 'Origin');
    c.header('ETag', '"abc"');
    c.header('Content-Length', String(Buffer.byteLength(big)));
    c.header('Content-Type', 'application/json');
    return c.body(big);
  });

  it('adds Accept-Encoding to its Vary, weakens its ETag and says the packed length', async () => {
    const r = await app.request('/own', { headers: { 'accept-encoding': 'gzip' } });
    expect(r.headers.get('vary')).toBe('Origin, Accept-Encoding');
    expect(r.headers.get('etag')).toBe('W/"abc"');
    const packed = Buffer.from(await r.arrayBuffer());
    expect(r.headers.get('content-length')).toBe(String(packed.byteLength));
    expect(packed.byteLength).toBeLessThan(Buffer.byteLength(big) / 4);
    expect(gunzipSync(packed).toString('utf8')).toBe(big);
  });

  it('says Vary on a HEAD too, and sends a client without gzip the plain answer', async () => {
    const head = await app.request('/own', {
      method: 'HEAD',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(head.headers.get('vary')).toBe('Origin, Accept-Encoding');
    const plain = await app.request('/own');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('etag')).toBe('"abc"');
    expect(await plain.text()).toBe(big);
  });
});
