/**
 * One measure: what it is, a "+1 today" counter (tally measures), a short
 * form to add a point, and its chart (run chart, or XmR from 13 points) drawn
 * from the pure chart engine, with the PDSA cycles of its idea marked, its
 * baseline (fixed limits) and the rebases in its data table.
 */
import { cycleDates, measureData, rebaseChoices } from '../../db/improvementQueries.ts';
import type { GroundUpDb } from '../../db/index.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useData } from '../reads/useData.ts';
import { AddPointForm } from './measure/AddPointForm.tsx';
import { BaselineForm } from './measure/BaselineForm.tsx';
import { ChartView } from './measure/ChartView.tsx';
import { chartOf } from './measure/chartOf.ts';
import { PointsTable } from './measure/PointsTable.tsx';
import { TallyCounter } from './measure/TallyCounter.tsx';
import '../styles/improvement.css';

async function load(db: GroundUpDb, id: string) {
  const data = await measureData(db, id);
  if (!data) return null;
  const { ideaId } = data.measure;
  return {
    ...data,
    cycles: await cycleDates(db, ideaId),
    choices: await rebaseChoices(db, ideaId),
  };
}

export function MeasurePage({ id }: { id: string }) {
  const data = useData((db) => load(db, id), [id]);
  if (data === undefined) return <p class="secondary-text">Loading…</p>;
  if (data === null) {
    return (
      <>
        <PageHeading>Measure not found</PageHeading>
        <p>
          This measure is not on this phone. It may not have synced yet.{' '}
          <a href="/measures">See all measures</a>
        </p>
      </>
    );
  }
  const { measure: m, points, taps, cycles, choices } = data;
  const name = m.name ?? 'Measure';
  const chart = chartOf(data);
  return (
    <>
      <p>
        <a href="/measures">Back to measures</a>
      </p>
      <PageHeading title={name}>{name}</PageHeading>
      <dl class="summary-list">
        <dt>How it is counted</dt>
        <dd>{m.definition || 'Not written down yet'}</dd>
        <dt>Better is</dt>
        <dd>{m.direction === 'lower' ? 'Lower' : 'Higher'}</dd>
        {typeof m.target === 'number' && (
          <>
            <dt>Target</dt>
            <dd>
              {m.target} {m.unit}
            </dd>
          </>
        )}
        {m.ideaId && (
          <>
            <dt>Idea</dt>
            <dd>
              <a href={`/ideas/${m.ideaId}/test`}>Its test of change</a>
            </dd>
          </>
        )}
      </dl>
      {m.tally === true && <TallyCounter measureId={m.id} name={name} taps={taps} />}
      <AddPointForm measureId={m.id} unit={m.unit ?? ''} />
      <h2>Chart</h2>
      <ChartView chart={chart} name={name} unit={m.unit ?? ''} cycles={cycles} downloads />
      <BaselineForm
        measureId={m.id}
        current={typeof m.baselinePoints === 'number' ? m.baselinePoints : null}
        count={chart.points.filter((p) => !('ghost' in p && p.ghost === true)).length}
      />
      <PointsTable chart={chart} rows={points} cycles={cycles} choices={choices} />
    </>
  );
}
