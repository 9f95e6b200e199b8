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
import { hiddenNote } from '../../domain/moderation.ts';
import { SharedIdentifierWarning } from '../components/SharedIdentifierWarning.tsx';
import { mayLead } from '../../domain/rules/verdict.ts';
import { Comments } from './idea/Comments.tsx';
import { HideForm } from './idea/HideForm.tsx';
import { EditIdeaForm } from './idea/EditIdeaForm.tsx';
import { StatusForm } from './idea/StatusForm.tsx';
import { getTeamOrg } from '../../db/orgData.ts';
import { StatusHistory } from './idea/StatusHistory.tsx';

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
  if (!data) return <p class="secondary-text">Loading…</p>;
  const { idea, memberId, cats, pending, role, history, members, linked } = data;
  const takenFrom = (idea as { takenFrom?: unknown }).takenFrom;
  if (!idea) {
    return (
      <>
        <PageHeading>Idea not found</PageHeading>
        <p>
          This idea is not on this phone. It may not have synced yet.{' '}
          <a href="/ideas">See all ideas</a>
        </p>
      </>
    );
  }
  const mine = idea.mine === 1 || (memberId !== null && idea.authorId === memberId);
  const leads = mayLead(role);
  if (idea.hidden === true && !mine && !leads) {
    return (
      <>
        <PageHeading>Idea hidden</PageHeading>
        <p>
          A facilitator has hidden this idea from the team. <a href="/ideas">See all ideas</a>
        </p>
      </>
    );
  }
  const flagged =
    idea.erased === true ? [] : findIdentifiers(`${idea.title ?? ''}\n${idea.detail ?? ''}`);
  const category = cats.find((c) => c.id === idea.category)?.label ?? idea.category ?? '';
  return (
    <>
      <p>
        <a href="/ideas">Back to ideas</a>
      </p>
      <PageHeading title={idea.title ?? 'Idea'}>{idea.title}</PageHeading>
      <div class="tags">
        {idea.status && (
          <strong class={STATUS_TAG[idea.status]}>{STATUS_LABELS[idea.status]}</strong>
        )}
        {pending && <strong class="tag tag--yellow">Waiting to sync</strong>}
      </div>
      {idea.hidden === true && (
        <p class="callout" data-testid="hidden-note">
          {hiddenNote(idea.hiddenReason)}
        </p>
      )}
      {idea.erased === true && (
        <p class="callout" data-testid="erased-note">
          A facilitator erased the words of this idea
          {idea.erasedAt ? ` on ${dateTime(idea.erasedAt)}` : ''}
          {idea.erasedReason ? `: ${idea.erasedReason}` : '.'}
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
        <dt>Category</dt>
        <dd>{category}</dd>
        <dt>Raised by</dt>
        <dd>{authorLabel(idea, mine)}</dd>
        <dt>Captured</dt>
        <dd>{idea.createdAt ? dateTime(idea.createdAt) : 'Not known yet'}</dd>
      </dl>
      {idea.erased === true ? null : editing ? (
        <EditIdeaForm idea={idea} onDone={() => setEditing(false)} />
      ) : (
        <button type="button" class="button button--secondary" onClick={() => setEditing(true)}>
          Edit idea
        </button>
      )}
      <p>
        <a href={`/ideas/${idea.id}/test`}>Test of change (PDSA)</a>
      </p>
      {typeof takenFrom === 'string' && (
        <p>
          <a href={`/org/elsewhere/${takenFrom}`}>Taken up from a change that worked elsewhere</a>
        </p>
      )}
      {leads && linked && (idea.status === 'adopted' || idea.status === 'adapted') && (
        <p>
          <a href={`/org/share/${idea.id}`}>Share with the organisation</a>
        </p>
      )}
      <StatusHistory history={history} members={members} memberId={memberId} />
      <StatusForm
        idea={idea}
        role={role}
        isAuthor={idea.mine === 1 || (memberId !== null && idea.authorId === memberId)}
      />
      {leads && <HideForm kind="idea" id={idea.id} hidden={idea.hidden === true} />}
      <Comments ideaId={idea.id} memberId={memberId} role={role} />
    </>
  );
}
