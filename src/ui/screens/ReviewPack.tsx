/**
 * The review pack for the day-50 and day-100 reviews: one printable page
 * (print CSS in improvement.css) titled with the ward's name and the review it
 * prepares (by the challenge's day), with the goal, the summary table of every
 * measure, the outcome measure's chart and every other measure's, the changes
 * the team adopted, the asks of the sponsor with their answers, and every test
 * of change with its prediction, results and decision.
 */
import { boardData, type BoardEntry } from '../../db/boardData.ts';
import { challengeData } from '../../db/challengeData.ts';
import type { AskRow } from '../../db/improvementRows.ts';
import type { IdeaWithCycles } from '../../db/challengeData.ts';
import { CHALLENGE_DAYS, challengeDay, idsOf, reviewDue } from '../../domain/challenge.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { ScrollTable } from '../components/ScrollTable.tsx';
import { useData } from '../reads/useData.ts';
import { BoardTable } from './measure/BoardTable.tsx';
import { ChartView } from './measure/ChartView.tsx';
import { today } from '../clock.ts';
import { dayDate, STATUS_LABELS } from '../format.ts';
import { AskAnswer } from './asks/AskList.tsx';
import { ACT_OPTIONS } from './pdsa/cycleParts.ts';
import '../styles/improvement.css';

/** Adopted: the idea's status says so, or a cycle decided to adopt it. */
function adoptedChanges(tests: readonly IdeaWithCycles[]) {
  return tests.flatMap((t) => {
    const cycle = t.cycles.find((c) => c.act === 'adopt');
    const status = t.idea.status;
    if (!cycle && status !== 'adopted' && status !== 'adapted') return [];
    return [{ idea: t.idea, cycle }];
  });
}

function Adopted({ tests }: { tests: readonly IdeaWithCycles[] }) {
  const adopted = adoptedChanges(tests);
  return (
    <section aria-labelledby="pack-adopted">
      <h2 id="pack-adopted">Changes adopted</h2>
      {adopted.length === 0 ? (
        <p>No change has been adopted yet.</p>
      ) : (
        <ul data-testid="pack-adopted">
          {adopted.map(({ idea, cycle }) => (
            <li key={idea.id}>
              <strong>{idea.title}</strong>
              {cycle
                ? ` — adopted after PDSA cycle ${cycle.cycle}${cycle.results ? `: ${cycle.results}` : ''}`
                : idea.status
                  ? ` — ${STATUS_LABELS[idea.status]}`
                  : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Asks({ asks, titles }: { asks: readonly AskRow[]; titles: Map<string, string> }) {
  return (
    <section aria-labelledby="pack-asks">
      <h2 id="pack-asks">Asks of the sponsor</h2>
      {asks.length === 0 ? (
        <p>The team has asked the sponsor nothing yet.</p>
      ) : (
        <ScrollTable label="Asks and answers, as a table">
          <table class="table" data-testid="pack-asks">
            <caption class="visually-hidden">What the team asked and what the sponsor said</caption>
            <thead>
              <tr>
                <th scope="col">Idea</th>
                <th scope="col">Ask</th>
                <th scope="col">Answer</th>
              </tr>
            </thead>
            <tbody>
              {asks.map((a) => (
                <tr key={a.id}>
                  <td>{titles.get(a.ideaId ?? '') ?? 'An idea'}</td>
                  <td>
                    {a.kind === 'permission' ? 'Permission' : 'Support'}: {a.text}
                    <span class="meta board-table__meta">
                      Asked by {a.askedByName ?? 'a colleague'}
                    </span>
                  </td>
                  <td>
                    <AskAnswer ask={a} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}

function Charts({
  board,
  outcomeId,
  linked,
}: {
  board: readonly BoardEntry[];
  outcomeId: string | null;
  linked: Set<string>;
}) {
  const ordered = [
    ...board.filter((e) => e.data.measure.id === outcomeId),
    ...board.filter((e) => e.data.measure.id !== outcomeId),
  ];
  return (
    <>
      {ordered.map((e, i) => {
        const m = e.data.measure;
        const role =
          m.id === outcomeId ? ' (outcome)' : linked.has(m.id) ? ' (linked to the challenge)' : '';
        return (
          <section key={m.id} aria-labelledby={`pack-m${i}`} data-testid="pack-measure">
            <h2 id={`pack-m${i}`}>
              {m.name}
              {role}
            </h2>
            <ChartView
              id={`pack-chart-${i}`}
              chart={e.chart}
              name={m.name ?? ''}
              unit={m.unit ?? ''}
              cycles={[]}
            />
          </section>
        );
      })}
    </>
  );
}

export function ReviewPack() {
  const data = useData(challengeData, []);
  const board = useData(boardData, []);
  if (!data) return <p class="secondary-text">Loading…</p>;
  const { challenge: c, tests, asks, teamName } = data;
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
  const start = c.startDate ?? today();
  const day = challengeDay(start, today());
  const review = `Day-${reviewDue(day)} review`;
  const ward = teamName ?? 'Your ward';
  const titles = new Map(data.ideas.map((i) => [i.id, i.title ?? 'An idea']));
  return (
    <div class="review-pack">
      <p class="no-print">
        <a href="/challenge">Back to the challenge</a>{' '}
        <button type="button" class="button button--secondary" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <PageHeading title={`${ward}: ${review.toLowerCase()} pack`}>
        {ward}: {review.toLowerCase()}
      </PageHeading>
      <p class="lede">{c.goal}</p>
      <dl class="summary-list">
        <dt>Day</dt>
        <dd>
          Day {Math.max(0, Math.min(day, CHALLENGE_DAYS))} of {CHALLENGE_DAYS}, started{' '}
          {dayDate(start)}
        </dd>
        <dt>Sponsor</dt>
        <dd>{c.sponsorName ?? 'Not named'}</dd>
      </dl>
      <h2>Summary table</h2>
      {board ? (
        <BoardTable entries={board} id="pack-board" />
      ) : (
        <p class="secondary-text">Loading…</p>
      )}
      {board && (
        <Charts
          board={board}
          outcomeId={c.outcomeMeasureId ?? null}
          linked={new Set(idsOf(c.measureIds))}
        />
      )}
      <Adopted tests={tests} />
      <Asks asks={asks} titles={titles} />
      <h2>Tests of change</h2>
      <ScrollTable label="Tests of change, as a table">
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
      </ScrollTable>
    </div>
  );
}
