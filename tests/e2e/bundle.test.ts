/**
 * The capture screen's size budget, checked by bytes (deterministic), never by
 * time: the JS and CSS that index.html loads before first render, gzipped,
 * must stay within 50 KB (DESIGN: a cheap phone between two patients).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

export const CAPTURE_BUDGET_BYTES = 50 * 1000;

/** Files the entry HTML loads up front: module script, modulepreloads, stylesheets. */
export function initialAssets(dist = 'dist'): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]+href="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+href="([^"]+)"[^>]+rel="(?:modulepreload|stylesheet)"/g),
  ].map((m) => m[1] ?? '');
  return [...new Set(refs.filter((r) => r.endsWith('.js') || r.endsWith('.css')))];
}

it('keeps the capture screen within 50 KB of gzipped JS and CSS', () => {
  const assets = initialAssets();
  expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
  const bytes = assets.map(
    (a) => gzipSync(readFileSync(join('dist', a.replace(/^\//, ''))), { level: 9 }).length,
  );
  const total = bytes.reduce((x, y) => x + y, 0);
  console.log(
    `capture screen: ${total} bytes gzipped in ${assets.length} files (budget ${CAPTURE_BUDGET_BYTES})`,
  );
  expect(total).toBeLessThanOrEqual(CAPTURE_BUDGET_BYTES);
});
