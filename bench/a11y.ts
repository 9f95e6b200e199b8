/**
 * `npm run bench:a11y`: Lighthouse accessibility of the trust's pages and the
 * sign-in screens (sections/pagesA11y.ts) against the built app on the real
 * server, without the rest of the bench. Its figures replace that section's
 * in bench/results.json and bench/RESULTS.md, and it exits 1 when a page
 * scores under 100 (a score, not a timing: the same page scores the same).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'prettier';
import { startServer } from '../server/main.ts';
import { markdown, type Results } from './lib/report.ts';
import { A11Y_SECTION, pagesA11yFigures } from './sections/pagesA11y.ts';

const dir = mkdtempSync(join(tmpdir(), 'ground-up-a11y-'));
const server = await startServer({
  port: 0,
  sqlitePath: join(dir, 'a11y.sqlite'),
  staticDir: 'dist',
  log: () => undefined,
  notifications: false,
});
try {
  const { figures, detail } = await pagesA11yFigures(server.url);
  for (const f of figures) console.log(`${f.value ?? '?'}/100  ${f.name}`);
  const results = JSON.parse(readFileSync('bench/results.json', 'utf8')) as Results;
  results.figures = [...results.figures.filter((f) => f.section !== A11Y_SECTION), ...figures];
  results.detail['a11y'] = detail;
  writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
  writeFileSync('bench/RESULTS.md', await format(markdown(results), { parser: 'markdown' }));
  const below = figures.filter((f) => f.value !== 100);
  if (below.length > 0) {
    console.error(`Under 100: ${below.map((f) => f.name).join('; ')}`);
    console.error(JSON.stringify(detail, null, 2));
    process.exitCode = 1;
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
