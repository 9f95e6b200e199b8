/**
 * One shared change (/org/elsewhere/:id): what was tried, the chart as it
 * stood when shared, whom to ask, how many teams took it up. Another team
 * takes it up as an idea of its own (offline too); the sharing team's
 * facilitator or sponsor may withdraw it.
 */
import '../../styles/improvement.css';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { chartMeasure } from '../../../domain/charts/index.ts';
import { parseSharedPoints, sharedChange } from '../../../db/orgQueries.ts';
import { getSession } from '../../../db/session.ts';
import { mayLead } from '../../../domain/rules/verdict.ts';
import { takenUpWords } from '../../../domain/spread.ts';
import { take, withdraw } from '../../actions/org.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useData } from '../../reads/useData.ts';
import { ChartView } from '../measure/ChartView.tsx';
import { themeLabel } from '../../categories.en.ts';
import { t } from './org.en.ts';

export function SharePage({ id }: { id: string }) {
  const data = useData(
    async (db) => ({ share: await sharedChange(db, id), session: await getSession(db) }),
    [id],
  );
  const [problem, setProblem] = useState('');
  const { route } = useLocation();
  if (!data) return <p class="secondary-text">{t('loading')}</p>;
  const { share, session } = data;
  if (!share || share.withdrawn === true)
    return (
      <>
        <PageHeading>{t('noLongerShared')}</PageHeading>
        <p>
          {t('withdrawnWhy')} <a href="/org/elsewhere">{t('seeElsewhere')}</a>
        </p>
      </>
    );
  const points = parseSharedPoints(share.points);
  const lead = session ? mayLead(session.member.role) : false;
  async function onTake() {
    const r = await take(id);
    if (r.kind !== 'saved') return setProblem(r.message);
    route(`/ideas/${r.id}`);
  }
  async function onWithdraw() {
    const r = await withdraw(id);
    setProblem(r.kind === 'saved' ? '' : r.message);
  }
  return (
    <>
      <PageHeading>{share.title}</PageHeading>
      <p class="meta">
        {share.ours
          ? t('sharedByYou')
          : t('fromTeam', { team: share.teamName ?? t('anotherTeam') })}
        {share.category ? ` · ${themeLabel(share.category)}` : ''}
      </p>
      {takenUpWords(share.takenUp) && (
        <p>
          <strong>{takenUpWords(share.takenUp)}</strong>
        </p>
      )}
      <h2>{t('whatTried')}</h2>
      <p class="pre-line">{share.tried || t('notWritten')}</p>
      {share.measureName && share.chartSvg && (
        <>
          <h2>{t('asShared', { measure: share.measureName })}</h2>
          {/* An image, never inline SVG: a picture from another team's phone runs nothing. */}
          <img
            class="shared-chart"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(share.chartSvg)}`}
            alt={t('chartAlt', {
              measure: share.measureName,
              unit: share.unit ? ` (${share.unit})` : '',
              summary: chartMeasure({ points, direction: share.direction ?? 'higher' }).summary,
            })}
          />
        </>
      )}
      {share.measureName && !share.chartSvg && points.length > 0 && (
        <>
          <h2>{t('asShared', { measure: share.measureName })}</h2>
          <ChartView
            chart={chartMeasure({ points, direction: share.direction ?? 'higher' })}
            name={share.measureName}
            unit={share.unit ?? ''}
            cycles={[]}
            id="shared"
          />
        </>
      )}
      <h2>{t('whomToAsk')}</h2>
      <p>{share.contact}</p>
      {problem && (
        <p class="error-message" role="alert">
          {problem}
        </p>
      )}
      {share.ours ? (
        lead && (
          <button type="button" class="button button--secondary" onClick={() => void onWithdraw()}>
            {t('withdrawShare')}
          </button>
        )
      ) : share.takenAs ? (
        <p>
          {t('tookUp')} <a href={`/ideas/${share.takenAs}`}>{t('seeIdea')}</a>
        </p>
      ) : (
        session && (
          <button type="button" class="button" onClick={() => void onTake()}>
            {t('takeUp')}
          </button>
        )
      )}
    </>
  );
}
