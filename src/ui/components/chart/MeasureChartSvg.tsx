/**
 * A measure's chart drawn by hand in SVG from the chart engine's result (no
 * chart library): the points, the centre line (mean or median), the process
 * limits and optionally the 1σ/2σ lines, the target, special-cause points in
 * blue (improvement) or orange (concern) as Making Data Count draws them — and
 * shaped differently, so colour is never the only cue — and the PDSA cycles
 * marked on the time axis; a fixed baseline is shaded over the points its
 * limits rest on, and each rebase is a line labelled at the top (decision
 * 0017). The engine's summary is the chart's description.
 */
import type { MeasureChart } from '../../../domain/charts/index.ts';
import { shortDay } from '../../format.ts';
import { H, PAD, W, indexAtDate, scaleFor, type Scale } from './scale.ts';
import { t } from './chart.en.ts';

export type CycleMark = { readonly cycle: number; readonly date: string };

type Props = {
  chart: Exclude<MeasureChart, { kind: 'empty' }>;
  title: string;
  summaryId: string;
  sigma: boolean;
  cycles: readonly CycleMark[];
  format: (v: number) => string;
};

const COMMON = '#4c6272';
const IMPROVEMENT = '#005eb8';
const CONCERN = '#b45309';

function Line(p: {
  x1: number;
  x2: number;
  y: number;
  stroke: string;
  dash?: string;
  width?: number;
}) {
  return (
    <line
      x1={p.x1}
      x2={p.x2}
      y1={p.y}
      y2={p.y}
      stroke={p.stroke}
      stroke-width={p.width ?? 1.5}
      stroke-dasharray={p.dash}
    />
  );
}

/** A label at the top of the plot on a white ground, readable where it crosses a line. */
function TopLabel({ x, text }: { x: number; text: string }) {
  // About 6.3 units a character at the label's 12 px bold.
  return (
    <g>
      <rect x={x} y={PAD.top + 2} width={text.length * 6.3 + 8} height={17} fill="#fff" />
      <text x={x + 4} y={PAD.top + 15} class="chart__label">
        {text}
      </text>
    </g>
  );
}

/**
 * The baseline's shading (the points its limits rest on) and a line at each
 * rebase, under the chart's lines; with `labels`, their labels, over them.
 */
function Periods({
  chart,
  s,
  labels = false,
}: {
  chart: Extract<MeasureChart, { kind: 'xmr' }>;
  s: Scale;
  labels?: boolean;
}) {
  const half = chart.points.length > 1 ? (s.x(1) - s.x(0)) / 2 : 0;
  return (
    <g class="chart__periods">
      {chart.segments.map((g, i) => {
        if (g.baseline) {
          const x1 = Math.max(PAD.left, s.x(g.startIndex) - half);
          const x2 = s.x(g.limitEndIndex) + half;
          return labels ? (
            <TopLabel
              key={g.startIndex}
              x={x1 + 2}
              text={t('baselineFixed', { n: g.limitPointCount })}
            />
          ) : (
            <rect
              key={g.startIndex}
              x={x1}
              y={PAD.top}
              width={x2 - x1}
              height={H - PAD.top - PAD.bottom}
              fill="#e8edee"
            />
          );
        }
        if (i === 0) return null;
        const x = s.x(g.startIndex) - half;
        return labels ? (
          <TopLabel key={g.startIndex} x={x + 2} text={t('rebased')} />
        ) : (
          <line
            key={g.startIndex}
            x1={x}
            x2={x}
            y1={PAD.top}
            y2={H - PAD.bottom}
            stroke="#212b32"
            stroke-width={2}
          />
        );
      })}
    </g>
  );
}

/**
 * The words on the lines, drawn over the points with a white halo so a point
 * never hides them: the centre line and the limits at the plot's right end
 * (their values, where the eye reads them, not the plot's edges), and the
 * target at the left end, on the side of its line away from the first points.
 */
function Labels({
  chart,
  s,
  format,
}: {
  chart: Exclude<MeasureChart, { kind: 'empty' }>;
  s: Scale;
  format: (v: number) => string;
}) {
  const last = chart.kind === 'xmr' ? chart.segments.at(-1) : undefined;
  const lines: [number, string][] =
    chart.kind === 'run'
      ? [[chart.median, t('median', { value: format(chart.median) })]]
      : last
        ? [
            [last.upperLimit, t('upper', { value: format(last.upperLimit) })],
            [last.mean, t('mean', { value: format(last.mean) })],
            [last.lowerLimit, t('lower', { value: format(last.lowerLimit) })],
          ]
        : [];
  const target = chart.target;
  const early = chart.points.slice(0, Math.max(1, Math.ceil(chart.points.length / 3)));
  const aboveTarget =
    target !== null && early.filter((p) => p.value > target).length > early.length / 2;
  return (
    <g class="chart__labels">
      {lines.map(([v, text]) => (
        <text key={text} x={W - PAD.right - 4} y={s.y(v) - 5} text-anchor="end" class="chart__axis">
          {text}
        </text>
      ))}
      {target !== null && (
        <text
          x={PAD.left + 4}
          y={s.y(target) + (aboveTarget ? 5 : -5)}
          dominant-baseline={aboveTarget ? 'hanging' : 'auto'}
          text-anchor="start"
          class="chart__label chart__target"
        >
          {t('target', { value: format(target) })}
        </text>
      )}
    </g>
  );
}

