/**
 * The measure's chart with everything a reader needs besides the picture: the
 * rule set named, a key, the engine's summary in words, a 1σ/2σ switch, and
 * (PointsTable) the data as a table.
 */
import { useRef, useState } from 'preact/hooks';
import { annotationWords } from '../../../domain/charts/annotations.ts';
import { t as chartWords } from '../../../domain/charts/charts.en.ts';
import type { MeasureChart } from '../../../domain/charts/index.ts';
import { MeasureChartSvg, type CycleMark } from '../../components/chart/MeasureChartSvg.tsx';
import {
  AssuranceIcon,
  VariationIcon,
  assuranceWords,
  variationWords,
} from '../../components/chart/MdcIcons.tsx';
import { downloadPng, downloadSvg } from '../../components/chart/exportChart.ts';
import { t } from './measure.en.ts';

type Props = {
  chart: MeasureChart;
  name: string;
  unit: string;
  cycles: readonly CycleMark[];
  /** Prefix of the ids, so several charts can share a page. */
  id?: string;
  /** Offer the chart as an SVG and a PNG file (the measure page). */
  downloads?: boolean;
};

const fmt = (v: number) => String(Number(v.toFixed(2)));

function Key({
  shape,
  label,
}: {
  shape: 'dot' | 'blue' | 'orange' | 'target' | 'pdsa' | 'baseline' | 'rebase';
  label: string;
}) {
  return (
    <li>
      <svg width="20" height="14" aria-hidden="true">
        {shape === 'dot' && <circle cx="10" cy="7" r="3.5" fill="#4c6272" />}
        {shape === 'blue' && <circle cx="10" cy="7" r="6" fill="#005eb8" />}
        {shape === 'orange' && <rect x="5" y="2" width="10" height="10" fill="#b45309" />}
        {shape === 'target' && (
          <line
            x1="0"
            x2="20"
            y1="7"
            y2="7"
            stroke="#007f3b"
            stroke-width="2"
            stroke-dasharray="6 3"
          />
        )}
        {shape === 'baseline' && <rect x="0" y="0" width="20" height="14" fill="#e8edee" />}
        {shape === 'rebase' && (
          <line x1="10" x2="10" y1="0" y2="14" stroke="#212b32" stroke-width="2" />
        )}
        {shape === 'pdsa' && (
          <line x1="10" x2="10" y1="0" y2="14" stroke="#330072" stroke-dasharray="3 3" />
        )}
      </svg>
      {label}
    </li>
  );
}

export function ChartView({ chart, name, unit, cycles, id = 'chart', downloads = false }: Props) {
  const [sigma, setSigma] = useState(false);
  const [saved, setSaved] = useState('');
  const figure = useRef<HTMLElement>(null);
  const save = (kind: 'SVG' | 'PNG') => {
    const el = figure.current;
    if (!el) return;
    const title = unit ? `${name} (${unit})` : name;
    const done = kind === 'SVG' ? Promise.resolve(downloadSvg(el, title)) : downloadPng(el, title);
    done.then(
      () => setSaved(t('savedAs', { kind })),
      () => setSaved(t('notSavedAs', { kind })),
    );
  };
  if (chart.kind === 'empty')
    return <p id={`${id}-summary`}>{t('addPointsToSee', { summary: chart.summary })}</p>;
  return (
    <figure class="form-group" aria-labelledby={`${id}-caption`} ref={figure}>
      <figcaption id={`${id}-caption`}>
        {t(unit ? 'chartOfUnit' : 'chartOf', {
          kind: chart.kind === 'xmr' ? t('xmrChart') : t('runChart'),
          name,
          unit,
          // chart.ruleSet in the chosen language
          rules: chartWords(chart.kind === 'xmr' ? 'ruleSetXmr' : 'ruleSetRun'),
        })}
        {chart.kind === 'run' && chart.reason ? ` ${chart.reason}.` : ''}
      </figcaption>
      {chart.kind === 'xmr' && (
        <ul class="mdc-icons" aria-label={t('mdcIcons')}>
          <li>
            <VariationIcon variation={chart.variation} direction={chart.direction} />
            <span>
              <strong>{t('variation')}</strong> {variationWords(chart.variation, chart.direction)}
            </span>
          </li>
          <li>
            <AssuranceIcon assurance={chart.assurance} />
            <span>
              <strong>{t('assurance')}</strong> {assuranceWords(chart.assurance)}
            </span>
          </li>
        </ul>
      )}
      <MeasureChartSvg
        chart={chart}
        title={t('chartTitle', { name })}
        summaryId={`${id}-summary`}
        sigma={sigma}
        cycles={cycles}
        format={fmt}
      />
      <ul class="chart-key">
        <Key shape="dot" label={t('commonCause')} />
        <Key shape="blue" label={t('improvementSpecial')} />
        <Key shape="orange" label={t('concernSpecial')} />
        {chart.target !== null && <Key shape="target" label={t('target')} />}
        {cycles.length > 0 && <Key shape="pdsa" label={t('pdsaStarted')} />}
        {chart.kind === 'xmr' && chart.segments.some((g) => g.baseline) && (
          <Key shape="baseline" label={t('baselineKey')} />
        )}
        {chart.kind === 'xmr' && chart.segments.length > 1 && (
          <Key shape="rebase" label={t('rebasedKey')} />
        )}
      </ul>
      <p id={`${id}-summary`}>
        {chart.summary} {annotationWords(chart.points, cycles)}
      </p>
      {downloads && (
        <div class="button-group no-print">
          <button type="button" class="button button--secondary" onClick={() => save('SVG')}>
            {t('downloadSvg')}
          </button>
          <button type="button" class="button button--secondary" onClick={() => save('PNG')}>
            {t('downloadPng')}
          </button>
          <p role="status" class="success-text">
            {saved}
          </p>
        </div>
      )}
      {chart.kind === 'xmr' && (
        <div class="checkbox no-print">
          <input
            type="checkbox"
            id={`${id}-sigma`}
            checked={sigma}
            onChange={(e) => setSigma((e.currentTarget as HTMLInputElement).checked)}
          />
          <label for={`${id}-sigma`}>{t('sigmaLines')}</label>
        </div>
      )}
    </figure>
  );
}
