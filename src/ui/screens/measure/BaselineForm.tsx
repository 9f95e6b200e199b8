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
    setSaved(
      points === null
        ? 'Saved on this phone: the limits are calculated from every point again.'
        : `Saved on this phone: the limits are fixed on the first ${points} points.`,
    );
  }

  const status =
    current === null
      ? 'The limits are calculated from every point, so each new point moves them.'
      : `The limits are fixed on the first ${current} points and extended forward.`;
  const short =
    count < MDC_XMR_RULES.minimumPoints
      ? ` Limits show on the XmR chart from ${MDC_XMR_RULES.minimumPoints} points; this measure has ${count}.`
      : current !== null && count < current
        ? ` This measure has ${count} points so far: the limits will move until it has ${current}.`
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
      <h2 id="baseline-heading">Baseline</h2>
      <ErrorSummary problems={problems} id="baseline-errors" />
      <p id="baseline-status">
        {status}
        {short}
      </p>
      <div class="form-group">
        <label class="label" for="baseline-points">
          Fix the limits on the first
        </label>
        <div class="hint" id="baseline-hint">
          Making Data Count advises a baseline of at least 12 points, 15 to 20 where you have them.
          After a change, rebase at the point it started (in the data table below).
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
              {c} points
            </option>
          ))}
        </select>
      </div>
      <div class="button-group">
        <button type="submit" class="button button--secondary">
          {current === null ? 'Fix the limits' : 'Change the baseline'}
        </button>
        {current !== null && (
          <button type="button" class="link-button" onClick={() => void save(null)}>
            Stop fixing the limits
          </button>
        )}
      </div>
      <p class="success-text" role="status">
        {saved}
      </p>
    </form>
  );
}
