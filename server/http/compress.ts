/**
 * Gzip for the API's JSON answers when the client accepts it (browsers always
 * say so): a pull page of a thousand changes shrinks to about a fifth. Hono's
 * compress middleware does the work; this gives it the length it needs to
 * leave small answers alone (`c.json` sets none), so a 60-byte "nothing new"
 * is not made larger by gzip's header. Server-sent events (text/event-stream)
 * and the static app are not touched: the events stream must not be
 * buffered, and static files are the proxy's or the cache's business.
 */
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

/** Smaller answers go plain: gzip's header and trailer would outweigh the saving. */
export const COMPRESS_FROM_BYTES = 1024;

const JSON_TYPE = /^application\/json\b/i;

export function compressJson(): MiddlewareHandler {
  const gzip = compress({
    encoding: 'gzip',
    threshold: COMPRESS_FROM_BYTES,
    contentTypeFilter: JSON_TYPE,
  });
  return (c, next) =>
    gzip(c, async () => {
      await next();
      const res = c.res;
      const type = res.headers.get('content-type') ?? '';
      if (!JSON_TYPE.test(type) || res.body === null || res.headers.has('content-length')) return;
      // The answer is a JSON string already in memory: measuring it costs a copy, no wait.
      const bytes = await res.arrayBuffer();
      c.res = new Response(bytes, res);
      c.res.headers.set('content-length', String(bytes.byteLength));
    });
}
