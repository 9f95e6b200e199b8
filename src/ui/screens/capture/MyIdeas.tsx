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

/**
 * The ideas on screen and their tags, in one transaction so a tag always
 * belongs to the idea it sits on. Re-run after every Save, and as each batch
 * of a sync leaves the outbox: it reads twenty ideas and their keys, not the
 * count below.
 */
function loadShown(db: GroundUpDb, limit: number) {
  return db.transaction('r', [db.ideas, db.outbox, db.rejected], async () => {
    const [ideas, rejected] = await Promise.all([myIdeas(db, limit), rejectedList(db)]);
    const pending = await pendingEntityIds(
      db,
      ideas.map((i) => i.id),
    );
    return { ideas, pending, attention: new Set(rejected.map((r) => r.entityId)) };
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
  const data = useData((db) => loadShown(db, limit), [limit]);
  // A live query of its own over the ideas alone: counting 10,000 in the index took 68 ms,
  // and read with the tags it was counted again as each batch of 500 left the outbox.
  const total = useData(myIdeaCount, []);
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
      {total !== undefined && total > data.ideas.length && (
        <p>
          <span class="secondary-text" data-testid="my-ideas-shown">
            {t('showing', { shown: data.ideas.length, total })}
          </span>{' '}
          <button type="button" class="link-button" onClick={() => setLimit((n) => n + PAGE)}>
            {t('showMore', { n: Math.min(PAGE, total - data.ideas.length) })}
          </button>
        </p>
      )}
    </section>
  );
}
