/**
 * Response headers every answer carries: the security headers (CSP locked to
 * our own origin, no framing, no MIME sniffing, no referrer, no powerful
 * features the app does not use, a browsing context of our own) and, for the
 * built app, the caching rules that let the service worker update: hashed
 * /assets/* never change so they are immutable; everything else (index.html,
 * sw.js, the manifest, the SPA fallback) is revalidated on every load. API
 * answers are never stored by a browser or proxy: they hold a team's words.
 *
 * HSTS is sent only when the deployment says so (HSTS=1): it pins browsers to
 * https for a year, which must be a deliberate choice of whoever runs the TLS
 * in front, not a guess from one request's X-Forwarded-Proto. Browsers ignore
 * it over plain http, so sending it on every answer is harmless.
 */
import type { MiddlewareHandler } from 'hono';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Features the app never uses, denied to it and to anything it might embed. */
export const PERMISSIONS_POLICY = [
  'camera',
  'microphone',
  'geolocation',
  'payment',
  'usb',
  'serial',
  'hid',
  'display-capture',
  'accelerometer',
  'gyroscope',
  'magnetometer',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

export const HSTS = 'max-age=31536000';

export function securityHeaders(opts: { hsts?: boolean } = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Permissions-Policy', PERMISSIONS_POLICY);
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (opts.hsts) c.header('Strict-Transport-Security', HSTS);
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) {
      c.header('Cache-Control', 'no-store');
    }
  };
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export function cacheControlFor(path: string): string {
  return path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
}
