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
 *   POST /api/v1/sync/push/checked?epoch=&cursor= PushRequest -> PushResponse, or 409
 *        `server_restored` (nothing applied) when the server is not where the phone last saw it
 *   GET  /api/v1/sync/pull?team=&cursor=         -> PullResponse
 *   GET  /api/v1/events?team=  text/event-stream: `change` after each applied push
 *   POST   /api/v1/team/invite        (facilitator) -> InviteResponse
 *   DELETE /api/v1/team/members/:id   (facilitator) -> MemberRemovedResponse
 *   POST   /api/v1/records/:entity/:id/erase (facilitator) EraseRequest -> EraseResponse
 *   GET    /api/v1/team/export        (facilitator) -> the team's data (server/store/teamData.ts)
 *   DELETE /api/v1/team {confirmTeamName} (facilitator) -> 202 TeamDeletion
 *   POST   /api/v1/team/keep          (facilitator) -> calls a scheduled deletion off
 *   GET    /api/v1/me/export          -> everything held about the member (subject access)
 *   POST   /api/v1/me/erase-name      -> the member's name becomes "Former member"
 * Errors: ErrorBody with a machine code, words for a person, and the field.
 */
import * as v from 'valibot';
import { LIMITS } from './records.ts';
import { ENTITIES, ENTITY_NAMES, type EntityName, type MutationFields } from './entities.ts';
import { categoriesSchema } from './ideaSchema.ts';
import { teamOrgSchema } from './orgProtocol.ts';
import { idString, trimmedName, uuid } from './schemaParts.ts';
import { findIdentifiers } from './identifiers.ts';
import type { Hlc } from './hlc.ts';
import { VERDICT_CODES, type VerdictCode } from './rules/verdict.ts';
import type { MemberId, MutationId, TeamId } from './ids.ts';

export { categoriesSchema };

const HLC = /^\d{15}-[0-9a-f]{4}-[0-9a-f]{16}$/;

export const hlcSchema = v.pipe(
  v.string(),
  v.regex(HLC, 'must be a hybrid logical clock stamp'),
  v.transform((s) => s as Hlc),
);

const nonEmpty = <T extends object>(o: T) => Object.keys(o).length > 0;

/** One change to one record of kind `K`, as the outbox keeps it and a push carries it. */
export type MutationOf<K extends EntityName> = {
  id: MutationId;
  entity: K;
  entityId: string;
  fields: MutationFields<K>;
  hlc: Hlc;
};
/** A mutation of any kind: a union discriminated on `entity`. */
export type Mutation = { [K in EntityName]: MutationOf<K> }[EntityName];

/** The mutation schema: one variant per kind of the registry (entities.ts). */
export const mutationSchema = v.variant(
  'entity',
  ENTITY_NAMES.map((entity) =>
    v.strictObject({
      id: uuid<MutationId>(),
      hlc: hlcSchema,
      entity: v.literal(entity),
      entityId: idString,
      fields: v.pipe(ENTITIES[entity].fields, v.check(nonEmpty, 'must change at least one field')),
    }),
  ),
);
export type MutationInput = v.InferInput<typeof mutationSchema>;

/**
 * A mutation of kind `K`, its fields checked against that kind's schema type.
 * (The widening from one kind to the union is the only assertion it needs.)
 */
export function mutationOf<K extends EntityName>(
  entity: K,
  entityId: string,
  fields: MutationFields<K>,
  id: MutationId,
  hlc: Hlc,
): Mutation {
  const m: MutationOf<K> = { id, entity, entityId, fields, hlc };
  return m as MutationOf<EntityName> as Mutation;
}

/** Validates an unknown value as a mutation: the one place its type is asserted. */
export function parseMutation(
  input: unknown,
): { success: true; output: Mutation } | { success: false; issues: v.BaseIssue<unknown>[] } {
  const parsed = v.safeParse(mutationSchema, input);
  return parsed.success
    ? { success: true, output: parsed.output as Mutation }
    : { success: false, issues: parsed.issues };
}

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
      /** The rule's stable code (rules/verdict.ts); absent for a malformed mutation. Added in v1 without breaking old clients. */
      readonly code?: VerdictCode | undefined;
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
    code: v.optional(v.picklist(VERDICT_CODES)),
    field: v.optional(v.string()),
    current: v.optional(v.nullable(entityStateSchema)),
  }),
]);
export const pushResponseSchema = v.object({ results: v.array(pushResultSchema) });
export type PushResponse = { results: PushResult[] };

