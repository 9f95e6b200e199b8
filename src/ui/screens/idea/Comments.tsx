/**
 * The comments on an idea: read, add (with the identifier guard) and delete
 * your own. A deleted comment is a tombstone, so the deletion syncs too.
 */
import { useState } from 'preact/hooks';
import type { CommentRow } from '../../../db/index.ts';
import { commentsFor } from '../../../db/queries.ts';
import { deleteComment } from '../../actions/index.ts';
import { authorLabel, dateTime } from '../../format.ts';
import { useData } from '../../reads/useData.ts';
import { findIdentifiers } from '../../../domain/identifiers.ts';
import type { Role } from '../../../domain/records.ts';
import { mayLead } from '../../../domain/rules/verdict.ts';
import { SharedIdentifierWarning } from '../../components/SharedIdentifierWarning.tsx';
import { AddCommentForm } from './AddCommentForm.tsx';
import { HideForm } from './HideForm.tsx';
import { hiddenNote, t } from './idea.en.ts';

function Comment({ comment, mine, role }: { comment: CommentRow; mine: boolean; role: Role }) {
  const leads = mayLead(role);
  const flagged = comment.erased === true ? [] : findIdentifiers(comment.body ?? '');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState('');
  async function remove() {
    const result = await deleteComment(comment.id);
    if (result.kind !== 'saved') return setProblem(result.message);
  }
  return (
    <li class="card" data-testid="comment">
      {comment.hidden === true && (
        <p class="tag tag--red" data-testid="hidden-note">
          {hiddenNote(comment.hiddenReason)}
        </p>
      )}
      <p class="comment-body">{comment.body}</p>
      {comment.erased === true && (
        <p class="meta">
          {comment.erasedReason
            ? t('erasedCommentWhy', { why: comment.erasedReason })
            : t('erasedComment')}
        </p>
      )}
      {flagged.length > 0 && (
        <SharedIdentifierWarning
          matches={flagged}
          kind="comment"
          id={comment.id}
          canErase={role === 'facilitator'}
        />
      )}
      <p class="meta">
        {comment.createdAt
          ? t('byWhen', { who: authorLabel(comment, mine), when: dateTime(comment.createdAt) })
          : authorLabel(comment, mine)}
      </p>
      {problem && <p class="error-message">{problem}</p>}
      {leads && <HideForm kind="comment" id={comment.id} hidden={comment.hidden === true} />}
      {mine &&
        (confirming ? (
          <div class="button-group">
            <p>{t('deleteQuestion')}</p>
            <button
              type="button"
              class="button button--warning button--small"
              onClick={() => void remove()}
            >
              {t('yesDelete')}
            </button>
            <button
              type="button"
              class="button button--secondary button--small"
              onClick={() => setConfirming(false)}
            >
              {t('keepIt')}
            </button>
          </div>
        ) : (
          <button type="button" class="link-button" onClick={() => setConfirming(true)}>
            {t('delete')}
            <span class="visually-hidden">{t('yourComment')}</span>
          </button>
        ))}
    </li>
  );
}

type Props = { ideaId: string; memberId: string | null; role: Role };

export function Comments({ ideaId, memberId, role }: Props) {
  const leads = mayLead(role);
  const comments = useData(
    (db) => commentsFor(db, ideaId, { memberId, leads }),
    [ideaId, memberId, leads],
  );
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('comments')}</h2>
      {comments && comments.length === 0 && <p class="secondary-text">{t('noComments')}</p>}
      {comments && comments.length > 0 && (
        <ul class="card-list">
          {comments.map((c) => (
            <Comment
              key={c.id}
              comment={c}
              mine={memberId !== null && c.authorId === memberId}
              role={role}
            />
          ))}
        </ul>
      )}
      <AddCommentForm ideaId={ideaId} />
    </section>
  );
}
