/**
 * The papers a trust reads (docs/dtac.md, docs/dpia.md, docs/safety/*) link
 * to their evidence in the repository: every relative link must lead to a
 * file or folder that exists, so a moved or deleted file cannot leave an
 * answer pointing at nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';

const PAPERS = [
  'docs/dtac.md',
  'docs/dpia.md',
  'docs/safety/safety-case.md',
  'docs/safety/hazard-log.md',
];

it('links only to files and folders that exist', () => {
  const broken: string[] = [];
  let links = 0;
  for (const paper of PAPERS) {
    const text = readFileSync(paper, 'utf8');
    for (const m of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
      const target = m[1] ?? '';
      if (/^[a-z]+:/.test(target)) continue;
      links++;
      if (!existsSync(join(dirname(paper), target))) broken.push(`${paper}: ${target}`);
    }
  }
  expect(links).toBeGreaterThan(20);
  expect(broken).toEqual([]);
});
