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

export function SharePage({ id }: { id: string }) {
  const data = useData(
    async (db) => ({ share: await sharedChange(db, id), session: await getSession(db) }),
    [id],
  );
  const [problem, setProblem] = useState('');
  const { route } = useLocation();
  if (!data) return <p class="secondary-text">Loading…</p>;
  const { share, session } = data;
  if (!share || share.withdrawn === true)
    return (
      <>
        <PageHeading>This change is no longer shared</PageHeading>
        <p>
          The team that shared it withdrew it, or your team left the organisation.{' '}
          <a href="/org/elsewhere">See what else worked elsewhere</a>
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
        {share.ours ? 'Shared by your team' : `From ${share.teamName ?? 'another team'}`}
        {share.category ? ` · ${share.category}` : ''}
      </p>
      {takenUpWords(share.takenUp) && (
        <p>
          <strong>{takenUpWords(share.takenUp)}</strong>
        </p>
      )}
      <h2>What was tried</h2>
      <p class="pre-line">{share.tried || 'Not written.'}</p>
      {share.measureName && share.chartSvg && (
        <>
          <h2>{share.measureName}, as it stood when shared</h2>
          {/* An image, never inline SVG: a picture from another team's phone runs nothing. */}
          <img
            class="shared-chart"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(share.chartSvg)}`}
            alt={`Chart of ${share.measureName}${share.unit ? ` (${share.unit})` : ''}. ${chartMeasure({ points, direction: share.direction ?? 'higher' }).summary}`}
          />
        </>
      )}
      {share.measureName && !share.chartSvg && points.length > 0 && (
        <>
          <h2>{share.measureName}, as it stood when shared</h2>
          <ChartView
            chart={chartMeasure({ points, direction: share.direction ?? 'higher' })}
            name={share.measureName}
            unit={share.unit ?? ''}
            cycles={[]}
            id="shared"
          />
        </>
      )}
      <h2>Whom to ask</h2>
      <p>{share.contact}</p>
      {problem && (
        <p class="error-message" role="alert">
          {problem}
        </p>
      )}
      {share.ours ? (
        lead && (
          <button type="button" class="button button--secondary" onClick={() => void onWithdraw()}>
            Withdraw from the organisation
          </button>
        )
      ) : share.takenAs ? (
        <p>
          Your team took this up: <a href={`/ideas/${share.takenAs}`}>see your idea</a>
        </p>
      ) : (
        session && (
          <button type="button" class="button" onClick={() => void onTake()}>
            Take it up in your team
          </button>
        )
      )}
    </>
  );
}
