/**
 * One idea: what it is, who raised it, where it has got to, and the team's
 * comments. Edits and status changes are saved on the device first and synced
 * like everything else; the server decides whether a status change is allowed.
 */
import { useState } from 'preact/hooks';
import type { GroundUpDb } from '../../db/index.ts';
import { categories, getIdea, pendingEntityIds } from '../../db/queries.ts';
import { cachedMembers, statusHistory } from '../../db/huddleQueries.ts';
import { getSession } from '../../db/session.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { authorLabel, dateTime, STATUS_LABELS, STATUS_TAG } from '../format.ts';
import { useData } from '../reads/useData.ts';
import { findIdentifiers } from '../../domain/identifiers.ts';
import { SharedIdentifierWarning } from '../components/SharedIdentifierWarning.tsx';
import { mayLead } from '../../domain/rules/verdict.ts';
import { Comments } from './idea/Comments.tsx';
import { HideForm } from './idea/HideForm.tsx';
import { EditIdeaForm } from './idea/EditIdeaForm.tsx';
import { StatusForm } from './idea/StatusForm.tsx';
import { getTeamOrg } from '../../db/orgData.ts';
import { StatusHistory } from './idea/StatusHistory.tsx';
import { hiddenNote, t } from './idea/idea.en.ts';
import { categoryLabel } from '../categories.en.ts';

async function load(db: GroundUpDb, id: string) {
  const idea = (await getIdea(db, id)) ?? null;
  const session = await getSession(db);
  const cats = await categories(db);
  const pending = (await pendingEntityIds(db, [id])).has(id);
  return {
    idea: idea && idea.deleted !== true ? idea : null,
    memberId: session?.member.id ?? null,
    role: session?.member.role ?? 'member',
    history: await statusHistory(db, id),
    members: session ? await cachedMembers(db, session.team.id) : [],
    cats,
    pending,
    linked: session ? Boolean(await getTeamOrg(db, session.team.id)) : false,
  };
}

export function IdeaPage({ id }: { id: string }) {
  const data = useData((db) => load(db, id), [id]);
  const [editing, setEditing] = useState(false);
  if (!data) return <p class="secondary-text">{t('loading')}</p>;
  const { idea, memberId, cats, pending, role, history, members, linked } = data;
  const takenFrom = (idea as { takenFrom?: unknown }).takenFrom;
  if (!idea) {
    return (
      <>
        <PageHeading>{t('notFound')}</PageHeading>
        <p>
          {t('notOnPhone')} <a href="/ideas">{t('seeAll')}</a>
        </p>
      </>
    );
  }
  const mine = idea.mine > 0 || (memberId !== null && idea.authorId === memberId);
  const leads = mayLead(role);
  if (idea.hidden === true && !mine && !leads) {
    return (
      <>
        <PageHeading>{t('ideaHidden')}</PageHeading>
        <p>
          {t('hiddenFromTeam')} <a href="/ideas">{t('seeAll')}</a>
        </p>
      </>
    );
  }
  const flagged =
    idea.erased === true ? [] : findIdentifiers(`${idea.title ?? ''}\n${idea.detail ?? ''}`);
  const cat = cats.find((c) => c.id === idea.category);
  const category = cat ? categoryLabel(cat) : (idea.category ?? '');
  const erasedWords = (when: string | undefined, why: string | undefined) =>
    when && why
      ? t('erasedOnWhy', { when, why })
      : when
        ? t('erasedOn', { when })
        : why
          ? t('erasedWhy', { why })
          : t('erased');
  return (
    <>
      <p>
        <a href="/ideas">{t('backToIdeas')}</a>
      </p>
      <PageHeading title={idea.title ?? t('idea')}>{idea.title}</PageHeading>
      <div class="tags">
        {idea.status && (
          <strong class={STATUS_TAG[idea.status]}>{STATUS_LABELS[idea.status]}</strong>
        )}
        {pending && <strong class="tag tag--yellow">{t('waiting')}</strong>}
      </div>
      {idea.hidden === true && (
        <p class="callout" data-testid="hidden-note">
          {hiddenNote(idea.hiddenReason)}
        </p>
      )}
      {idea.erased === true && (
        <p class="callout" data-testid="erased-note">
          {erasedWords(
            idea.erasedAt ? dateTime(idea.erasedAt) : undefined,
            idea.erasedReason || undefined,
          )}
        </p>
      )}
      {flagged.length > 0 && !pending && (
        <SharedIdentifierWarning
          matches={flagged}
          kind="idea"
          id={idea.id}
          canErase={role === 'facilitator'}
        />
      )}
      {idea.detail ? <p class="comment-body">{idea.detail}</p> : null}
      <dl class="summary-list">
        <dt>{t('category')}</dt>
        <dd>{category}</dd>
        <dt>{t('raisedBy')}</dt>
        <dd>{authorLabel(idea, mine)}</dd>
        <dt>{t('captured')}</dt>
        <dd>{idea.createdAt ? dateTime(idea.createdAt) : t('notKnown')}</dd>
      </dl>
      {idea.erased === true ? null : editing ? (
        <EditIdeaForm idea={idea} onDone={() => setEditing(false)} />
      ) : (
        <button type="button" class="button button--secondary" onClick={() => setEditing(true)}>
          {t('editIdea')}
        </button>
      )}
      <p>
        <a href={`/ideas/${idea.id}/test`}>{t('testOfChange')}</a>
      </p>
      {typeof takenFrom === 'string' && (
        <p>
          <a href={`/org/elsewhere/${takenFrom}`}>{t('takenUp')}</a>
        </p>
      )}
      {leads && linked && (idea.status === 'adopted' || idea.status === 'adapted') && (
        <p>
          <a href={`/org/share/${idea.id}`}>{t('share')}</a>
        </p>
      )}
      <StatusHistory history={history} members={members} memberId={memberId} />
      <StatusForm
        idea={idea}
        role={role}
        isAuthor={idea.mine > 0 || (memberId !== null && idea.authorId === memberId)}
      />
      {leads && <HideForm kind="idea" id={idea.id} hidden={idea.hidden === true} />}
      <Comments ideaId={idea.id} memberId={memberId} role={role} />
    </>
  );
}
