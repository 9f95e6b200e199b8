/**
 * Making Data Count's two summary icons, drawn in SVG so they print, export and
 * scale: the variation icon (common cause grey; special cause improvement blue;
 * concern orange; "H" or "L" for a high or low signal) and the assurance icon
 * (pass blue "P", fail orange "F", hit or miss grey with the target running
 * through the process). Each is an image with its meaning in words, so the
 * colour is never the only cue. The colours are the chart's (MeasureChartSvg),
 * darker than MDC's own so they keep a 3:1 contrast on white.
 */
import type { Assurance, Direction, Variation } from '../../../domain/charts/index.ts';
import { assuranceWords, highOrLow, variationWords } from '../../../domain/charts/iconWords.ts';
import { t } from './chart.en.ts';

export { assuranceWords, variationWords };

export const ICON_COLOURS = {
  common: '#4c6272',
  improvement: '#005eb8',
  concern: '#b45309',
} as const;

type Size = { size?: number };

/** Set on the element, not in CSS, so an exported chart keeps it. */
const LETTER = {
  'text-anchor': 'middle',
  'font-size': 15,
  'font-weight': 700,
  'font-family': 'Arial, sans-serif',
} as const;

function Frame({
  label,
  colour,
  size = 40,
  children,
}: {
  label: string;
  colour: string;
  size?: number | undefined;
  children: preact.ComponentChildren;
}) {
  return (
    <svg
      class="mdc-icon"
      width={size}
      height={size}
      viewBox="0 0 40 40"
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      <circle cx="20" cy="20" r="18" fill="#fff" stroke={colour} stroke-width="3" />
      {children}
    </svg>
  );
}

export function VariationIcon({
  variation,
  direction,
  size,
}: { variation: Variation; direction: Direction } & Size) {
  const label = t('variation', { words: variationWords(variation, direction) });
  if (variation === 'common-cause') {
    const c = ICON_COLOURS.common;
    return (
      <Frame label={label} colour={c} size={size}>
        <polyline
          points="8,22 13,17 18,23 23,17 28,22 32,19"
          fill="none"
          stroke={c}
          stroke-width="2"
        />
        {[8, 13, 18, 23, 28, 32].map((x, k) => (
          <circle key={x} cx={x} cy={[22, 17, 23, 17, 22, 19][k]} r="1.8" fill={c} />
        ))}
      </Frame>
    );
  }
  const colour =
    variation === 'special-cause-improvement' ? ICON_COLOURS.improvement : ICON_COLOURS.concern;
  const letter = highOrLow(variation, direction);
  // the last points climb (H) or fall (L) away from the rest
  const ys = letter === 'H' ? [28, 27, 28, 22, 18, 14] : [12, 13, 12, 18, 22, 26];
  return (
    <Frame label={label} colour={colour} size={size}>
      <text x="20" y={letter === 'H' ? 17 : 31} fill={colour} {...LETTER}>
        {letter}
      </text>
      {[8, 12, 16, 22, 27, 32].map((x, k) => (
        <circle key={x} cx={x} cy={ys[k]} r="2" fill={k >= 3 ? colour : ICON_COLOURS.common} />
      ))}
    </Frame>
  );
}

export function AssuranceIcon({ assurance, size }: { assurance: Assurance | null } & Size) {
  const label = t('assurance', { words: assuranceWords(assurance) });
  if (assurance === null) {
    return (
      <Frame label={label} colour="#aeb7bd" size={size}>
        <text x="20" y="26" fill="#4c6272" {...LETTER}>
          –
        </text>
      </Frame>
    );
  }
  if (assurance === 'hit-or-miss') {
    const c = ICON_COLOURS.common;
    return (
      <Frame label={label} colour={c} size={size}>
        <line x1="7" x2="33" y1="12" y2="12" stroke={c} stroke-width="1.5" stroke-dasharray="3 2" />
        <line x1="7" x2="33" y1="28" y2="28" stroke={c} stroke-width="1.5" stroke-dasharray="3 2" />
        <line x1="5" x2="35" y1="20" y2="20" stroke="#d5281b" stroke-width="2" />
        <polyline
          points="8,24 13,15 18,25 23,15 28,24 32,17"
          fill="none"
          stroke={c}
          stroke-width="2"
        />
      </Frame>
    );
  }
  const pass = assurance === 'will-hit';
  const colour = pass ? ICON_COLOURS.improvement : ICON_COLOURS.concern;
  return (
    <Frame label={label} colour={colour} size={size}>
      <text x="20" y="27" fill={colour} {...LETTER}>
        {pass ? 'P' : 'F'}
      </text>
    </Frame>
  );
}
