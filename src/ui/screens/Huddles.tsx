/**
 * Huddles: the team's dot-voting sessions, newest first, and (for a
 * facilitator) the form to start one. Everything here works offline.
 */
import type { GroundUpDb } from '../../db/index.ts';
import { listHuddles } from '../../db/huddleQueries.ts';
import { getSession } from '../../db/session.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { dateTime } from '../format.ts';
import { useData } from '../reads/useData.ts';
import { StartHuddleForm } from './huddle/StartHuddleForm.tsx';
import { Sentence } from './huddle/Sentence.tsx';
import { t } from './huddles.en.ts';
import '../styles/huddle.css';

async function load(db: GroundUpDb) {
  return { session: await getSession(db), huddles: await listHuddles(db) };
}

export function Huddles() {
  const data = useData(load, []);
  if (!data) return <p class="secondary-text">{t('loading')}</p>;
  const { session, huddles } = data;
  return (
    <>
      <PageHeading>{t('heading')}</PageHeading>
      {!session && (
        <p>
          {t('forTeam')}{' '}
          <Sentence say={(link) => t('joinFirst', { link })}>
            <a href="/team">{t('joinTeam')}</a>
          </Sentence>
        </p>
      )}
      {huddles.length === 0 && session && <p>{t('none')}</p>}
      <ul class="card-list card-list--grid">
        {huddles.map((h) => (
          <li class="card" key={h.id} data-testid="huddle">
            <h2 class="card__heading">
              <a href={`/huddles/${h.id}`}>{h.title}</a>
            </h2>
            <div class="tags">
              <strong class={h.state === 'closed' ? 'tag tag--grey' : 'tag tag--green'}>
                {h.state === 'closed' ? t('closed') : t('open')}
              </strong>
            </div>
            {h.startedAt && <p class="meta">{t('started', { when: dateTime(h.startedAt) })}</p>}
          </li>
        ))}
      </ul>
      {session?.member.role === 'facilitator' && <StartHuddleForm />}
    </>
  );
}
