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
      message: expect.stringMatching(/send at most 500 at a time/),
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

describe('string lengths', () => {
  it('takes every text at its limit and refuses one character more, naming the field', async () => {
    const lead = await h.createTeam('x'.repeat(LIMITS.teamName), 'y'.repeat(LIMITS.displayName));
    expect(lead.team.name).toHaveLength(LIMITS.teamName);
    const phone = device(1);
    const at = phone.idea(lead, 't'.repeat(LIMITS.ideaTitle));
    const over = phone.idea(lead, 't'.repeat(LIMITS.ideaTitle + 1));
    const detail = {
      ...phone.idea(lead, 'Detail'),
      fields: { ...at.fields, detail: 'd'.repeat(LIMITS.ideaDetail + 1) },
    };
    const results = await h.push(lead, [at, over, detail]);
    expect(results.map((r) => r.kind)).toEqual(['applied', 'rejected', 'rejected']);
    expect(results[1]).toMatchObject({
      field: 'fields.title',
      reason: 'fields.title must be at most 200 characters',
    });
    expect(results[2]).toMatchObject({ field: 'fields.detail' });

    const comments = await h.push(lead, [
      phone.comment(lead, at.entityId, 'c'.repeat(LIMITS.commentBody)),
      phone.comment(lead, at.entityId, 'c'.repeat(LIMITS.commentBody + 1)),
    ]);
    expect(comments.map((r) => r.kind)).toEqual(['applied', 'rejected']);
    expect(comments[1]).toMatchObject({ field: 'fields.body' });

    for (const [body, field] of [
      [{ teamName: 'x'.repeat(LIMITS.teamName + 1), displayName: 'P' }, 'teamName'],
      [{ teamName: 'Ward 7', displayName: 'y'.repeat(LIMITS.displayName + 1) }, 'displayName'],
    ] as const) {
      const r = await h.request('POST', '/api/v1/teams', { body, client: field });
      expect(r.status).toBe(400);
      expect((r.body as ErrorBody).error.field).toBe(field);
    }
  });

  it('serves at most one page of 1,000 changes per pull, and says so for more', async () => {
    const lead = await h.createTeam();
    const at = await h.request(
      'GET',
      `/api/v1/sync/pull?team=${lead.team.id}&cursor=0&limit=${LIMITS.pullPage}`,
      { token: lead.token },
    );
    expect(at.status).toBe(200);
    const over = await h.request(
      'GET',
      `/api/v1/sync/pull?team=${lead.team.id}&cursor=0&limit=${LIMITS.pullPage + 1}`,
      { token: lead.token },
    );
    expect(over.status).toBe(400);
    expect((over.body as ErrorBody).error).toMatchObject({
      field: 'limit',
      message: 'limit must be at most 1000',
    });
  });
});
