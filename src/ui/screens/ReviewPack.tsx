/**
 * The review pack for the day-50 and day-100 reviews: one printable page
 * (print CSS in improvement.css) with the goal, the summary table of every
 * measure, the charts, and every test of change with its prediction, results and decision.
 */
import { boardData } from '../../db/boardData.ts';
import { challengeData } from '../../db/challengeData.ts';

import { CHALLENGE_DAYS, MID_POINT_DAY, challengeDay } from '../../domain/challenge.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useData } from '../reads/useData.ts';
import { BoardTable } from './measure/BoardTable.tsx';
import { ChartView } from './measure/ChartView.tsx';
import { chartOf } from './measure/chartOf.ts';
import { today } from '../clock.ts';
import { ACT_OPTIONS } from './pdsa/cycleParts.ts';
import '../styles/improvement.css';

export function ReviewPack() {
  const data = useData(challengeData, []);
  const board = useData(boardData, []);
  if (!data) return <p class="secondary-text">Loading…</p>;
  const { challenge: c, outcome, linked, tests } = data;
  if (!c) {
    return (
      <>
        <PageHeading>Review pack</PageHeading>
        <p>
          There is no 100-day challenge yet. <a href="/challenge">Set one up</a>
        </p>
      </>
    );
  }
  const day = challengeDay(c.startDate ?? today(), today());
  const review =
    day >= CHALLENGE_DAYS
      ? 'Landing review (day 100)'
      : day >= MID_POINT_DAY
        ? 'Mid-point review (day 50)'
        : 'Progress review';
  const charts = [...(outcome ? [outcome] : []), ...linked];
  return (
    <div class="review-pack">
      <p class="no-print">
        <a href="/challenge">Back to the challenge</a>{' '}
        <button type="button" class="button button--secondary" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <PageHeading title="Review pack">{review}</PageHeading>
      <p class="lede">{c.goal}</p>
      <p>
        Day {Math.max(0, Math.min(day, CHALLENGE_DAYS))} of {CHALLENGE_DAYS}, started {c.startDate}.
        Sponsor: {c.sponsorName ?? 'not named'}.
      </p>
      <h2>Summary table</h2>
      {board ? (
        <BoardTable entries={board} id="pack-board" />
      ) : (
        <p class="secondary-text">Loading…</p>
      )}
      {charts.map((m, i) => (
        <section key={m.measure.id} aria-labelledby={`pack-m${i}`}>
          <h2 id={`pack-m${i}`}>
            {m.measure.name}
            {i === 0 && outcome ? ' (outcome)' : ''}
          </h2>
          <ChartView
            id={`pack-chart-${i}`}
            chart={chartOf(m)}
            name={m.measure.name ?? ''}
            unit={m.measure.unit ?? ''}
            cycles={[]}
          />
        </section>
      ))}
      <h2>Tests of change</h2>
      <table class="table">
        <caption>Each cycle: what we predicted, what happened, what we decided</caption>
        <thead>
          <tr>
            <th scope="col">Idea</th>
            <th scope="col">Cycle</th>
            <th scope="col">Prediction</th>
            <th scope="col">Results</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {tests.flatMap((t) =>
            t.cycles.map((cy) => (
              <tr key={cy.id}>
                <td>{t.idea.title}</td>
                <td>{cy.cycle}</td>
                <td>{cy.prediction}</td>
                <td>{cy.results}</td>
                <td>{ACT_OPTIONS.find((o) => o.value === cy.act)?.label ?? 'Not yet'}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
