/**
 * 1. Bundle: gzipped bytes of the JS and CSS that index.html loads before the
 * capture screen renders (what tests/e2e/bundle.test.ts budgets), of what the
 * capture screen actually fetched in Chromium by the time it was idle (lazy
 * chunks included; measured in save.ts), and of the whole precache listed in
 * dist/sw.js's manifest.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from '../lib/result.ts';

export const CAPTURE_BUDGET = 50 * 1000;

/** Same rule as tests/e2e/bundle.test.ts (not imported: that file runs vitest's `it`). */
export function initialAssets(dist = 'dist'): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]+href="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+href="([^"]+)"[^>]+rel="(?:modulepreload|stylesheet)"/g),
  ].map((m) => m[1] ?? '');
  return [...new Set(refs.filter((r) => r.endsWith('.js') || r.endsWith('.css')))];
}

export function gzipBytes(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

export function gzippedAssets(paths: readonly string[], dist = 'dist'): number {
  return paths
    .map((p) => join(dist, p.replace(/^\//, '')))
    .filter((p) => existsSync(p))
    .reduce((sum, p) => sum + gzipBytes(p), 0);
}

export function precacheUrls(dist = 'dist'): string[] {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  return [...new Set([...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1] ?? ''))].filter(Boolean);
}

export function bundleFigures(dist = 'dist'): {
  figures: Figure[];
  detail: Record<string, unknown>;
} {
  const entry = initialAssets(dist);
  const entryGz = gzippedAssets(entry, dist);
  const urls = precacheUrls(dist);
  const precacheGz = gzippedAssets(urls, dist) + gzipBytes(join(dist, 'sw.js'));
  const precacheRaw = urls
    .map((u) => join(dist, u))
    .filter((p) => existsSync(p))
    .reduce((s, p) => s + readFileSync(p).length, readFileSync(join(dist, 'sw.js')).length);
  const jsCss = urls.filter((u) => u.endsWith('.js') || u.endsWith('.css'));
  return {
    figures: [
      {
        section: '1. Bundle',
        name: 'Capture screen, JS+CSS index.html loads up front (gzip -9)',
        value: entryGz,
        unit: 'B',
        goal: { op: '<=', target: CAPTURE_BUDGET },
        note: `${entry.length} files: ${entry.join(', ')}`,
      },
      {
        section: '1. Bundle',
        name: 'Whole precache incl. sw.js, icons (gzip -9)',
        value: precacheGz,
        unit: 'B',
        note: `${urls.length} precached files + sw.js, ${precacheRaw} B uncompressed; JS+CSS alone ${gzippedAssets(jsCss, dist)} B gzipped`,
      },
    ],
    detail: { entry, entryGz, precache: urls, precacheGz, precacheRaw },
  };
}
