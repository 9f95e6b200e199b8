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
import { t } from './improvement.en.ts';
import '../styles/improvement.css';

/** Adopted: the idea's status says so, or a cycle decided to adopt it. */
function adoptedChanges(tests: readonly IdeaWithCycles[]) {
  return tests.flatMap((test) => {
    const cycle = test.cycles.find((c) => c.act === 'adopt');
    const status = test.idea.status;
    if (!cycle && status !== 'adopted' && status !== 'adapted') return [];
    return [{ idea: test.idea, cycle }];
  });
}

function Adopted({ tests }: { tests: readonly IdeaWithCycles[] }) {
  const adopted = adoptedChanges(tests);
  return (
    <section aria-labelledby="pack-adopted">
      <h2 id="pack-adopted">{t('adoptedHeading')}</h2>
      {adopted.length === 0 ? (
        <p>{t('noneAdopted')}</p>
      ) : (
        <ul data-testid="pack-adopted">
          {adopted.map(({ idea, cycle }) => (
            <li key={idea.id}>
              <strong>{idea.title}</strong>
              {cycle
                ? cycle.results
                  ? t('adoptedAfterResult', { n: String(cycle.cycle), results: cycle.results })
                  : t('adoptedAfter', { n: String(cycle.cycle) })
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
      <h2 id="pack-asks">{t('asksHeading')}</h2>
      {asks.length === 0 ? (
        <p>{t('nothingAsked')}</p>
      ) : (
        <ScrollTable label={t('asksTable')}>
          <table class="table" data-testid="pack-asks">
            <caption class="visually-hidden">{t('asksCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('idea')}</th>
                <th scope="col">{t('ask')}</th>
                <th scope="col">{t('answer')}</th>
              </tr>
            </thead>
            <tbody>
              {asks.map((a) => (
                <tr key={a.id}>
                  <td>{titles.get(a.ideaId ?? '') ?? t('anIdea')}</td>
                  <td>
                    {t('askKind', { kind: a.kind ?? '', text: a.text ?? '' })}
                    <span class="meta board-table__meta">
                      {t('askedBy', { name: a.askedByName ?? t('aColleague') })}
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
        const name = m.name ?? '';
        const heading =
          m.id === outcomeId
            ? t('outcome', { name })
            : linked.has(m.id)
              ? t('linked', { name })
              : name;
        return (
          <section key={m.id} aria-labelledby={`pack-m${i}`} data-testid="pack-measure">
            <h2 id={`pack-m${i}`}>{heading}</h2>
            <ChartView
              id={`pack-chart-${i}`}
              chart={e.chart}
              name={name}
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
  if (!data) return <p class="secondary-text">{t('loading')}</p>;
  const { challenge: c, tests, asks, teamName } = data;
  if (!c) {
    return (
      <>
        <PageHeading>{t('reviewPack')}</PageHeading>
        <p>
          {t('noChallenge')} <a href="/challenge">{t('setOneUp')}</a>
        </p>
      </>
    );
  }
  const start = c.startDate ?? today();
  const day = challengeDay(start, today());
  const ward = teamName ?? t('yourWard');
  const review = { ward, day: String(reviewDue(day)) };
  const titles = new Map(data.ideas.map((i) => [i.id, i.title ?? t('anIdea')]));
  return (
    <div class="review-pack">
      <p class="no-print">
        <a href="/challenge">{t('backToChallenge')}</a>{' '}
        <button type="button" class="button button--secondary" onClick={() => window.print()}>
          {t('print')}
        </button>
      </p>
      <PageHeading title={t('reviewTitle', review)}>{t('review', review)}</PageHeading>
      <p class="lede">{c.goal}</p>
      <dl class="summary-list">
        <dt>{t('day')}</dt>
        <dd>
          {t('dayStarted', {
            day: Math.max(0, Math.min(day, CHALLENGE_DAYS)),
            days: CHALLENGE_DAYS,
            date: dayDate(start),
          })}
        </dd>
        <dt>{t('sponsor')}</dt>
        <dd>{c.sponsorName ?? t('notNamed')}</dd>
      </dl>
      <h2>{t('summaryTitle')}</h2>
      {board ? (
        <BoardTable entries={board} id="pack-board" />
      ) : (
        <p class="secondary-text">{t('loading')}</p>
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
      <h2>{t('testsHeading')}</h2>
      <ScrollTable label={t('testsTable')}>
        <table class="table">
          <caption>{t('testsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('idea')}</th>
              <th scope="col">{t('cycle')}</th>
              <th scope="col">{t('prediction')}</th>
              <th scope="col">{t('results')}</th>
              <th scope="col">{t('decision')}</th>
            </tr>
          </thead>
          <tbody>
            {tests.flatMap((test) =>
              test.cycles.map((cy) => (
                <tr key={cy.id}>
                  <td>{test.idea.title}</td>
                  <td>{cy.cycle}</td>
                  <td>{cy.prediction}</td>
                  <td>{cy.results}</td>
                  <td>{ACT_OPTIONS.find((o) => o.value === cy.act)?.label ?? t('notYet')}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </ScrollTable>
    </div>
  );
}
