/**
 * The sync wire protocol: one module used by the page, the service worker and
 * the server (as Dexie Cloud keeps its SyncRequest/SyncResponse in one shared
 * library). Every request and response body is validated here, once, at the
 * edge; code behind the edge trusts the typed result.
 *
 * Routes (all JSON, bearer token except create/join):
 *   POST /api/v1/teams         CreateTeamRequest -> SessionResponse
 *   POST /api/v1/join          JoinRequest       -> SessionResponse
 *   GET  /api/v1/team          -> TeamResponse
 *   POST /api/v1/sync/push     PushRequest       -> PushResponse
 *   GET  /api/v1/sync/pull?team=&cursor=         -> PullResponse
 *   GET  /api/v1/events?team=  text/event-stream: `change` after each applied push
 *   POST   /api/v1/team/invite        (facilitator) -> InviteResponse
 *   DELETE /api/v1/team/members/:id   (facilitator) -> MemberRemovedResponse
 * Errors: ErrorBody with a machine code, words for a person, and the field.
 */
import * as v from 'valibot';
import { IDEA_STATUSES, LIMITS } from './records.ts';
import { huddleFieldsSchema, voteFieldsSchema } from './huddleSchema.ts';
import {
  askFieldsSchema,
  challengeFieldsSchema,
  measureFieldsSchema,
  pdsaFieldsSchema,
  pointFieldsSchema,
  tapFieldsSchema,
} from './improvementSchema.ts';
import type { Hlc } from './hlc.ts';
import type { CommentId, IdeaId, MemberId, MutationId, TeamId } from './ids.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const HLC = /^\d{15}-[0-9a-f]{4}-[0-9a-f]{16}$/;

const uuid = <T extends string>() =>
  v.pipe(
    v.string(),
    v.regex(UUID_V7, 'must be a UUIDv7'),
    v.transform((s) => s as T),
  );
