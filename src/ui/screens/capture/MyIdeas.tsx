/**
 * "My ideas": what this phone captured, newest first, each saying whether it
 * has reached the team ("Sent") or is still only on this phone. Twenty at a
 * time with "Show more", so a day of offline captures is all in reach.
 */
import type { GroundUpDb } from '../../../db/index.ts';
import { useState } from 'preact/hooks';
import { myIdeaCount, myIdeas, pendingEntityIds, rejectedList } from '../../../db/queries.ts';
import { timeAgo } from '../../format.ts';
import { useData } from '../../reads/useData.ts';
import { useNow } from '../../hooks/useNow.ts';
import { t } from './myIdeas.en.ts';

const PAGE = 20;

/** Re-run after every Save: one transaction, its reads asked for together where they can be. */
function load(db: GroundUpDb, limit: number) {
  return db.transaction('r', [db.ideas, db.outbox, db.rejected], async () => {
    const [ideas, total, rejected] = await Promise.all([
      myIdeas(db, limit),
      myIdeaCount(db),
      rejectedList(db),
    ]);
    const pending = await pendingEntityIds(
      db,
      ideas.map((i) => i.id),
    );
    return { ideas, total, pending, attention: new Set(rejected.map((r) => r.entityId)) };
  });
}

function SyncTag({
  id,
  pending,
  attention,
}: {
  id: string;
  pending: Set<string>;
  attention: Set<string>;
}) {
  if (attention.has(id)) return <strong class="tag tag--red">{t('needsAttention')}</strong>;
  if (pending.has(id)) return <strong class="tag tag--yellow">{t('waiting')}</strong>;
  return <strong class="tag tag--green">{t('sent')}</strong>;
}

export function MyIdeas() {
  const [limit, setLimit] = useState(PAGE);
  const data = useData((db) => load(db, limit), [limit]);
  const now = useNow();
  if (!data) return null;
  return (
    <section aria-labelledby="my-ideas-heading">
      <h2 id="my-ideas-heading">{t('heading')}</h2>
      {data.ideas.length === 0 ? (
        <p class="secondary-text">{t('empty')}</p>
      ) : (
        <ul class="card-list">
          {data.ideas.map((idea) => (
            <li class="card" key={idea.id} data-testid="my-idea">
              <p class="card__heading">
                <a href={`/ideas/${idea.id}`}>{idea.title}</a>
              </p>
              <p class="meta">
                <SyncTag id={idea.id} pending={data.pending} attention={data.attention} />{' '}
                {idea.createdAt ? t('saved', { when: timeAgo(idea.createdAt, now) }) : ''}
                {idea.anonymous ? t('anonymous') : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      {data.total > data.ideas.length && (
        <p>
          <span class="secondary-text" data-testid="my-ideas-shown">
            {t('showing', { shown: data.ideas.length, total: data.total })}
          </span>{' '}
          <button type="button" class="link-button" onClick={() => setLimit((n) => n + PAGE)}>
            {t('showMore', { n: Math.min(PAGE, data.total - data.ideas.length) })}
          </button>
        </p>
      )}
    </section>
  );
}
