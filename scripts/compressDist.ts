/**
 * After `vite build`: a Brotli (`.br`) and a gzip (`.gz`) copy beside every
 * text file of the built app, so the server sends each packed to a browser
 * that accepts it (server/http/static.ts, `precompressed`), whatever sits in
 * front of it. Packed once here, at the strongest settings, not on each
 * request. The budgets in tests/e2e/bundle.test.ts are gzipped sizes; this is
 * what makes them the bytes a phone downloads. The service worker's precache
 * lists only the files themselves (vite.config.ts, `globPatterns`), so the
 * copies are never precached twice.
 *
 * Run: node --import tsx scripts/compressDist.ts [dir]   (`npm run build` does)
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { PACKED_FILE } from '../server/http/static.ts';

/** Below this a packed copy saves less than its headers cost. */
const SMALLEST = 1024;

export type Packed = { file: string; bytes: number; br: number; gz: number };

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** Writes `file.br` and `file.gz` beside `file`. */
export function compressFile(file: string): Packed {
  const bytes = readFileSync(file);
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  const gz = gzipSync(bytes, { level: 9 });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gz);
  return { file, bytes: bytes.length, br: br.length, gz: gz.length };
}

/** Packs each text file of `dir` (and below) of SMALLEST bytes or more. */
export function compressDir(dir: string): Packed[] {
  const done: Packed[] = [];
  for (const file of files(dir))
    if (PACKED_FILE.test(file) && statSync(file).size >= SMALLEST) done.push(compressFile(file));
  return done;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  const done = compressDir(dir);
  const sum = (k: 'bytes' | 'br' | 'gz') => done.reduce((n, p) => n + p[k], 0);
  console.log(
    `${dir}: ${done.length} files packed, ${sum('bytes')} B → ${sum('br')} B Brotli, ${sum('gz')} B gzip`,
  );
}
