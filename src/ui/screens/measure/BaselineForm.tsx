/**
 * "Fix the limits" (decision 0017): the measure's mean and limits rest on its
 * first N points (12 to 20, Making Data Count's advice) and are extended
 * forward until the first rebase. Whoever added the measure, or a facilitator
 * or sponsor, may set it; the server checks, and a refusal shows in words
 * under "needs attention".
 */
import { useState } from 'preact/hooks';
import { IMPROVEMENT_LIMITS as L } from '../../../domain/improvement.ts';
import { MDC_XMR_RULES } from '../../../domain/charts/mdcSettings.ts';
import { setBaseline } from '../../actions/index.ts';
import { ErrorSummary, type Problem } from '../../components/ErrorSummary.tsx';
import { t } from './measure.en.ts';

const CHOICES = Array.from(
  { length: L.baselineMax - L.baselineMin + 1 },
  (_, i) => L.baselineMin + i,
);
const NONE: readonly Problem[] = [];

export function BaselineForm({
  measureId,
  current,
  count,
}: {
  measureId: string;
  /** The measure's baseline (points), or null when its limits are not fixed. */
  current: number | null;
  /** Points the chart counts (not ghosted). */
  count: number;
}) {
  const [n, setN] = useState(current ?? 15);
  const [problems, setProblems] = useState(NONE);
  const [saved, setSaved] = useState('');

  async function save(points: number | null) {
    const r = await setBaseline(measureId, points);
    if (r.kind !== 'saved') return setProblems([{ message: r.message }]);
    setProblems(NONE);
    setSaved(points === null ? t('savedEvery') : t('savedFixed', { n: points }));
  }

  const status = current === null ? t('statusEvery') : t('statusFixed', { n: current });
  const short =
    count < MDC_XMR_RULES.minimumPoints
      ? ` ${t('shortXmr', { min: MDC_XMR_RULES.minimumPoints, count })}`
      : current !== null && count < current
        ? ` ${t('shortMove', { count, n: current })}`
        : '';
  return (
    <form
      class="card"
      aria-labelledby="baseline-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void save(n);
      }}
    >
      <h2 id="baseline-heading">{t('baseline')}</h2>
      <ErrorSummary problems={problems} id="baseline-errors" />
      <p id="baseline-status">
        {status}
        {short}
      </p>
      <div class="form-group">
        <label class="label" for="baseline-points">
          {t('fixOnFirst')}
        </label>
        <div class="hint" id="baseline-hint">
          {t('baselineHint')}
        </div>
        <select
          id="baseline-points"
          class="select"
          aria-describedby="baseline-hint"
          value={String(n)}
          onChange={(e) => setN(Number((e.currentTarget as HTMLSelectElement).value))}
        >
          {CHOICES.map((c) => (
            <option key={c} value={String(c)}>
              {t('nPoints', { n: c })}
            </option>
          ))}
        </select>
      </div>
      <div class="button-group">
        <button type="submit" class="button button--secondary">
          {current === null ? t('fixLimits') : t('changeBaseline')}
        </button>
        {current !== null && (
          <button type="button" class="link-button" onClick={() => void save(null)}>
            {t('stopFixing')}
          </button>
        )}
      </div>
      <p class="success-text" role="status">
        {saved}
      </p>
    </form>
  );
}