export function MeasureChartSvg({ chart, title, summaryId, sigma, cycles, format }: Props) {
  const s = scaleFor(chart);
  const pts = chart.points;
  const live = pts.filter((p) => !p.ghost);
  const path = live.map((p) => `${s.x(p.index).toFixed(1)},${s.y(p.value).toFixed(1)}`).join(' ');
  const titleId = `${summaryId}-title`;
  const first = pts[0];
  const last = pts.at(-1);
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={titleId}
      aria-describedby={summaryId}
    >
      <title id={titleId}>{title}</title>
      <rect
        x={PAD.left}
        y={PAD.top}
        width={W - PAD.left - PAD.right}
        height={H - PAD.top - PAD.bottom}
        fill="#fff"
        stroke="#d8dde0"
      />
      {first && (
        <text x={s.x(0)} y={H - 24} text-anchor="start" class="chart__axis">
          {shortDay(first.date)}
        </text>
      )}
      {last && pts.length > 1 && (
        <text x={s.x(pts.length - 1)} y={H - 24} text-anchor="end" class="chart__axis">
          {shortDay(last.date)}
        </text>
      )}
      {chart.kind === 'xmr' && <Periods chart={chart} s={s} />}
      {chart.kind === 'xmr' &&
        chart.segments.map((g) => {
          const x1 = s.x(g.startIndex);
          const x2 = s.x(g.endIndex);
          return (
            <g key={g.startIndex}>
              <Line x1={x1} x2={x2} y={s.y(g.mean)} stroke="#212b32" />
              <Line x1={x1} x2={x2} y={s.y(g.upperLimit)} stroke={COMMON} dash="6 4" />
              <Line x1={x1} x2={x2} y={s.y(g.lowerLimit)} stroke={COMMON} dash="6 4" />
              {sigma &&
                [g.upperTwoSigma, g.upperOneSigma, g.lowerOneSigma, g.lowerTwoSigma].map((v) => (
                  <Line key={v} x1={x1} x2={x2} y={s.y(v)} stroke="#aeb7bd" dash="2 4" width={1} />
                ))}
            </g>
          );
        })}
      {chart.kind === 'run' && (
        <Line
          x1={s.x(0)}
          x2={s.x(Math.max(0, pts.length - 1))}
          y={s.y(chart.median)}
          stroke="#212b32"
        />
      )}
      {chart.target !== null && (
        <g>
          <Line
            x1={PAD.left}
            x2={W - PAD.right}
            y={s.y(chart.target)}
            stroke="#007f3b"
            dash="10 4"
            width={2}
          />
        </g>
      )}
      {cycles.map((c) => {
        const i = indexAtDate(pts, c.date);
        if (i < 0) return null;
        const x = s.x(i);
        return (
          <g key={c.cycle}>
            <line
              x1={x}
              x2={x}
              y1={PAD.top}
              y2={H - PAD.bottom}
              stroke="#330072"
              stroke-dasharray="3 3"
            />
            <text x={x} y={H - 8} text-anchor="middle" class="chart__label">
              {t('pdsa', { n: String(c.cycle) })}
            </text>
          </g>
        );
      })}
      {chart.kind === 'xmr' && <Periods chart={chart} s={s} labels />}
      <polyline points={path} fill="none" stroke={COMMON} stroke-width={1.5} />
      {pts.map((p) => {
        const x = s.x(p.index);
        const y = s.y(p.value);
        if (p.ghost)
          return <circle key={p.index} cx={x} cy={y} r={4} fill="#fff" stroke={COMMON} />;
        if (p.special === 'concern')
          return <rect key={p.index} x={x - 5} y={y - 5} width={10} height={10} fill={CONCERN} />;
        if (p.special === 'improvement')
          return <circle key={p.index} cx={x} cy={y} r={6} fill={IMPROVEMENT} />;
        return <circle key={p.index} cx={x} cy={y} r={3.5} fill={COMMON} />;
      })}
      <Labels chart={chart} s={s} format={format} />
    </svg>
  );
}