export const changeSchema = v.object({
  seq: v.pipe(v.number(), v.integer()),
  mutationId: v.string(),
  entity: v.picklist(ENTITY_NAMES),
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

/**
 * Creating and joining a team: their request schemas live in teamRequests.ts,
 * apart from this module, so that only the screens that start or join a team
 * (and the server) carry them, not the capture screen's shared code.
 */
export type { CreateTeamRequest, JoinRequest } from './teamRequests.ts';

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

/** The team's scheduled deletion (a facilitator asked, or it was inactive); optional, v1-additive. */
export const teamDeletionSchema = v.object({
  deleteAfter: v.number(),
  reason: v.picklist(['requested', 'inactive']),
});
export type TeamDeletion = v.InferOutput<typeof teamDeletionSchema>;

/** GET and PUT /api/v1/team/sign-in: staff sign-in as the Team screen shows it. */
export const teamSignInSchema = v.object({
  /** The server has a provider set up (otherwise the setting is not offered). */
  available: v.boolean(),
  /** "Sign in with …" */
  provider: v.string(),
  required: v.boolean(),
  allowInviteCodes: v.boolean(),
  /** Ids of the members who joined signed in. */
  signedIn: v.array(v.string()),
});
export type TeamSignIn = v.InferOutput<typeof teamSignInSchema>;

/**
 * GET /api/v1/auth/start asked for JSON (`Accept: application/json`, as the
 * app's sign-in button asks): the provider's address to send the browser to,
 * so the screen can show a refusal (too many sign-ins started, 429) in its own
 * words. A plain link (no script, an older page) still gets the 303 to it.
 */
export const signInStartSchema = v.object({ url: v.pipe(v.string(), v.url()) });
export type SignInStart = v.InferOutput<typeof signInStartSchema>;

/** PUT /api/v1/team/sign-in: a facilitator sets the team's rule. */
export const setSignInRequestSchema = v.strictObject({
  required: v.boolean(),
  allowInviteCodes: v.boolean(),
});
export type SetSignInRequest = v.InferOutput<typeof setSignInRequestSchema>;

export const teamResponseSchema = v.object({
  team: teamSchema,
  members: v.array(memberSchema),
  deletion: v.optional(teamDeletionSchema),
  /** The organisation the team is linked to (decision 0021); absent from older servers. */
  org: v.optional(teamOrgSchema),
});
export type TeamResponse = v.InferOutput<typeof teamResponseSchema>;

export type ErrorCode =
  | 'bad_request'
  | 'unauthorised'
  | 'forbidden'
  | 'not_found'
  | 'too_large'
  | 'rate_limited'
  | 'server_error'
  /** A board link for a TV that a facilitator withdrew (display.ts). */
  | 'display_withdrawn'
  /** A request body in an encoding the server does not read (415): only gzip or none. */
  | 'unsupported_encoding'
  /**
   * 409: a push that named where its phone last saw the server (`epoch`, `cursor`)
   * found it restored from a backup since; nothing was applied (src/sync/restore.ts).
   */
  | 'server_restored';

export type ErrorBody = {
  error: { code: ErrorCode; message: string; field?: string };
};

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

/**
 * A facilitator erases the words of an idea or comment everywhere
 * (POST /api/v1/records/:entity/:id/erase; docs/decisions/0015-erasure.md).
 * The reason is kept with the record, so it may not itself hold a patient detail.
 */
export const eraseRequestSchema = v.strictObject({
  reason: v.pipe(
    trimmedName(LIMITS.moderationReason),
    v.check(
      (s) => findIdentifiers(s).length === 0,
      'must not itself hold a patient detail: say what kind of detail it was',
    ),
  ),
});
export type EraseRequest = v.InferInput<typeof eraseRequestSchema>;
/** The team's change that erases the words on every phone. */
export const eraseResponseSchema = v.object({ seq: v.number() });
export type EraseResponse = v.InferOutput<typeof eraseResponseSchema>;
