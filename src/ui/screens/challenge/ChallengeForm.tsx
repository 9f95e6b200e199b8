/** Setting up or changing the 100-day challenge (facilitators and sponsors). */
import { useState } from 'preact/hooks';
import { saveChallenge } from '../../../db/challengeWrites.ts';
import type { ChallengeRow, MeasureRow } from '../../../db/improvementRows.ts';
import { appDb } from '../../../db/index.ts';
import { idsOf } from '../../../domain/challenge.ts';
import { IMPROVEMENT_LIMITS as L } from '../../../domain/improvement.ts';
import { isIsoDate } from '../../../domain/improvementSchema.ts';
import { ErrorSummary, type Problem } from '../../components/ErrorSummary.tsx';
import { IdentifierWarning } from '../../components/IdentifierWarning.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useIdentifierGuard } from '../../hooks/useIdentifierGuard.ts';
import { requestSync } from '../../syncClient.ts';
import { today } from '../measure/number.ts';

const NONE: readonly Problem[] = [];
type Props = {
  challenge: ChallengeRow | null;
  measures: readonly MeasureRow[];
  onDone: () => void;
};

export function ChallengeForm({ challenge, measures, onDone }: Props) {
  const [goal, setGoal] = useState(challenge?.goal ?? '');
  const [sponsor, setSponsor] = useState(challenge?.sponsorName ?? '');
  const [start, setStart] = useState(challenge?.startDate ?? today());
  const [outcome, setOutcome] = useState(challenge?.outcomeMeasureId ?? '');
  const [linked, setLinked] = useState<string[]>(idsOf(challenge?.measureIds));
  const [problems, setProblems] = useState(NONE);
  const guard = useIdentifierGuard((f: { goal: string; sponsor: string }) => void save(f));

  async function save(f: { goal: string; sponsor: string }) {
    const r = await saveChallenge(
      appDb(),
      challenge?.id ?? null,
      {
        goal: f.goal,
        startDate: start,
        sponsorId: challenge?.sponsorId ?? null,
        sponsorName: f.sponsor.trim() || null,
        outcomeMeasureId: outcome || null,
        measureIds: [...new Set([...(outcome ? [outcome] : []), ...linked])],
        ideaIds: idsOf(challenge?.ideaIds),
      },
      Date.now(),
    );
    if (r.kind !== 'saved') return setProblems([{ message: r.message }]);
    requestSync();
    onDone();
  }
  function onSubmit(e: Event) {
    e.preventDefault();
    const found: Problem[] = [];
    if (!goal.trim()) found.push({ message: 'Write the goal', field: 'challenge-goal' });
    if (!isIsoDate(start))
      found.push({ message: 'Enter the start date, like 2026-11-26', field: 'challenge-start' });
    setProblems(found);
    if (found.length === 0) guard.check({ goal, sponsor });
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="challenge-form-heading" class="card">
      <h2 id="challenge-form-heading">
        {challenge ? 'Change the challenge' : 'Set up the 100-day challenge'}
      </h2>
      <ErrorSummary problems={problems} id="challenge-errors" />
      <TextField
        spec={{
          key: 'goal',
          label: 'Goal',
          hint: 'For example: reduce delayed discharges by 35% in 100 days',
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
          Day 1
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
          label: 'Sponsor',
          hint: 'The senior person backing the team',
          max: L.name,
        }}
        id="challenge-sponsor"
        value={sponsor}
        onInput={setSponsor}
      />
      <div class="form-group">
        <label class="label" for="challenge-outcome">
          Outcome measure
        </label>
        <select
          id="challenge-outcome"
          class="select"
          value={outcome}
          onChange={(e) => setOutcome((e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">None yet</option>
          {measures.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      {measures.length > 0 && (
        <fieldset class="fieldset form-group">
          <legend class="legend">Other measures to follow</legend>
          {measures.map((m) => (
            <div class="checkbox" key={m.id}>
              <input
                type="checkbox"
                id={`challenge-measure-${m.id}`}
                checked={linked.includes(m.id)}
                onChange={(e) =>
                  setLinked(
                    (e.currentTarget as HTMLInputElement).checked
                      ? [...linked, m.id]
                      : linked.filter((x) => x !== m.id),
                  )
                }
              />
              <label for={`challenge-measure-${m.id}`}>{m.name}</label>
            </div>
          ))}
        </fieldset>
      )}
      {guard.warning && (
        <IdentifierWarning
          matches={guard.warning}
          what="Challenges"
          onRemove={() => guard.remove({ goal, sponsor })}
          onKeep={() => guard.keep({ goal, sponsor })}
        />
      )}
      <button type="submit" class="button">
        Save the challenge
      </button>
    </form>
  );
}
