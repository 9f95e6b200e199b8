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
  const labelOf = (id: string | undefined) => cats?.find((c) => c.id === id)?.label ?? id ?? '';

  return (
    <>
      <PageHeading>Ideas</PageHeading>
      <form
        class="filters"
        role="search"
        aria-label="Filter ideas"
        onSubmit={(e) => e.preventDefault()}
      >
        <div class="form-group">
          <label class="label" for="ideas-search">
            Search
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
            Status
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
            <option value="">Any status</option>
            {IDEA_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label class="label" for="ideas-category">
            Category
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
            <option value="">Any category</option>
            {(cats ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      {data && (
        <>
          <p class="secondary-text" role="status">
            {data.ideas.length === 0
              ? 'No ideas match.'
              : `Showing ${data.ideas.length} ${data.ideas.length === 1 ? 'idea' : 'ideas'}, newest first.`}
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
                  {idea.hidden === true && <strong class="tag tag--red">Hidden</strong>}
                  {data.pending.has(idea.id) && (
                    <strong class="tag tag--yellow">Waiting to sync</strong>
                  )}
                </div>
                <p class="meta">
                  {authorLabel(idea, idea.mine === 1)}
                  {idea.createdAt ? `, ${timeAgo(idea.createdAt, now)}` : ''}
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
              Show more
            </button>
          )}
        </>
      )}
    </>
  );
}
