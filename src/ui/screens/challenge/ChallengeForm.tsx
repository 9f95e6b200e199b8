/** Setting up or changing the 100-day challenge (facilitators and sponsors). */
import { useState } from 'preact/hooks';
import { saveChallenge } from '../../actions/index.ts';
import type { ChallengeRow, MeasureRow } from '../../../db/improvementRows.ts';
import type { IdeaRow } from '../../../db/schema.ts';
import { idsOf } from '../../../domain/challenge.ts';
import { IMPROVEMENT_LIMITS as L } from '../../../domain/improvement.ts';
import { isIsoDate } from '../../../domain/improvementSchema.ts';
import { ErrorSummary, type Problem } from '../../components/ErrorSummary.tsx';
import { IdentifierWarning } from '../../components/IdentifierWarning.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useIdentifierGuard } from '../../hooks/useIdentifierGuard.ts';
import { today } from '../../clock.ts';

const NONE: readonly Problem[] = [];
type Props = {
  challenge: ChallengeRow | null;
  measures: readonly MeasureRow[];
  /** The team's ideas (not deleted). */
  ideas: readonly IdeaRow[];
  onDone: () => void;
};

/** Ideas being tested or adopted are in the challenge anyway; the others can be added. */
const CHOOSABLE: readonly (string | undefined)[] = ['new', 'shortlisted'];

import { t } from './challenge.en.ts';

export function ChallengeForm({ challenge, measures, ideas, onDone }: Props) {
  const [goal, setGoal] = useState(challenge?.goal ?? '');
  const [sponsor, setSponsor] = useState(challenge?.sponsorName ?? '');
  const [start, setStart] = useState(challenge?.startDate ?? today());
  const [outcome, setOutcome] = useState(challenge?.outcomeMeasureId ?? '');
  const [linked, setLinked] = useState<string[]>(idsOf(challenge?.measureIds));
  const [chosen, setChosen] = useState<string[]>(idsOf(challenge?.ideaIds));
  const choosable = ideas
    .filter((i) => CHOOSABLE.includes(i.status) || chosen.includes(i.id))
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'shortlisted' ? -1 : 1));
  const [problems, setProblems] = useState(NONE);
  const guard = useIdentifierGuard((f: { goal: string; sponsor: string }) => void save(f));

  async function save(f: { goal: string; sponsor: string }) {
    const r = await saveChallenge(challenge?.id ?? null, {
      goal: f.goal,
      startDate: start,
      sponsorId: challenge?.sponsorId ?? null,
      sponsorName: f.sponsor.trim() || null,
      outcomeMeasureId: outcome || null,
      measureIds: [...new Set([...(outcome ? [outcome] : []), ...linked])],
      ideaIds: chosen,
    });
    if (r.kind !== 'saved') return setProblems([{ message: r.message }]);
    onDone();
  }
  function onSubmit(e: Event) {
    e.preventDefault();
    const found: Problem[] = [];
    if (!goal.trim()) found.push({ message: t('writeGoal'), field: 'challenge-goal' });
    if (!isIsoDate(start))
      found.push({
        message: t('enterStart', { example: '2026-11-26' }),
        field: 'challenge-start',
      });
    setProblems(found);
    if (found.length === 0) guard.check({ goal, sponsor });
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="challenge-form-heading" class="card">
      <h2 id="challenge-form-heading">{challenge ? t('change') : t('setUp')}</h2>
      <ErrorSummary problems={problems} id="challenge-errors" />
      <TextField
        spec={{
          key: 'goal',
          label: t('goal'),
          hint: t('goalHint'),
          long: true,
          max: L.long,
        }}
        id="challenge-goal"
        value={goal}
        onInput={(v) => {
          setGoal(v);
          guard.clear();
        }}
      />
      <div class="form-group">
        <label class="label" for="challenge-start">
          {t('dayOne')}
        </label>
        <input
          id="challenge-start"
          class="input"
          type="date"
          value={start}
          onInput={(e) => setStart((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <TextField
        spec={{
          key: 'sponsor',
          label: t('sponsor'),
          hint: t('sponsorHint'),
          max: L.name,
        }}
        id="challenge-sponsor"
        value={sponsor}
        onInput={setSponsor}
      />
      <div class="form-group">
        <label class="label" for="challenge-outcome">
          {t('outcome')}
        </label>
        <select
          id="challenge-outcome"
          class="select"
          value={outcome}
          onChange={(e) => setOutcome((e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">{t('none')}</option>
          {measures.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      {measures.length > 0 && (
        <fieldset class="fieldset form-group">
          <legend class="legend">{t('otherMeasures')}</legend>
          <Checkboxes
            prefix="challenge-measure"
            items={measures.map((m) => ({ id: m.id, label: m.name ?? '' }))}
            chosen={linked}
            onChange={setLinked}
          />
        </fieldset>
      )}
      {choosable.length > 0 && (
        <details class="form-group" open={chosen.length > 0}>
          <summary>{t('ideasIn', { n: chosen.length })}</summary>
          <fieldset class="fieldset">
            <legend class="legend">{t('ideasInLegend')}</legend>
            <Checkboxes
              prefix="challenge-idea"
              items={choosable.map((i) => ({ id: i.id, label: i.title ?? '' }))}
              chosen={chosen}
              onChange={setChosen}
            />
          </fieldset>
        </details>
      )}
      {guard.warning && (
        <IdentifierWarning
          matches={guard.warning}
          what={t('challengesWhat')}
          onRemove={() => guard.remove({ goal, sponsor })}
          onKeep={() => guard.keep({ goal, sponsor })}
        />
      )}
      <button type="submit" class="button">
        {t('save')}
      </button>
    </form>
  );
}

/** A list of checkboxes choosing some of `items` (by id). */
function Checkboxes(props: {
  prefix: string;
  items: readonly { id: string; label: string }[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
}) {
  const { prefix, items, chosen, onChange } = props;
  return (
    <>
      {items.map((item) => (
        <div class="checkbox" key={item.id}>
          <input
            type="checkbox"
            id={`${prefix}-${item.id}`}
            checked={chosen.includes(item.id)}
            onChange={(e) =>
              onChange(
                (e.currentTarget as HTMLInputElement).checked
                  ? [...chosen, item.id]
                  : chosen.filter((x) => x !== item.id),
              )
            }
          />
          <label for={`${prefix}-${item.id}`}>{item.label}</label>
        </div>
      ))}
    </>
  );
}