const text = (max: number, min = 0) =>
  v.pipe(
    v.string(),
    v.maxLength(max, `must be at most ${max} characters`),
    v.minLength(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`),
  );
const trimmedName = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );
/**
 * A team or member name, which the server keeps in a column of its own: no
 * control characters (PostgreSQL cannot store NUL in text; the fuzz found a
 * team named "Ward\u0000 7" answered 500) and no lone UTF-16 surrogates
 * (stored as U+FFFD, so the name read back would not be the name sent).
 */
const storedName = (max: number) =>
  v.pipe(trimmedName(max), v.regex(/^[^\p{Cc}\p{Cs}]*$/u, 'must not contain control characters'));
/** A time in ms since the epoch, within reason (2020 to 2100). */
const epochMs = v.pipe(
  v.number(),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(1_577_836_800_000, 'must be after 2020'),
  v.maxValue(4_102_444_800_000, 'must be before 2100'),
);
const nullableId = v.nullable(v.pipe(v.string(), v.regex(UUID_V7, 'must be a UUIDv7')));
export const hlcSchema = v.pipe(
  v.string(),
  v.regex(HLC, 'must be a hybrid logical clock stamp'),
  v.transform((s) => s as Hlc),
);

const ideaFields = v.strictObject({
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
});

const commentFields = v.strictObject({
  ideaId: v.optional(v.pipe(v.string(), v.regex(UUID_V7, 'must be a UUIDv7'))),
  body: v.optional(trimmedName(LIMITS.commentBody)),
  authorId: v.optional(nullableId),
  authorName: v.optional(v.nullable(text(LIMITS.displayName))),
  createdAt: v.optional(epochMs),
  deleted: v.optional(v.boolean()),
});

export const categoriesSchema = v.pipe(
  v.array(
    v.strictObject({
      id: text(LIMITS.categoryId, 1),
      label: trimmedName(LIMITS.categoryLabel),
    }),
  ),
  v.minLength(1, 'must have at least one category'),
  v.maxLength(LIMITS.categories, `must have at most ${LIMITS.categories} categories`),
);

const teamFields = v.strictObject({
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

const nonEmpty = <T extends object>(o: T) => Object.keys(o).length > 0;
const base = {
  id: uuid<MutationId>(),
  hlc: hlcSchema,
};

export const mutationSchema = v.variant('entity', [
  v.strictObject({
    ...base,
    entity: v.literal('idea'),
    entityId: uuid<IdeaId>(),
    fields: v.pipe(ideaFields, v.check(nonEmpty, 'must change at least one field')),
  }),
  v.strictObject({
    ...base,
    entity: v.literal('comment'),
    entityId: uuid<CommentId>(),
    fields: v.pipe(commentFields, v.check(nonEmpty, 'must change at least one field')),
  }),
  v.strictObject({
    ...base,
    entity: v.literal('team'),
    entityId: v.pipe(v.string(), v.regex(UUID_V7, 'must be a UUIDv7')),
    fields: v.pipe(teamFields, v.check(nonEmpty, 'must change at least one field')),
  }),
  v.strictObject({
    ...base,
    entity: v.literal('huddle'),
    entityId: v.pipe(v.string(), v.regex(UUID_V7, 'must be a UUIDv7')),
    fields: v.pipe(huddleFieldsSchema, v.check(nonEmpty, 'must change at least one field')),
  }),
  v.strictObject({
    ...base,
    entity: v.literal('vote'),
    // Derived from (huddle, idea, voter) by voteId() in huddle.ts; UUIDv7-shaped.
    entityId: v.pipe(v.string(), v.regex(UUID_V7, 'must be a UUIDv7')),
    fields: v.pipe(voteFieldsSchema, v.check(nonEmpty, 'must change at least one field')),
  }),
  ...improvementVariants(),
]);
export type Mutation = v.InferOutput<typeof mutationSchema>;

/** Tests of change and measures (improvementSchema.ts). */
function improvementVariants() {
  const entityId = v.pipe(v.string(), v.regex(UUID_V7, 'must be a UUIDv7'));
  const fields = <S extends v.GenericSchema<unknown, object>>(s: S) =>
    v.pipe(s, v.check(nonEmpty, 'must change at least one field'));
  return [
    v.strictObject({
      ...base,
      entity: v.literal('pdsa'),
      entityId,
      fields: fields(pdsaFieldsSchema),
    }),
    v.strictObject({
      ...base,
      entity: v.literal('measure'),
      entityId,
      fields: fields(measureFieldsSchema),
    }),
    v.strictObject({
      ...base,
      entity: v.literal('point'),
      entityId,
      fields: fields(pointFieldsSchema),
    }),
    v.strictObject({
      ...base,
      entity: v.literal('tap'),
      entityId,
      fields: fields(tapFieldsSchema),
    }),
    v.strictObject({
      ...base,
      entity: v.literal('challenge'),
      entityId,
      fields: fields(challengeFieldsSchema),
    }),
    v.strictObject({
      ...base,
      entity: v.literal('ask'),
      entityId,
      fields: fields(askFieldsSchema),
    }),
  ] as const;
}
export type MutationInput = v.InferInput<typeof mutationSchema>;

export const pushRequestSchema = v.strictObject({
  teamId: uuid<TeamId>(),
  mutations: v.pipe(v.array(v.unknown()), v.minLength(1, 'must hold at least one mutation')),
});
export type PushRequest = { teamId: TeamId; mutations: readonly MutationInput[] };

/**
 * The server's merged state of an entity, sent with a rejection so the device
 * can undo the rejected change locally (null: the server holds no such entity).
 */
export type EntityState = {
  readonly fields: Readonly<Record<string, string | number | boolean | null>>;
  readonly stamps: Readonly<Record<string, Hlc>>;
};

export type PushResult =
  | { readonly id: string; readonly kind: 'applied'; readonly seq: number }
  | { readonly id: string; readonly kind: 'duplicate' }
  | {
      readonly id: string;
      readonly kind: 'rejected';
      readonly reason: string;
      readonly field?: string | undefined;
      readonly current?: EntityState | null | undefined;
    };

const fieldValue = v.nullable(v.union([v.string(), v.number(), v.boolean()]));
const entityStateSchema = v.object({
  fields: v.record(v.string(), fieldValue),
  stamps: v.record(v.string(), hlcSchema),
});

export const pushResultSchema = v.variant('kind', [
  v.object({ id: v.string(), kind: v.literal('applied'), seq: v.number() }),
  v.object({ id: v.string(), kind: v.literal('duplicate') }),
  v.object({
    id: v.string(),
    kind: v.literal('rejected'),
    reason: v.string(),
    field: v.optional(v.string()),
    current: v.optional(v.nullable(entityStateSchema)),
  }),
]);
export const pushResponseSchema = v.object({ results: v.array(pushResultSchema) });
export type PushResponse = { results: PushResult[] };

export const changeSchema = v.object({
  seq: v.pipe(v.number(), v.integer()),
  mutationId: v.string(),
  entity: v.picklist([
    'idea',
    'comment',
    'team',
    'huddle',
    'vote',
    'pdsa',
    'measure',
    'point',
    'tap',
    'challenge',
    'ask',
  ]),
  entityId: v.string(),
  fields: v.record(v.string(), fieldValue),
  hlc: hlcSchema,
});
export type Change = v.InferOutput<typeof changeSchema>;

export const pullResponseSchema = v.object({
  changes: v.array(changeSchema),
  cursor: v.pipe(v.number(), v.integer(), v.minValue(0)),
  more: v.boolean(),
});
export type PullResponse = v.InferOutput<typeof pullResponseSchema>;

export const createTeamRequestSchema = v.strictObject({
  teamName: storedName(LIMITS.teamName),
  displayName: storedName(LIMITS.displayName),
});
export type CreateTeamRequest = v.InferInput<typeof createTeamRequestSchema>;

export const joinRequestSchema = v.strictObject({
  inviteCode: v.pipe(
    v.string(),
    v.transform((s) => s.replace(/[\s-]/g, '').toUpperCase()),
    v.regex(/^[0-9A-Z]{8,32}$/, 'must be the code your facilitator gave you'),
  ),
  displayName: storedName(LIMITS.displayName),
  /**
   * The token this device holds (kept after a facilitator removed it). With it
   * the person joins again as the same member, so changes saved while signed
   * out still name them as author and are accepted.
   */
  previousToken: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,128}$/, 'is not a token this server issued')),
  ),
});
export type JoinRequest = v.InferInput<typeof joinRequestSchema>;

const roleSchema = v.picklist(['member', 'facilitator', 'sponsor']);
const memberSchema = v.object({
  id: v.pipe(
    v.string(),
    v.transform((s) => s as MemberId),
  ),
  displayName: v.string(),
  role: roleSchema,
});
const teamSchema = v.object({
  id: v.pipe(
    v.string(),
    v.transform((s) => s as TeamId),
  ),
  name: v.string(),
  inviteCode: v.optional(v.string()),
  categories: categoriesSchema,
});

export const sessionResponseSchema = v.object({
  team: teamSchema,
  member: memberSchema,
  token: v.string(),
});
export type SessionResponse = v.InferOutput<typeof sessionResponseSchema>;

export const teamResponseSchema = v.object({
  team: teamSchema,
  members: v.array(memberSchema),
});
export type TeamResponse = v.InferOutput<typeof teamResponseSchema>;

export type ErrorCode =
  | 'bad_request'
  | 'unauthorised'
  | 'forbidden'
  | 'not_found'
  | 'too_large'
  | 'rate_limited'
  | 'server_error';

export type ErrorBody = {
  error: { code: ErrorCode; message: string; field?: string };
};

/** Turns a failed parse into one sentence that names the field. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): {
  field: string;
  message: string;
} {
  const first = issues[0];
  if (!first) return { field: '', message: 'is not valid' };
  const field = pathOf(first);
  return { field, message: `${field || 'body'} ${wordsFor(first)}` };
}

/** The dot path of an issue; a key that is the empty string shows as "" so it can be named. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? [])
    .map(({ key }) =>
      key === '' ? '""' : typeof key === 'string' || typeof key === 'number' ? String(key) : '?',
    )
    .join('.');
}

/** valibot's words, except for the two a person cannot read: an unknown key and a missing one. */
function wordsFor(issue: v.BaseIssue<unknown>): string {
  const last = issue.path?.at(-1);
  if (last?.origin !== 'key') return issue.message;
  if (issue.expected === 'never') return 'is not something this request can carry';
  if (issue.received === 'undefined') return 'is missing';
  return issue.message;
}

/** A facilitator rotated the invite code: this is the new one; the old one no longer works. */
export const inviteResponseSchema = v.object({ inviteCode: v.string() });
export type InviteResponse = v.InferOutput<typeof inviteResponseSchema>;

/** A facilitator removed a member: that member's device is signed out (401) from now on. */
export const memberRemovedResponseSchema = v.object({
  memberId: v.pipe(
    v.string(),
    v.transform((s) => s as MemberId),
  ),
});
export type MemberRemovedResponse = v.InferOutput<typeof memberRemovedResponseSchema>;

/** A facilitator changes a member's role (e.g. names the team's sponsor). */
export const setRoleRequestSchema = v.strictObject({ role: roleSchema });
export const roleChangedResponseSchema = v.object({
  memberId: v.pipe(
    v.string(),
    v.transform((s) => s as MemberId),
  ),
  role: roleSchema,
});
export type RoleChangedResponse = v.InferOutput<typeof roleChangedResponseSchema>;
