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
import { hiddenNote } from '../../../domain/moderation.ts';
import type { Role } from '../../../domain/records.ts';
import { mayLead } from '../../../domain/rules/verdict.ts';
import { SharedIdentifierWarning } from '../../components/SharedIdentifierWarning.tsx';
import { AddCommentForm } from './AddCommentForm.tsx';
import { HideForm } from './HideForm.tsx';

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
          Erased by a facilitator{comment.erasedReason ? `: ${comment.erasedReason}` : ''}
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
        {authorLabel(comment, mine)}
        {comment.createdAt ? `, ${dateTime(comment.createdAt)}` : ''}
      </p>
      {problem && <p class="error-message">{problem}</p>}
      {leads && <HideForm kind="comment" id={comment.id} hidden={comment.hidden === true} />}
      {mine &&
        (confirming ? (
          <div class="button-group">
            <p>Delete this comment?</p>
            <button
              type="button"
              class="button button--warning button--small"
              onClick={() => void remove()}
            >
              Yes, delete it
            </button>
            <button
              type="button"
              class="button button--secondary button--small"
              onClick={() => setConfirming(false)}
            >
              Keep it
            </button>
          </div>
        ) : (
          <button type="button" class="link-button" onClick={() => setConfirming(true)}>
            Delete<span class="visually-hidden"> your comment</span>
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
      <h2 id="comments-heading">Comments</h2>
      {comments && comments.length === 0 && <p class="secondary-text">No comments yet.</p>}
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
