/** Where things go on the measure chart: pure arithmetic from the chart engine's result. */
import type { MeasureChart } from '../../../domain/charts/index.ts';

export const W = 640;
export const H = 280;
export const PAD = { left: 56, right: 16, top: 16, bottom: 44 } as const;

export type Scale = {
  x: (i: number) => number;
  y: (v: number) => number;
  min: number;
  max: number;
};

/** Every value the chart must show: points, limits, centre lines and the target. */
function extent(chart: MeasureChart): [number, number] {
  const vs = chart.points.map((p) => p.value);
  if (chart.kind === 'xmr') for (const s of chart.segments) vs.push(s.upperLimit, s.lowerLimit);
  if (chart.kind === 'run') vs.push(chart.median);
  if (chart.kind !== 'empty' && chart.target !== null) vs.push(chart.target);
  const lo = Math.min(...vs);
  const hi = Math.max(...vs);
  const pad = hi === lo ? Math.max(1, Math.abs(hi) * 0.1) : (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

export function scaleFor(chart: MeasureChart): Scale {
  const n = chart.points.length;
  const [min, max] = extent(chart);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  return {
    min,
    max,
    x: (i) => PAD.left + (n <= 1 ? plotW / 2 : (i * plotW) / (n - 1)),
    y: (v) => PAD.top + ((max - v) / (max - min)) * plotH,
  };
}

/** The index of the first point on or after `date` (where a PDSA cycle is marked), or -1. */
export function indexAtDate(points: readonly { date: string }[], date: string): number {
  return points.findIndex((p) => p.date >= date);
}
