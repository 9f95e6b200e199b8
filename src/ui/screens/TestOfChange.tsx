/**
 * An idea's test of change: its PDSA cycles, the current one open to fill in
 * (Plan, Do, Study, Act), earlier ones as a record. Works offline like
 * everything else; the server decides who may change the plan and decision.
 */
import { useState } from 'preact/hooks';
import { asksAbout } from '../../db/challengeQueries.ts';
import { cyclesOf } from '../../db/improvementQueries.ts';
import { startTest } from '../actions/index.ts';
import type { GroundUpDb } from '../../db/index.ts';
import { getIdea } from '../../db/queries.ts';
import { getSession } from '../../db/session.ts';
import { stageOf } from '../../domain/pdsa.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { STATUS_LABELS } from '../format.ts';
import { useData } from '../reads/useData.ts';
import { CycleForms } from './pdsa/CycleForms.tsx';
import { PastCycle } from './pdsa/PastCycle.tsx';
import { AskForm } from './asks/AskForm.tsx';
import { AskList } from './asks/AskList.tsx';
import { STAGE_LABELS } from './pdsa/cycleParts.ts';
import { t } from './improvement.en.ts';

async function load(db: GroundUpDb, ideaId: string) {
  const idea = (await getIdea(db, ideaId)) ?? null;
  return {
    idea,
    cycles: await cyclesOf(db, ideaId),
    asks: await asksAbout(db, ideaId),
    session: await getSession(db),
  };
}

export function TestOfChange({ id }: { id: string }) {
  const data = useData((db) => load(db, id), [id]);
  const [message, setMessage] = useState('');
  if (!data) return <p class="secondary-text">{t('loading')}</p>;
  const { idea, cycles, asks, session } = data;
  const title = idea?.title ?? t('thisIdea');
  const current = cycles.at(-1);
  const start = async () => {
    const r = await startTest(id);
    setMessage(r.kind === 'saved' ? '' : r.message);
  };
  return (
    <>
      <p>
        <a href={`/ideas/${id}`}>{t('backToIdea')}</a>
      </p>
      <PageHeading title={t('testOf', { title })}>{t('testOfChange')}</PageHeading>
      <p class="lede">{title}</p>
      {idea?.status && (
        <p class="meta">{t('ideaStatus', { status: STATUS_LABELS[idea.status] })}</p>
      )}
      {!current ? (
        <>
          <p>{t('tryFirst')}</p>
          <button type="button" class="button" onClick={() => void start()}>
            {t('start')}
          </button>
          {message && <p class="error-message">{message}</p>}
        </>
      ) : (
        <>
          <h2 class="label--l">
            {t('cycleStage', { n: String(current.cycle) })}{' '}
            <span class="tag tag--purple">{STAGE_LABELS[stageOf(current)]}</span>
          </h2>
          <p class="success-text" role="status">
            {message}
          </p>
          <CycleForms key={current.id} cycle={current} session={session} onDecided={setMessage} />
          <p>
            <a href={`/measures?idea=${id}`}>{t('measuresFor')}</a>
          </p>
          {cycles.length > 1 && <h2>{t('earlier')}</h2>}
          {cycles
            .slice(0, -1)
            .reverse()
            .map((c) => (
              <PastCycle key={c.id} cycle={c} />
            ))}
          {asks.length > 0 && <h2>{t('asked')}</h2>}
          <AskList asks={asks} />
          <AskForm ideaId={id} pdsaId={current.id} />
        </>
      )}
    </>
  );
}
