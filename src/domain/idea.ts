/**
 * Building ideas and comments: each user action becomes a mutation (what the
 * outbox stores and the server applies) and the local record is that mutation
 * merged into what the device already holds, through the same merge rule that
 * applies pulled changes. Ids, the HLC stamp and the time come in as arguments.
 */
import type { Hlc } from './hlc.ts';
import type { CommentId, IdeaId, MemberId, MutationId } from './ids.ts';
import { merge, stampAll, type FieldsIn, type Stamped } from './merge.ts';
import type { MutationOf } from './protocol.ts';
import type { IdeaFields, CommentFields } from './records.ts';

export type Author = { readonly id: MemberId; readonly name: string } | null;

export type NewIdeaInput = {
  readonly title: string;
  readonly detail: string;
  readonly category: string;
  readonly anonymous: boolean;
};

export function createIdeaMutation(
  input: NewIdeaInput,
  ids: { readonly ideaId: IdeaId; readonly mutationId: MutationId },
  author: Author,
  hlc: Hlc,
  now: number,
): MutationOf<'idea'> & { entityId: IdeaId } {
  const fields: IdeaFields = {
    title: input.title.trim(),
    detail: input.detail.trim(),
    category: input.category,
    status: 'new',
    anonymous: input.anonymous,
    authorId: input.anonymous || !author ? null : author.id,
    authorName: input.anonymous || !author ? null : author.name,
    createdAt: now,
    deleted: false,
  };
  return { id: ids.mutationId, entity: 'idea', entityId: ids.ideaId, fields, hlc };
}

export type IdeaEdit = Partial<
  Pick<IdeaFields, 'title' | 'detail' | 'category' | 'status' | 'deleted'>
>;

export function editIdeaMutation(
  ideaId: IdeaId,
  edit: IdeaEdit,
  mutationId: MutationId,
  hlc: Hlc,
): MutationOf<'idea'> & { entityId: IdeaId } {
  const fields: IdeaEdit = { ...edit };
  if (fields.title !== undefined) fields.title = fields.title.trim();
  if (fields.detail !== undefined) fields.detail = fields.detail.trim();
  return { id: mutationId, entity: 'idea', entityId: ideaId, fields, hlc };
}

export function createCommentMutation(
  ideaId: IdeaId,
  body: string,
  ids: { readonly commentId: CommentId; readonly mutationId: MutationId },
  author: Author,
  hlc: Hlc,
  now: number,
): MutationOf<'comment'> & { entityId: CommentId } {
  const fields: CommentFields = {
    ideaId,
    body: body.trim(),
    authorId: author?.id ?? null,
    authorName: author?.name ?? null,
    createdAt: now,
    deleted: false,
  };
  return { id: ids.mutationId, entity: 'comment', entityId: ids.commentId, fields, hlc };
}

/** The record after applying a mutation (or a pulled change) to what was held. */
export function applyFields(existing: Stamped | undefined, fields: FieldsIn, hlc: Hlc): Stamped {
  // Nothing held: the merge would copy the stamped fields as they are.
  if (existing === undefined) return stampAll(fields, hlc);
  return merge(existing, stampAll(fields, hlc));
}
