/** Ideas and their comments, after capture: edit, move along, comment, delete a comment. */
import { moveIdea as moveIdeaWrite } from '../../db/huddleWrites.ts';
import {
  addComment as addCommentWrite,
  deleteComment as deleteCommentWrite,
  editIdea as editIdeaWrite,
} from '../../db/writes.ts';
import { setHidden as setHiddenWrite } from '../../db/moderationWrites.ts';
import { createApi } from '../../sync/api.ts';
import { eraseEverywhere as eraseOnServerAndHere } from '../../sync/erase.ts';
import { serverWords } from '../serverWords.ts';
import type { IdeaEdit } from '../../domain/idea.ts';
import type { ErasableKind } from '../../domain/moderation.ts';
import type { CommentId, IdeaId } from '../../domain/ids.ts';
import type { IdeaStatus } from '../../domain/records.ts';
import { write } from './run.ts';
import { t as words } from './actions.en.ts';

export function editIdea(ideaId: string, edit: IdeaEdit) {
  return write((db, at) => editIdeaWrite(db, ideaId as IdeaId, edit, at));
}

/** Move an idea along, recording who and when (the server checks who may). */
export function moveIdea(ideaId: string, status: IdeaStatus) {
  return write((db, at) => moveIdeaWrite(db, ideaId, status, at));
}

export function addComment(ideaId: string, body: string) {
  return write((db, at) => addCommentWrite(db, ideaId as IdeaId, body, at));
}

/** A tombstone, so the deletion syncs too. */
export function deleteComment(commentId: string) {
  return write((db, at) => deleteCommentWrite(db, commentId as CommentId, at));
}

/** A facilitator or sponsor hides an idea or comment with a reason, or shows it again. */
export function setHidden(kind: ErasableKind, id: string, hidden: boolean, reason: string) {
  return write((db, at) => setHiddenWrite(db, kind, id, hidden, reason, at));
}

export type EraseOutcome = { kind: 'saved' } | { kind: 'refused'; message: string };

/**
 * A facilitator erases the words of a synced idea or comment everywhere: the
 * server rewrites its history, every phone then pulls the erase. Needs a
 * connection; this phone drops the words at once, and again once a sync pass
 * on its way has ended (sync/erase.ts), and then syncs.
 */
export function eraseEverywhere(kind: ErasableKind, id: string, reason: string) {
  return write(async (db): Promise<EraseOutcome> => {
    const r = await eraseOnServerAndHere(db, createApi(), kind, id, reason);
    if (r.kind === 'erased') {
      r.again.catch((e: unknown) => console.error('could not drop the erased words again', e));
      return { kind: 'saved' };
    }
    if (r.kind === 'not-joined') return { kind: 'refused', message: words('joinFirst') };
    return {
      kind: 'refused',
      message:
        r.failure.kind === 'offline' ? words('eraseOffline') : serverWords(r.failure.message),
    };
  });
}
