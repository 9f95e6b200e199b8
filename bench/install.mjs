/**
 * The bench's own tools (PouchDB, express-pouchdb, Lighthouse) live in
 * bench/package.json so that `npm ci` for the app does not install them
 * (issue 17: set-up took almost 6 minutes, most of it these). `npm run bench`
 * runs this first: it installs them with `npm --prefix bench ci` the first
 * time, and again only when bench/package-lock.json changes (a stamp holds the
 * lockfile's hash).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bench = dirname(fileURLToPath(import.meta.url));
const stamp = join(bench, 'node_modules', '.ground-up-lock-sha256');
const hash = createHash('sha256')
  .update(readFileSync(join(bench, 'package-lock.json')))
  .digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) process.exit(0);

console.log('[bench] installing the bench-only tools into bench/node_modules (first run only)…');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['--prefix', bench, 'ci', '--no-audit', '--no-fund'], {
  stdio: 'inherit',
});
if (r.status !== 0) {
  console.error('[bench] `npm --prefix bench ci` failed; the bench needs PouchDB and Lighthouse.');
  process.exit(r.status ?? 1);
}
writeFileSync(stamp, hash + '\n');
