/**
 * Making Data Count's two icons in words: the text alternative of the icons
 * (src/ui/components/chart/MdcIcons.tsx) and their cells in the board report
 * and its CSV, so a picture and its words never disagree.
 */
import type { Assurance, Direction, Variation } from './types.ts';
import { t } from './charts.en.ts';

/** "H" for a signal on the high side, "L" on the low: improvement is high when higher is better. */
export function highOrLow(variation: Variation, direction: Direction): 'H' | 'L' {
  const improvementHigh = direction === 'higher';
  const high = variation === 'special-cause-improvement' ? improvementHigh : !improvementHigh;
  return high ? 'H' : 'L';
}

/** E.g. "special cause improvement (high)"; "no icon" for a chart without one. */
export function variationWords(variation: Variation | null, direction: Direction): string {
  if (variation === null) return t('noIcon');
  if (variation === 'common-cause') return t('commonCauseVariation');
  const level = highOrLow(variation, direction) === 'H' ? 'high' : 'low';
  const kind = variation === 'special-cause-improvement' ? 'improvement' : 'concern';
  return t('specialCause', { kind, level });
}

export function assuranceWords(assurance: Assurance | null): string {
  if (assurance === null) return t('noTarget');
  if (assurance === 'will-hit') return t('willPass');
  if (assurance === 'will-miss') return t('willFail');
  return t('hitAndMiss');
}
