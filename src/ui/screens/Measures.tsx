/** The team's measures, and a short form to add one (optionally for an idea). */
import { useLocation } from 'preact-iso';
import { listMeasures } from '../../db/improvementQueries.ts';

import { PageHeading } from '../components/PageHeading.tsx';
import { useData } from '../reads/useData.ts';
import { NewMeasureForm } from './measure/NewMeasureForm.tsx';
import '../styles/improvement.css';

const TYPE_LABELS = { outcome: 'Outcome', process: 'Process', balancing: 'Balancing' } as const;

export function Measures() {
  const { query } = useLocation();
  const ideaId = query['idea'] ?? null;
  const measures = useData(listMeasures, []);
  const shown = measures?.filter((m) => !ideaId || m.ideaId === ideaId);
  return (
    <>
      <PageHeading>Measures</PageHeading>
      <p>
        <a href="/measures/summary">Summary table of all measures</a> ·{' '}
        <a href="/challenge">The 100-day challenge</a>
      </p>
      {ideaId && (
        <p>
          Measures for one idea. <a href="/measures">See all measures</a>
        </p>
      )}
      {shown === undefined ? (
        <p class="secondary-text">Loading…</p>
      ) : shown.length === 0 ? (
        <p>No measures yet.</p>
      ) : (
        <ul class="card-list">
          {shown.map((m) => (
            <li class="card" key={m.id}>
              <h2 class="card__heading">
                <a href={`/measures/${m.id}`}>{m.name}</a>
              </h2>
              <p class="meta">
                {m.type ? TYPE_LABELS[m.type] : ''} measure
                {m.unit ? `, in ${m.unit}` : ''} — {m.direction === 'lower' ? 'lower' : 'higher'} is
                better
              </p>
            </li>
          ))}
        </ul>
      )}
      <NewMeasureForm ideaId={ideaId} />
      <p>
        <a href="/challenge/export">Download ideas, votes, tests and measures as CSV</a>
      </p>
    </>
  );
}
