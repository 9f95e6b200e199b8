/**
 * Wire schemas (valibot) of the capture slice's records: an idea, a comment on
 * it, and the team's own fields (name, categories). The registry
 * (entities.ts) puts them beside the other kinds.
 */
import * as v from 'valibot';
import { IDEA_STATUSES, LIMITS } from './records.ts';
import { epochMs, idString, nullableId, storedName, text, trimmedName } from './schemaParts.ts';

export const ideaFieldsSchema = v.strictObject({
  title: v.optional(trimmedName(LIMITS.ideaTitle)),
  detail: v.optional(text(LIMITS.ideaDetail)),
  category: v.optional(text(LIMITS.categoryId, 1)),
  status: v.optional(v.picklist(IDEA_STATUSES, 'is not a known status')),
  anonymous: v.optional(v.boolean()),
  authorId: v.optional(nullableId),
  authorName: v.optional(v.nullable(text(LIMITS.displayName))),
  createdAt: v.optional(epochMs),
  deleted: v.optional(v.boolean()),
  statusBy: v.optional(nullableId),
  statusAt: v.optional(v.nullable(epochMs)),
  /** The shared change (an organisation's share id) this idea was taken from: the link back. */
  takenFrom: v.optional(nullableId),
  // Moderation (src/domain/moderation.ts): a lead hides; only the server's erase sets erased*.
  hidden: v.optional(v.boolean()),
  hiddenReason: v.optional(v.nullable(text(LIMITS.moderationReason))),
  hiddenBy: v.optional(nullableId),
  erased: v.optional(v.boolean()),
  erasedBy: v.optional(nullableId),
  erasedAt: v.optional(v.nullable(epochMs)),
  erasedReason: v.optional(v.nullable(text(LIMITS.moderationReason))),
});

export const commentFieldsSchema = v.strictObject({
  ideaId: v.optional(idString),
  body: v.optional(trimmedName(LIMITS.commentBody)),
  authorId: v.optional(nullableId),
  authorName: v.optional(v.nullable(text(LIMITS.displayName))),
  createdAt: v.optional(epochMs),
  deleted: v.optional(v.boolean()),
  hidden: v.optional(v.boolean()),
  hiddenReason: v.optional(v.nullable(text(LIMITS.moderationReason))),
  hiddenBy: v.optional(nullableId),
  erased: v.optional(v.boolean()),
  erasedBy: v.optional(nullableId),
  erasedAt: v.optional(v.nullable(epochMs)),
  erasedReason: v.optional(v.nullable(text(LIMITS.moderationReason))),
});

export const categoriesSchema = v.pipe(
  v.array(
    v.strictObject({
      id: text(LIMITS.categoryId, 1),
      label: storedName(LIMITS.categoryLabel),
    }),
  ),
  v.minLength(1, 'must have at least one category'),
  v.maxLength(LIMITS.categories, `must have at most ${LIMITS.categories} categories`),
);

export const teamFieldsSchema = v.strictObject({
  name: v.optional(storedName(LIMITS.teamName)),
  categories: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(4000),
      v.check((s) => {
        try {
          return v.safeParse(categoriesSchema, JSON.parse(s)).success;
        } catch {
          return false;
        }
      }, 'must be a JSON list of categories'),
    ),
  ),
});
