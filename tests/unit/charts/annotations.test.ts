/** PDSA cycle starts and point notes in the chart's words and data table. */
import { describe, expect, it } from 'vitest';
import { annotationWords, cyclesAtPoint } from '../../../src/domain/charts/annotations.ts';

const points = [
  { date: '2026-10-01' },
  { date: '2026-10-03', note: ' New rota ' },
  { date: '2026-10-05', note: '' },
  { date: '2026-10-08' },
];

describe('annotations', () => {
  it('names each cycle start and each note, in order', () => {
    const cycles = [
      { cycle: 2, date: '2026-10-06' },
      { cycle: 1, date: '2026-10-02' },
    ];
    expect(annotationWords(points, cycles)).toBe(
      'PDSA cycles started: cycle 1 on 2 Oct 2026, cycle 2 on 6 Oct 2026. ' +
        'Notes: 3 Oct 2026, “New rota”.',
    );
    expect(annotationWords(points, [])).toBe('Notes: 3 Oct 2026, “New rota”.');
    expect(annotationWords([{ date: '2026-10-01' }], [])).toBe('');
  });

  it('puts a cycle on the first point on or after its start', () => {
    const cycles = [
      { cycle: 1, date: '2026-10-02' },
      { cycle: 2, date: '2026-10-08' },
      { cycle: 3, date: '2026-10-09' },
    ];
    expect(points.map((_, i) => cyclesAtPoint(points, i, cycles).map((c) => c.cycle))).toEqual([
      [],
      [1],
      [],
      [2],
    ]);
  });
});
