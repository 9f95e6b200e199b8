/**
 * Gzip for the API's JSON answers when the client accepts it (browsers always
 * say so): a pull page of a thousand changes shrinks to about a fifth. Small
 * answers go plain, so a 60-byte "nothing new" is not made larger by gzip's
 * header. Server-sent events (text/event-stream) and the static app are not
 * touched: the events stream must not be buffered, and the app's files go
 * from packed copies the build made (static.ts, decision 0034).
 *
 * An answer here is a JSON string already in memory, so it is packed whole by
 * node's zlib on its thread pool, off the event loop, at level 4. Hono's
 * compress middleware piped it through a web CompressionStream on the event
 * loop instead: about three times the CPU for the same bytes, which the bench
 * showed as a slower ingest and pull (decision 0030). Level 4 packs a pull
 * page within a few per cent of the default level 6 in about half the time.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

/** Smaller answers go plain: gzip's header and trailer would outweigh the saving. */
export const COMPRESS_FROM_BYTES = 1024;

const JSON_TYPE = /^application\/json\b/i;
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;
const VARY_ENCODING = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;
const pack = promisify(gzip);

/** Whether an Accept-Encoding header takes gzip: named (or `*`) with a weight above 0. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let wildcard = 0;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    const w = Number.isNaN(weight) ? 0 : weight;
    if (name === 'gzip' || name === 'x-gzip') return w > 0;
    if (name === '*') wildcard = w;
  }
  return wildcard > 0;
}

export function compressJson(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!JSON_TYPE.test(c.res.headers.get('content-type') ?? '')) return;
    const vary = c.res.headers.get('vary');
    if (vary !== '*' && !(vary && VARY_ENCODING.test(vary)))
      c.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    // Read after: setting a header on a finished answer makes Hono copy it.
    const res = c.res;
    if (
      res.body === null ||
      c.req.method === 'HEAD' ||
      res.status === 206 ||
      res.headers.has('content-encoding') ||
      NO_TRANSFORM.test(res.headers.get('cache-control') ?? '') ||
      // Left as the handler made it, unread: copying a pull page into a new answer for a
      // client that takes no gzip cost a tenth of the pull.
      !acceptsGzip(c.req.header('accept-encoding'))
    )
      return;
    const headers = new Headers(res.headers);
    const bytes = new Uint8Array(await res.arrayBuffer());
    let body = bytes;
    if (bytes.byteLength >= COMPRESS_FROM_BYTES) {
      const packed = await pack(bytes, { level: 4 });
      // zlib's output is an ordinary (not shared) ArrayBuffer.
      body = new Uint8Array(packed.buffer as ArrayBuffer, packed.byteOffset, packed.byteLength);
      headers.set('content-encoding', 'gzip');
      const etag = headers.get('etag');
      if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
    }
    headers.set('content-length', String(body.byteLength));
    // Cleared first: Hono copies the old answer's headers over a new one it is given, which
    // would put back the handler's Content-Length, strong ETag or Vary over these.
    c.res = undefined;
    c.res = new Response(body, {
      status: res.status,
      statusText: res.statusText,
      headers,
    });
  };
}
