/**
 * One measure: what it is, a "+1 today" counter (tally measures), a short
 * form to add a point, and its chart (run chart, or XmR from 13 points) drawn
 * from the pure chart engine, with the PDSA cycles of its idea marked, its
 * baseline (fixed limits) and the rebases in its data table.
 */
import { cycleDates, measureData, rebaseChoices } from '../../db/improvementQueries.ts';
import type { GroundUpDb } from '../../db/index.ts';
import { locale } from '../../i18n/index.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useData } from '../reads/useData.ts';
import { AddPointForm } from './measure/AddPointForm.tsx';
import { BaselineForm } from './measure/BaselineForm.tsx';
import { ChartView } from './measure/ChartView.tsx';
import { chartOf } from './measure/chartOf.ts';
import { PointsTable } from './measure/PointsTable.tsx';
import { TallyCounter } from './measure/TallyCounter.tsx';
import { t } from './improvement.en.ts';
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
  if (data === undefined) return <p class="secondary-text">{t('loading')}</p>;
  if (data === null) {
    return (
      <>
        <PageHeading>{t('notFound')}</PageHeading>
        <p>
          {t('notOnPhone')} <a href="/measures">{t('seeAll')}</a>
        </p>
      </>
    );
  }
  const { measure: m, points, taps, cycles, choices } = data;
  const name = m.name ?? t('measure');
  const chart = chartOf(data);
  return (
    <>
      <p>
        <a href="/measures">{t('back')}</a>
      </p>
      <PageHeading title={name}>{name}</PageHeading>
      <dl class="summary-list">
        <dt>{t('counted')}</dt>
        <dd>{m.definition || t('notWritten')}</dd>
        <dt>{t('betterIs')}</dt>
        <dd>{t(m.direction === 'lower' ? 'lower' : 'higher')}</dd>
        {typeof m.target === 'number' && (
          <>
            <dt>{t('target')}</dt>
            <dd>
              {new Intl.NumberFormat(locale()).format(m.target)} {m.unit}
            </dd>
          </>
        )}
        {m.ideaId && (
          <>
            <dt>{t('idea')}</dt>
            <dd>
              <a href={`/ideas/${m.ideaId}/test`}>{t('itsTest')}</a>
            </dd>
          </>
        )}
      </dl>
      {m.tally === true && <TallyCounter measureId={m.id} name={name} taps={taps} />}
      <AddPointForm measureId={m.id} unit={m.unit ?? ''} />
      <h2>{t('chart')}</h2>
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
