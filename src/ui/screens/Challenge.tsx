/**
 * The 100-day challenge home: Day N of 100, the goal, the outcome measure's
 * chart against it, the ideas in test, the changes adopted, and what the team
 * asked of its sponsor. Facilitators and sponsors set it up and change it.
 */
import { useState } from 'preact/hooks';
import { challengeData } from '../../db/challengeData.ts';

import { CHALLENGE_DAYS, MID_POINT_DAY, challengeDay, dateOfDay } from '../../domain/challenge.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useData } from '../reads/useData.ts';
import { AskList } from './asks/AskList.tsx';
import { ChallengeForm } from './challenge/ChallengeForm.tsx';
import { ChartView } from './measure/ChartView.tsx';
import { chartOf } from './measure/chartOf.ts';
import { today } from '../clock.ts';
import { dayDate } from '../format.ts';
import '../styles/improvement.css';

export function Challenge() {
  const data = useData(challengeData, []);
  const [editing, setEditing] = useState(false);
  if (!data) return <p class="secondary-text">Loading…</p>;
  const { challenge: c, who, measures, outcome, tests, asks } = data;
  const leads = who?.role === 'facilitator' || who?.role === 'sponsor';
  if (!c || editing) {
    return (
      <>
        <PageHeading>100-day challenge</PageHeading>
        {leads ? (
          <ChallengeForm
            challenge={c}
            measures={measures}
            ideas={data.ideas}
            onDone={() => setEditing(false)}
          />
        ) : (
          <p>
            Your team has not set up its 100-day challenge yet. A facilitator or the sponsor does
            that here.
          </p>
        )}
      </>
    );
  }
  const start = c.startDate ?? today();
  const day = challengeDay(start, today());
  const inTest = tests.filter(
    (t) =>
      t.idea.status === 'testing' ||
      (t.cycles.length > 0 && t.idea.status !== 'adopted' && t.idea.status !== 'abandoned'),
  );
  const adopted = tests.filter((t) => t.idea.status === 'adopted');
  // Ideas the facilitator added to the challenge that are not being tested yet.
  const next = tests.filter(
    (t) => !inTest.includes(t) && !adopted.includes(t) && t.idea.status !== 'abandoned',
  );
  return (
    <>
      <PageHeading title="100-day challenge">
        {day < 1
          ? `Starts on ${dayDate(start)}`
          : day > CHALLENGE_DAYS
            ? 'Challenge complete'
            : `Day ${day} of ${CHALLENGE_DAYS}`}
      </PageHeading>
      <p class="lede">{c.goal}</p>
      <dl class="summary-list">
        <dt>Sponsor</dt>
        <dd>{c.sponsorName ?? 'Not named yet'}</dd>
        <dt>Mid-point review (day {MID_POINT_DAY})</dt>
        <dd>{dayDate(dateOfDay(start, MID_POINT_DAY))}</dd>
        <dt>Landing review (day {CHALLENGE_DAYS})</dt>
        <dd>{dayDate(dateOfDay(start, CHALLENGE_DAYS))}</dd>
      </dl>
      <p>
        <a href="/challenge/review">Review pack (printable)</a>
        {leads && (
          <>
            {' · '}
            <button type="button" class="link-button" onClick={() => setEditing(true)}>
              Change the challenge
            </button>
          </>
        )}
      </p>
      <h2>Outcome measure</h2>
      {outcome ? (
        <>
          <p>
            <a href={`/measures/${outcome.measure.id}`}>{outcome.measure.name}</a>
          </p>
          <ChartView
            chart={chartOf(outcome)}
            name={outcome.measure.name ?? ''}
            unit={outcome.measure.unit ?? ''}
            cycles={[]}
          />
        </>
      ) : (
        <p>No outcome measure chosen yet.</p>
      )}
      <h2>Ideas in test ({inTest.length})</h2>
      <IdeaLinks items={inTest} />
      <h2>Changes adopted ({adopted.length})</h2>
      <IdeaLinks items={adopted} />
      {next.length > 0 && (
        <>
          <h2>Ideas to test next ({next.length})</h2>
          <IdeaLinks items={next} />
        </>
      )}
      <h2>Asked of the sponsor</h2>
      {asks.length === 0 ? <p>Nothing asked yet.</p> : <AskList asks={asks} />}
      <p>
        <a href="/challenge/asks">All asks and answers</a>
      </p>
    </>
  );
}

function IdeaLinks({
  items,
}: {
  items: readonly { idea: { id: string; title?: string }; cycles: readonly unknown[] }[];
}) {
  if (items.length === 0) return <p>None yet.</p>;
  return (
    <ul>
      {items.map((t) => (
        <li key={t.idea.id}>
          <a href={`/ideas/${t.idea.id}/test`}>{t.idea.title}</a> ({t.cycles.length}{' '}
          {t.cycles.length === 1 ? 'cycle' : 'cycles'})
        </li>
      ))}
    </ul>
  );
}
