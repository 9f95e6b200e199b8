/**
 * A tie for first (issue 17: three "Joint 1st" and no way on): once voting
 * has closed the facilitator picks which of the joint-first ideas goes ahead.
 * The pick is recorded as the huddle's outcome, as "Choose what to test" does,
 * so it moves to Testing and every phone and the board show it as chosen.
 */
import { useState } from 'preact/hooks';
import { chooseToTest } from '../../actions/index.ts';
import { tally } from '../../../domain/huddleTally.ts';
import type { HuddleView } from './useHuddle.ts';
import { t } from './huddle.en.ts';

/** The joint-first ideas when first place is tied and none of them is chosen yet; else none. */
export function unbrokenTie(view: HuddleView): string[] {
  const first = tally(view.shortlist, view.votes, view.huddle.id).filter(
    (r) => r.rank === 1 && r.tied && r.dots > 0,
  );
  return first.some((r) => view.outcome.includes(r.ideaId)) ? [] : first.map((r) => r.ideaId);
}

export function TieBreak({ view }: { view: HuddleView }) {
  const tied = unbrokenTie(view);
  const [picked, setPicked] = useState('');
  const [problem, setProblem] = useState('');
  if (tied.length === 0) return null;
  const title = (id: string) => view.titles.get(id) ?? t('anIdea');

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (!picked) return setProblem(t('chooseAhead'));
    const r = await chooseToTest(view.huddle.id, [picked, ...view.outcome]);
    if (r.kind !== 'saved') setProblem(r.message);
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} class="callout" aria-labelledby="tie-heading">
      <h2 class="callout__heading" id="tie-heading">
        {t('tieHeading')}
      </h2>
      {problem && (
        <p class="error-message" role="alert">
          {problem}
        </p>
      )}
      <fieldset class="fieldset">
        <legend class="legend">{t('whichAhead')}</legend>
        {tied.map((id) => (
          <div class="checkbox radio" key={id}>
            <input
              type="radio"
              id={`tie-${id}`}
              name="tie"
              checked={picked === id}
              onChange={() => setPicked(id)}
            />
            <label for={`tie-${id}`}>{title(id)}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit" class="button">
        {t('chooseThis')}
      </button>
    </form>
  );
}
