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

import { t } from './challenge/challenge.en.ts';

export function Challenge() {
  const data = useData(challengeData, []);
  const [editing, setEditing] = useState(false);
  if (!data) return <p class="secondary-text">{t('loading')}</p>;
  const { challenge: c, who, measures, outcome, tests, asks } = data;
  const leads = who?.role === 'facilitator' || who?.role === 'sponsor';
  if (!c || editing) {
    return (
      <>
        <PageHeading>{t('heading')}</PageHeading>
        {leads ? (
          <ChallengeForm
            challenge={c}
            measures={measures}
            ideas={data.ideas}
            onDone={() => setEditing(false)}
          />
        ) : (
          <p>{t('notSetUp')}</p>
        )}
      </>
    );
  }
  const start = c.startDate ?? today();
  const day = challengeDay(start, today());
  const inTest = tests.filter(
    (x) =>
      x.idea.status === 'testing' ||
      (x.cycles.length > 0 && x.idea.status !== 'adopted' && x.idea.status !== 'abandoned'),
  );
  const adopted = tests.filter((x) => x.idea.status === 'adopted');
  // Ideas the facilitator added to the challenge that are not being tested yet.
  const next = tests.filter(
    (x) => !inTest.includes(x) && !adopted.includes(x) && x.idea.status !== 'abandoned',
  );
  return (
    <>
      <PageHeading title={t('heading')}>
        {day < 1
          ? t('startsOn', { date: dayDate(start) })
          : day > CHALLENGE_DAYS
            ? t('complete')
            : t('dayOf', { day, days: CHALLENGE_DAYS })}
      </PageHeading>
      <p class="lede">{c.goal}</p>
      <dl class="summary-list">
        <dt>{t('sponsor')}</dt>
        <dd>{c.sponsorName ?? t('notNamed')}</dd>
        <dt>{t('midPoint', { day: MID_POINT_DAY })}</dt>
        <dd>{dayDate(dateOfDay(start, MID_POINT_DAY))}</dd>
        <dt>{t('landing', { day: CHALLENGE_DAYS })}</dt>
        <dd>{dayDate(dateOfDay(start, CHALLENGE_DAYS))}</dd>
      </dl>
      <p>
        <a href="/challenge/review">{t('reviewPack')}</a>
        {leads && (
          <>
            {' · '}
            <button type="button" class="link-button" onClick={() => setEditing(true)}>
              {t('change')}
            </button>
          </>
        )}
      </p>
      <h2>{t('outcome')}</h2>
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
        <p>{t('noOutcome')}</p>
      )}
      <h2>{t('inTest', { n: inTest.length })}</h2>
      <IdeaLinks items={inTest} />
      <h2>{t('adopted', { n: adopted.length })}</h2>
      <IdeaLinks items={adopted} />
      {next.length > 0 && (
        <>
          <h2>{t('testNext', { n: next.length })}</h2>
          <IdeaLinks items={next} />
        </>
      )}
      <h2>{t('asked')}</h2>
      {asks.length === 0 ? <p>{t('nothingAsked')}</p> : <AskList asks={asks} />}
      <p>
        <a href="/challenge/asks">{t('allAsks')}</a>
      </p>
    </>
  );
}

function IdeaLinks({
  items,
}: {
  items: readonly { idea: { id: string; title?: string }; cycles: readonly unknown[] }[];
}) {
  if (items.length === 0) return <p>{t('noneYet')}</p>;
  return (
    <ul>
      {items.map((x) => (
        <li key={x.idea.id}>
          <a href={`/ideas/${x.idea.id}/test`}>{x.idea.title}</a>{' '}
          {t('cycles', { n: x.cycles.length })}
        </li>
      ))}
    </ul>
  );
}
