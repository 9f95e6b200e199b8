/**
 * After voting: the facilitator ticks the ideas to test next and, in one
 * step, records them as the huddle's outcome and moves them to "Testing".
 */
import { useState } from 'preact/hooks';
import { chooseToTest } from '../../actions/index.ts';
import { tally } from '../../../domain/huddleTally.ts';
import type { HuddleView } from './useHuddle.ts';
import { t } from './huddle.en.ts';

export function ChooseToTest({ view }: { view: HuddleView }) {
  const rows = tally(view.shortlist, view.votes, view.huddle.id);
  const [chosen, setChosen] = useState<string[]>(() => [...view.outcome]);
  const [message, setMessage] = useState('');
  const toggle = (id: string) =>
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  async function onSubmit(e: Event) {
    e.preventDefault();
    const ordered = rows.map((r) => r.ideaId).filter((id) => chosen.includes(id));
    const r = await chooseToTest(view.huddle.id, ordered);
    if (r.kind !== 'saved') return setMessage(r.message);
    setMessage(ordered.length === 0 ? t('noneChosen') : t('nowTesting', { n: ordered.length }));
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} aria-labelledby="choose-heading">
      <h2 id="choose-heading">{t('chooseHeading')}</h2>
      <fieldset class="fieldset">
        <legend class="legend">{t('toTestNext')}</legend>
        {rows.map((r) => {
          const id = `choose-${r.ideaId}`;
          return (
            <div class="checkbox" key={r.ideaId}>
              <input
                id={id}
                type="checkbox"
                checked={chosen.includes(r.ideaId)}
                onChange={() => toggle(r.ideaId)}
              />
              <label for={id}>
                {t('ideaDots', { title: view.titles.get(r.ideaId) ?? t('anIdea'), n: r.dots })}
              </label>
            </div>
          );
        })}
      </fieldset>
      <button type="submit" class="button">
        {t('markTesting')}
      </button>
      <p class="success-text" role="status">
        {message}
      </p>
    </form>
  );
}
