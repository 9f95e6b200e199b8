/**
 * `npm run bench:a11y`: Lighthouse accessibility of the trust's pages and the
 * sign-in screens (sections/pagesA11y.ts), and of the screens a ward uses on
 * a ward set up in the app (sections/screensA11y.ts), against the built app on
 * the real server, without the rest of the bench. Their figures replace those
 * sections' in bench/results.json and bench/RESULTS.md, and it exits 1 when a
 * page scores under 100 or any audit fails (a score, not a timing: the same
 * page scores the same).
 * Build first (`npm run build`): it serves `dist/` as it is.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'prettier';
import { startServer } from '../server/main.ts';
import { markdown, type Results } from './lib/report.ts';
import { A11Y_SECTION, pagesA11yFigures } from './sections/pagesA11y.ts';
import { SCREENS_SECTION, screensA11yFigures } from './sections/screensA11y.ts';

const dir = mkdtempSync(join(tmpdir(), 'ground-up-a11y-'));
const server = await startServer({
  port: 0,
  sqlitePath: join(dir, 'a11y.sqlite'),
  staticDir: 'dist',
  log: () => undefined,
  notifications: false,
});
try {
  const pages = await pagesA11yFigures(server.url);
  const screens = await screensA11yFigures(server.url, (s) => console.log(`[a11y] ${s}`));
  const figures = [...pages.figures, ...screens.figures];
  const detail = { pages: pages.detail, screens: screens.detail };
  for (const f of figures) console.log(`${f.value ?? '?'}/100  ${f.name}`);
  const results = JSON.parse(readFileSync('bench/results.json', 'utf8')) as Results;
  const ours = new Set([A11Y_SECTION, SCREENS_SECTION]);
  results.figures = [...results.figures.filter((f) => !ours.has(f.section)), ...figures];
  results.detail['a11y'] = pages.detail;
  results.detail['screens'] = screens.detail;
  writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
  writeFileSync('bench/RESULTS.md', await format(markdown(results), { parser: 'markdown' }));
  const below = figures.filter((f) => f.value !== 100);
  // An audit Lighthouse does not weigh (label-content-name-mismatch) can fail at 100: still a finding.
  const findings = [
    ...Object.entries(pages.detail.failingAudits)
      .filter(([, audits]) => audits.length > 0)
      .map(([path, audits]) => `${path}: ${audits.join(', ')}`),
    ...Object.entries(screens.detail.failingAudits).map(
      ([name, audits]) => `${name}: ${Object.keys(audits).join(', ')}`,
    ),
  ];
  if (findings.length > 0) {
    console.error(`Failed audits:\n${findings.join('\n')}`);
    process.exitCode = 1;
  }
  if (screens.detail.error) {
    console.error(`The screens' set-up stopped, so some are not audited: ${screens.detail.error}`);
    process.exitCode = 1;
  }
  if (below.length > 0) {
    console.error(`Under 100: ${below.map((f) => f.name).join('; ')}`);
    console.error(JSON.stringify(detail, null, 2));
    process.exitCode = 1;
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
