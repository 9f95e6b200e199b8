/**
 * Starting a huddle (facilitators): a title, dots per person, a timer, whether
 * votes stay hidden until it closes, and the shortlist — picked from new and
 * shortlisted ideas and put in order, with the ideas captured since the last
 * huddle ticked to start with.
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { shortlistStart } from '../../../db/huddleQueries.ts';
import { startHuddle } from '../../actions/index.ts';
import { HUDDLE_LIMITS } from '../../../domain/huddle.ts';
import { ErrorSummary, type Problem } from '../../components/ErrorSummary.tsx';
import { useData } from '../../reads/useData.ts';
import { t } from './huddle.en.ts';

const NONE: readonly Problem[] = [];

export function StartHuddleForm() {
  const start = useData(shortlistStart, []);
  const ideas = start?.ideas;
  const { route } = useLocation();
  const [title, setTitle] = useState(() => t('defaultTitle'));
  const [dots, setDots] = useState(String(HUDDLE_LIMITS.defaultDots));
  const [minutes, setMinutes] = useState(String(HUDDLE_LIMITS.defaultMinutes));
  const [hidden, setHidden] = useState(true);
  // Until the facilitator changes the shortlist, it is the ideas since the last
  // huddle, ticked in the same render that lists them (no unticked first frame).
  const [chosen, setPicked] = useState<readonly string[] | null>(null);
  const picked = chosen ?? start?.since ?? [];
  const [problems, setProblems] = useState(NONE);
  const titleOf = (id: string) => ideas?.find((i) => i.id === id)?.title ?? id;

  const since = start?.since;
  const toggle = (id: string) =>
    setPicked((c) => {
      const p = c ?? since ?? [];
      return p.includes(id) ? p.filter((x) => x !== id) : [...p, id];
    });
  const move = (i: number, by: -1 | 1) =>
    setPicked((c) => {
      const next = [...(c ?? since ?? [])];
      const [item] = next.splice(i, 1);
      if (item !== undefined) next.splice(i + by, 0, item);
      return next;
    });

  async function onSubmit(e: Event) {
    e.preventDefault();
    const n = Number(dots);
    const m = Number(minutes);
    const found: Problem[] = [];
    if (title.trim() === '') found.push({ message: t('needTitle'), field: 'huddle-title' });
    if (!Number.isInteger(n) || n < HUDDLE_LIMITS.minDots || n > HUDDLE_LIMITS.maxDots)
      found.push({
        message: t('dotsRange'),
        field: 'huddle-dots',
      });
    if (!Number.isInteger(m) || m < 0 || m > HUDDLE_LIMITS.maxMinutes)
      found.push({ message: t('timerRange'), field: 'huddle-minutes' });
    if (picked.length === 0) found.push({ message: t('needIdea'), field: 'shortlist' });
    if (found.length > 0) return setProblems(found);
    const r = await startHuddle({ title, dotsPerMember: n, minutes: m, hidden, shortlist: picked });
    if (r.kind !== 'saved') return setProblems([{ message: r.message }]);
    route(`/huddles/${r.id}`);
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} aria-labelledby="start-heading" noValidate>
      <h2 id="start-heading">{t('startHeading')}</h2>
      <ErrorSummary problems={problems} id="start-errors" />
      <div class="form-group">
        <label class="label" for="huddle-title">
          {t('title')}
        </label>
        <input
          id="huddle-title"
          class="input"
          value={title}
          maxLength={HUDDLE_LIMITS.title}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </div>
      <div class="form-group">
        <label class="label" for="huddle-dots">
          {t('dotsPer')}
        </label>
        <input
          id="huddle-dots"
          class="input input--short"
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          value={dots}
          onInput={(e) => setDots(e.currentTarget.value)}
        />
      </div>
      <div class="form-group">
        <label class="label" for="huddle-minutes">
          {t('minutes')}
        </label>
        <input
          id="huddle-minutes"
          class="input input--short"
          type="number"
          inputMode="numeric"
          min={0}
          max={60}
          value={minutes}
          onInput={(e) => setMinutes(e.currentTarget.value)}
        />
      </div>
      <div class="checkbox">
        <input
          id="huddle-hidden"
          type="checkbox"
          checked={hidden}
          onChange={() => setHidden(!hidden)}
        />
        <label for="huddle-hidden">{t('hideVotes')}</label>
      </div>
      <fieldset class="fieldset" id="shortlist" tabIndex={-1}>
        <legend class="legend">{t('shortlist')}</legend>
        {start && start.since.length > 0 && (
          <p class="hint" data-testid="since-hint">
            {start.last === null ? t('everyNew') : t('sinceLast', { n: start.since.length })}
          </p>
        )}
        {ideas?.length === 0 && <p class="hint">{t('noIdeas')}</p>}
        {ideas?.map((i) => (
          <div class="checkbox" key={i.id}>
            <input
              id={`pick-${i.id}`}
              type="checkbox"
              checked={picked.includes(i.id)}
              onChange={() => toggle(i.id)}
            />
            <label for={`pick-${i.id}`}>{i.title}</label>
          </div>
        ))}
      </fieldset>
      {picked.length > 1 && (
        <section aria-labelledby="order-heading">
          <h3 id="order-heading">{t('orderHeading')}</h3>
          <ol class="order-list">
            {picked.map((id, i) => (
              <li key={id}>
                {titleOf(id)}{' '}
                <button
                  type="button"
                  class="link-button"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={t('moveUp', { title: titleOf(id) })}
                >
                  {t('up')}
                </button>{' '}
                <button
                  type="button"
                  class="link-button"
                  disabled={i === picked.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={t('moveDown', { title: titleOf(id) })}
                >
                  {t('down')}
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}
      <button type="submit" class="button">
        {t('start')}
      </button>
    </form>
  );
}
