// Oversized requests get 413 with words telling the device to send fewer, and
// a full-sized batch still goes through.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../server/store/index.ts';
import type { ErrorBody } from '../../../src/domain/protocol.ts';
import { LIMITS } from '../../../src/domain/records.ts';
import { device, harness, type Harness } from './harness.ts';

let store: Store;
let h: Harness;
beforeEach(async () => {
  store = await openStore({ sqlitePath: ':memory:' });
  h = harness(store);
});
afterEach(() => store.close());

describe('request size', () => {
  it('takes a full batch of the maximum size', async () => {
    const lead = await h.createTeam();
    const phone = device(1);
    const batch = Array.from({ length: LIMITS.pushBatch }, (_, i) => phone.idea(lead, `Idea ${i}`));
    const results = await h.push(lead, batch);
    expect(results.filter((r) => r.kind === 'applied')).toHaveLength(LIMITS.pushBatch);
  });

  it('answers 413 to one mutation too many, applying none of them', async () => {
    const lead = await h.createTeam();
    const phone = device(1);
    const batch = Array.from({ length: LIMITS.pushBatch + 1 }, (_, i) =>
      phone.idea(lead, `Idea ${i}`),
    );
    const r = await h.request('POST', '/api/v1/sync/push', {
      token: lead.token,
      body: { teamId: lead.team.id, mutations: batch },
    });
    expect(r.status).toBe(413);
    expect((r.body as ErrorBody).error).toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/send at most 200/),
    });
    expect((await h.pull(lead)).changes).toEqual([]);
  });

  it('answers 413 to a body over the byte limit, declared or streamed', async () => {
    const lead = await h.createTeam();
    const padding = 'x'.repeat(LIMITS.bodyBytes);
    const declared = await h.request('POST', '/api/v1/sync/push', {
      token: lead.token,
      body: { teamId: lead.team.id, mutations: [{ padding }] },
    });
    expect(declared.status).toBe(413);
    expect((declared.body as ErrorBody).error.message).toMatch(/send fewer/);

    const bytes = new TextEncoder().encode(
      JSON.stringify({ teamId: lead.team.id, mutations: [{ padding }] }),
    );
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 64 * 1024)
          controller.enqueue(bytes.slice(i, i + 64 * 1024));
        controller.close();
      },
    });
    const streamed = await h.app.request('/api/v1/sync/push', {
      method: 'POST',
      headers: { authorization: `Bearer ${lead.token}` },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);

    // A declared length over the limit is refused before the body is read.
    const claimed = await h.request('POST', '/api/v1/sync/push', {
      token: lead.token,
      raw: '{}',
      headers: { 'content-length': String(LIMITS.bodyBytes + 1) },
    });
    expect(claimed.status).toBe(413);
  });
});
