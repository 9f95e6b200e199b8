/**
 * The team's ideas: search, filter by status and category, newest first, a
 * page at a time. Works offline on what this phone holds.
 */
import { useEffect, useState } from 'preact/hooks';
import { categories, pendingEntityIds } from '../../db/queries.ts';
import { backfillSearchWords, listIdeas } from '../../db/ideaSearch.ts';
import { getSession } from '../../db/session.ts';
import { mayLead } from '../../domain/rules/verdict.ts';
import { IDEA_STATUSES, type IdeaStatus } from '../../domain/records.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { authorLabel, STATUS_LABELS, STATUS_TAG, timeAgo } from '../format.ts';
import { read, useData } from '../reads/useData.ts';
import { useNow } from '../hooks/useNow.ts';
import { categoryLabel } from '../categories.en.ts';
import { t } from './idea/idea.en.ts';

const PAGE = 25;
const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;

export function IdeasList() {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<IdeaStatus | ''>('');
  const [category, setCategory] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const now = useNow();
  useEffect(() => {
    read(backfillSearchWords).catch((e: unknown) =>
      console.error('search index backfill failed', e),
    );
  }, []);
  const cats = useData(categories, []);
  const data = useData(
    async (db) => {
      const session = await getSession(db);
      const viewer = {
        memberId: session?.member.id ?? null,
        leads: mayLead(session?.member.role ?? 'member'),
      };
      const ideas = await listIdeas(db, { search, status, category, limit, viewer });
      return {
        ideas,
        pending: await pendingEntityIds(
          db,
          ideas.map((i) => i.id),
        ),
      };
    },
    [search, status, category, limit],
  );
  const labelOf = (id: string | undefined) => {
    const c = cats?.find((x) => x.id === id);
    return c ? categoryLabel(c) : (id ?? '');
  };

  return (
    <>
      <PageHeading>{t('ideas')}</PageHeading>
      <form
        class="filters"
        role="search"
        aria-label={t('filter')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div class="form-group">
          <label class="label" for="ideas-search">
            {t('search')}
          </label>
          <input
            id="ideas-search"
            class="input"
            type="search"
            value={search}
            onInput={(e) => {
              setSearch(value(e));
              setLimit(PAGE);
            }}
          />
        </div>
        <div class="form-group">
          <label class="label" for="ideas-status">
            {t('status')}
          </label>
          <select
            id="ideas-status"
            class="select"
            value={status}
            onChange={(e) => {
              setStatus(value(e) as IdeaStatus | '');
              setLimit(PAGE);
            }}
          >
            <option value="">{t('anyStatus')}</option>
            {IDEA_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label class="label" for="ideas-category">
            {t('category')}
          </label>
          <select
            id="ideas-category"
            class="select"
            value={category}
            onChange={(e) => {
              setCategory(value(e));
              setLimit(PAGE);
            }}
          >
            <option value="">{t('anyCategory')}</option>
            {(cats ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {data && (
        <>
          <p class="secondary-text" role="status">
            {data.ideas.length === 0 ? t('noMatch') : t('showing', { n: data.ideas.length })}
          </p>
          <ul class="card-list card-list--grid">
            {data.ideas.map((idea) => (
              <li class="card" key={idea.id} data-testid="idea">
                <h2 class="card__heading">
                  <a href={`/ideas/${idea.id}`}>{idea.title}</a>
                </h2>
                <div class="tags">
                  {idea.status && (
                    <strong class={STATUS_TAG[idea.status]}>{STATUS_LABELS[idea.status]}</strong>
                  )}
                  <span class="tag tag--grey">{labelOf(idea.category)}</span>
                  {idea.hidden === true && <strong class="tag tag--red">{t('hidden')}</strong>}
                  {data.pending.has(idea.id) && (
                    <strong class="tag tag--yellow">{t('waiting')}</strong>
                  )}
                </div>
                <p class="meta">
                  {idea.createdAt
                    ? t('byWhen', {
                        who: authorLabel(idea, idea.mine > 0),
                        when: timeAgo(idea.createdAt, now),
                      })
                    : authorLabel(idea, idea.mine > 0)}
                </p>
              </li>
            ))}
          </ul>
          {data.ideas.length === limit && (
            <button
              type="button"
              class="button button--secondary"
              onClick={() => setLimit(limit + PAGE)}
            >
              {t('showMore')}
            </button>
          )}
        </>
      )}
    </>
  );
}
