/**
 * "+1 delayed discharge today": each press is its own record, so presses on
 * several phones offline all count (docs/decisions/0005-tally.md). Undo takes
 * back this phone's last press today.
 */
import { useState } from 'preact/hooks';
import type { TapRow } from '../../../db/improvementRows.ts';
import { tap, undoTap } from '../../actions/index.ts';
import { today } from '../../clock.ts';
import { t } from './measure.en.ts';

export function TallyCounter({
  measureId,
  name,
  taps,
}: {
  measureId: string;
  name: string;
  taps: readonly TapRow[];
}) {
  const [mine, setMine] = useState<string[]>([]);
  const day = today();
  const count = taps.filter((t) => t.date === day).length;
  const plus = async () => {
    const r = await tap(measureId, day);
    if (r.kind === 'saved') setMine([...mine, r.id]);
  };
  const undo = async () => {
    const last = mine.at(-1);
    if (!last) return;
    await undoTap(last);
    setMine(mine.slice(0, -1));
  };
  return (
    <section aria-labelledby="tally-heading" class="card">
      <h2 id="tally-heading">{t('todaysCount')}</h2>
      <div class="tally">
        <span class="tally__count" role="status" aria-live="polite">
          {count}
        </span>
        <button type="button" class="button" onClick={() => void plus()}>
          {t('plusOne', { name })}
        </button>
        {mine.length > 0 && (
          <button type="button" class="button button--secondary" onClick={() => void undo()}>
            {t('undoTap')}
          </button>
        )}
      </div>
    </section>
  );
}
