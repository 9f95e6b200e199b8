/**
 * Serving the built PWA from the same origin as the API: files from staticDir,
 * and for any other GET outside /api that is not asking for a file, index.html
 * (the SPA fallback, so a deep link opens the app). A missing /assets/* file
 * or a path with a file extension is a 404, not index.html: a stale page
 * asking for an old hashed script must not receive HTML in its place.
 * Text files go packed (Brotli, else gzip) where the build left a packed copy
 * and the browser accepts it: a phone on a ward's weak signal downloads the
 * app at about a third of its size, with no proxy set up to compress it.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import { resolve } from 'node:path';
import { cacheControlFor, REVALIDATE } from './headers.ts';

const LOOKS_LIKE_FILE = /\/[^/]*\.[^/]+$/;

/**
 * The files the build packs (scripts/compressDist.ts, when 1 KB or more):
 * text a browser decodes, not PNGs or icons, which are packed already.
 */
export const PACKED_FILE = /\.(?:js|mjs|css|html|svg|webmanifest|json|txt|map)$/;

/**
 * `Vary: Accept-Encoding` on every file that may go packed, the plain answer
 * too: a shared cache holding the plain answer for a year (the hashed assets
 * are immutable) must not hand it to every browser in place of the packed one.
 * serveStatic says so only when it sends a packed copy.
 */
function varyByEncoding(c: Context, file: string): void {
  if (!PACKED_FILE.test(file)) return;
  if (/accept-encoding/i.test(c.res.headers.get('Vary') ?? '')) return;
  c.header('Vary', 'Accept-Encoding', { append: true });
}

export function mountStatic(app: Hono, staticDir: string): void {
  const root = resolve(staticDir);
  // A packed copy (name.br, name.gz: scripts/compressDist.ts, run by `npm run
  // build`) to a browser that accepts it, with Content-Encoding and Vary.
  const files = serveStatic({ root, precompressed: true });
  const index = serveStatic({ root, path: 'index.html', precompressed: true });
  app.get('*', async (c, next) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return next();
    const found = await files(c, async () => {});
    if (found) {
      c.res = found;
      c.header('Cache-Control', cacheControlFor(c.req.path));
      varyByEncoding(c, c.req.path);
      return c.res;
    }
    if (c.req.path.startsWith('/assets/') || LOOKS_LIKE_FILE.test(c.req.path)) return next();
    const page = await index(c, async () => {});
    if (!page) return next();
    c.res = page;
    c.header('Cache-Control', REVALIDATE);
    varyByEncoding(c, 'index.html');
    return c.res;
  });
}
