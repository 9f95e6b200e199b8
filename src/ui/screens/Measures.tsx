/** The team's measures, and a short form to add one (optionally for an idea). */
import { useLocation } from 'preact-iso';
import { listMeasures } from '../../db/improvementQueries.ts';

import { PageHeading } from '../components/PageHeading.tsx';
import { useData } from '../reads/useData.ts';
import { NewMeasureForm } from './measure/NewMeasureForm.tsx';
import { t } from './improvement.en.ts';
import '../styles/improvement.css';

export function Measures() {
  const { query } = useLocation();
  const ideaId = query['idea'] ?? null;
  const measures = useData(listMeasures, []);
  const shown = measures?.filter((m) => !ideaId || m.ideaId === ideaId);
  return (
    <>
      <PageHeading>{t('measures')}</PageHeading>
      <p>
        <a href="/measures/summary">{t('summaryLink')}</a> ·{' '}
        <a href="/challenge">{t('challengeLink')}</a>
      </p>
      {ideaId && (
        <p>
          {t('forOneIdea')} <a href="/measures">{t('seeAll')}</a>
        </p>
      )}
      {shown === undefined ? (
        <p class="secondary-text">{t('loading')}</p>
      ) : shown.length === 0 ? (
        <p>{t('noMeasures')}</p>
      ) : (
        <ul class="card-list">
          {shown.map((m) => (
            <li class="card" key={m.id}>
              <h2 class="card__heading">
                <a href={`/measures/${m.id}`}>{m.name}</a>
              </h2>
              <p class="meta">
                {t(m.unit ? 'metaUnit' : 'meta', {
                  kind: t('kind', { type: m.type ?? '' }),
                  unit: m.unit ?? '',
                  direction: m.direction ?? 'higher',
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <NewMeasureForm ideaId={ideaId} />
      <p>
        <a href="/challenge/export">{t('downloadCsv')}</a>
      </p>
    </>
  );
}
