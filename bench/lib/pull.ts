/**
 * A phone's first pull, as the bench's server sections make it: every page of
 * the team's change log from cursor 0 over HTTP, each page checked against the
 * protocol's schema. Counts the changes, the requests, the bytes of JSON and
 * the bytes on the wire (what `content-length` says, packed or not).
 */
import * as v from 'valibot';
import { pullResponseSchema, type SessionResponse } from '../../src/domain/protocol.ts';

export type Pulled = {
  ms: number;
  changes: number;
  requests: number;
  /** Bytes of JSON, unpacked. */
  json: number;
  /** Bytes on the wire. */
  wire: number;
};

export async function pullAll(
  url: string,
  session: SessionResponse,
  encoding: 'identity' | 'gzip' = 'gzip',
): Promise<Pulled> {
  const t0 = performance.now();
  let cursor = 0;
  const got = { changes: 0, requests: 0, json: 0, wire: 0 };
  for (;;) {
    const res = await fetch(`${url}/api/v1/sync/pull?team=${session.team.id}&cursor=${cursor}`, {
      headers: { authorization: `Bearer ${session.token}`, 'accept-encoding': encoding },
    });
    if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${await res.text()}`);
    got.requests++;
    const text = await res.text();
    const bytes = Buffer.byteLength(text);
    got.json += bytes;
    got.wire += Number(res.headers.get('content-length') ?? bytes);
    const page = v.parse(pullResponseSchema, JSON.parse(text));
    got.changes += page.changes.length;
    if (!page.more || page.cursor === cursor) break;
    cursor = page.cursor;
  }
  return { ms: performance.now() - t0, ...got };
}
