/**
 * The sponsor's asks queue: what the team has asked for, newest first, the
 * unanswered ones first. The sponsor answers here; everyone else sees the
 * answers ("you said, we did").
 */
import { allAsks, me } from '../../db/challengeQueries.ts';
import type { GroundUpDb } from '../../db/index.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useData } from '../reads/useData.ts';
import { AnswerForm } from './asks/AnswerForm.tsx';
import { AskAnswer } from './asks/AskList.tsx';

async function load(db: GroundUpDb) {
  const [asks, who, ideas] = await Promise.all([allAsks(db), me(db), db.ideas.toArray()]);
  return { asks, who, titles: new Map(ideas.map((i) => [i.id, i.title ?? t('anIdea')])) };
}

import { t } from './asks/asks.en.ts';

export function Asks() {
  const data = useData(load, []);
  if (!data) return <p class="secondary-text">{t('loading')}</p>;
  const sponsor = data.who?.role === 'sponsor';
  const open = data.asks.filter((a) => !a.answer);
  const answered = data.asks.filter((a) => a.answer);
  return (
    <>
      <PageHeading>{t('heading')}</PageHeading>
      <p>
        {t('counts', { open: open.length, answered: answered.length })}
        {sponsor ? '' : ` ${t('sponsorAnswers')}`}
      </p>
      <ul class="card-list">
        {[...open, ...answered].map((a) => (
          <li class="card" key={a.id}>
            <h2 class="card__heading">
              <a href={`/ideas/${a.ideaId}/test`}>{data.titles.get(a.ideaId) ?? t('anIdea')}</a>
            </h2>
            <p>
              <strong>{t(a.kind === 'permission' ? 'permission' : 'support')}</strong> {a.text}
            </p>
            <p class="meta">{t('askedBy', { who: a.askedByName ?? t('aColleague') })}</p>
            {sponsor && !a.answer ? <AnswerForm ask={a} /> : <AskAnswer ask={a} />}
          </li>
        ))}
      </ul>
    </>
  );
}
