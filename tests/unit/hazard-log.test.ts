/**
 * The hazard log (docs/safety/hazard-log.md) names, for each control, the test
 * that proves it: `| control | test file | test name |`. This fails when a
 * named file does not exist, when it holds no test of that name, or when a
 * hazard names no test at all, so the log cannot point at evidence that has
 * gone. (`npm test` runs the named tests themselves.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const LOG = 'docs/safety/hazard-log.md';

type Evidence = { hazard: string; file: string; name: string };

/** Every evidence row, with the hazard it sits under. */
function evidenceRows(markdown: string): { hazards: string[]; rows: Evidence[] } {
  const hazards: string[] = [];
  const rows: Evidence[] = [];
  for (const line of markdown.split('\n')) {
    const heading = /^### (H-\d+)\b/.exec(line);
    if (heading?.[1]) hazards.push(heading[1]);
    const row = /^\|[^|]*\|\s*`(tests\/[^`]+)`\s*\|\s*`([^`]+)`\s*\|\s*$/.exec(line);
    if (row?.[1] && row[2])
      rows.push({ hazard: hazards.at(-1) ?? '(none)', file: row[1], name: row[2] });
  }
  return { hazards, rows };
}

/** Whether the file declares a test (it, test, describe) whose title is exactly `name`. */
function declaresTest(source: string, name: string): boolean {
  const code = source
    .split('\n')
    .filter((line) => !/^\s*\/\//.test(line))
    .join('\n');
  return [`'${name}'`, `"${name}"`, `\`${name}\``].some((quoted) =>
    new RegExp(`\\b(it|test)(\\.\\w+)*\\(\\s*${escape(quoted)}`).test(code),
  );
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const { hazards, rows } = evidenceRows(readFileSync(LOG, 'utf8'));

describe('the hazard log', () => {
  it('is read: it has hazards and evidence rows', () => {
    expect(hazards.length).toBeGreaterThanOrEqual(8);
    expect(rows.length).toBeGreaterThanOrEqual(hazards.length);
  });

  it('names at least one test for every hazard', () => {
    const without = hazards.filter((h) => !rows.some((r) => r.hazard === h));
    expect(without, 'hazards with no test named').toEqual([]);
  });

  it('names only test files that exist and tests they declare', () => {
    const missing = rows.flatMap((r) => {
      if (!existsSync(r.file)) return [`${r.hazard}: no file ${r.file}`];
      return declaresTest(readFileSync(r.file, 'utf8'), r.name)
        ? []
        : [`${r.hazard}: ${r.file} has no test "${r.name}"`];
    });
    expect(missing).toEqual([]);
  });

  it('would notice a renamed test (the check can fail)', () => {
    expect(declaresTest("it('keeps the idea', () => {})", 'keeps the idea')).toBe(true);
    expect(declaresTest("it('keeps the idea safe', () => {})", 'keeps the idea')).toBe(false);
    expect(declaresTest("  // it('keeps the idea', () => {})", 'keeps the idea')).toBe(false);
  });
});
