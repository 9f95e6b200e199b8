/** bench/RESULTS.md from the results: one table per run, goal and verdict per figure. */
import { fmt, verdict, type Figure } from './result.ts';
import type { machineInfo } from './machine.ts';

export type Results = {
  startedAt: string;
  durationS: number;
  machine: Awaited<ReturnType<typeof machineInfo>>;
  figures: Figure[];
  errors: { section: string; message: string }[];
  detail: Record<string, unknown>;
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdown(r: Results): string {
  const m = r.machine;
  const lines: string[] = [
    '# Ground Up benchmark results',
    '',
    `Produced by \`npm run bench\` on ${r.startedAt} in ${Math.round(r.durationS)} s. See [README.md](README.md) for what each figure means.`,
    '',
    '## Machine',
    '',
    `- Code: ${m.code}`,
    `- CPU: ${m.cpu}, ${m.cores} cores; memory ${m.memoryGiB} GiB; ${m.os}`,
    `- Node ${m.node}; Chromium ${m.chromium} (headless, /usr/bin/chromium); SQLite ${m.sqlite}; PostgreSQL ${m.postgres}`,
    `- Packages: ${Object.entries(m.packages)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
    '## Figures',
    '',
    '| section | figure | value | goal | holds? | note |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const f of r.figures) {
    const v = verdict(f);
    const value = f.value === null ? 'n/a' : `${fmt(f.value)} ${f.unit}`;
    const goal = f.goal ? `${f.goal.op === '<=' ? '≤' : '≥'} ${fmt(f.goal.target)} ${f.unit}` : '';
    const holds = v.holds === null ? '' : v.holds ? 'yes' : `**no**, by ${v.by}`;
    lines.push(
      `| ${cell(f.section)} | ${cell(f.name)} | ${value} | ${goal} | ${holds} | ${cell(f.note ?? '')} |`,
    );
  }
  if (r.errors.length > 0) {
    lines.push('', '## Sections that failed', '');
    for (const e of r.errors) lines.push(`- ${e.section}: ${cell(e.message)}`);
  }
  lines.push(
    '',
    'Section 9, an organisation of 50, 200 and 800 teams, is a separate run (`BENCH_ONLY=org`): its figures are in [ORG.md](ORG.md).',
    '',
    'Save, sync and ingest against the commit before issue 10’s registry of kinds, side by side in one run (`npm run bench:against`): [AGAINST.md](AGAINST.md).',
    '',
  );
  return lines.join('\n');
}
