/**
 * Who may change what. Pure: given the actor, a mutation that already passed
 * the wire schema, and what the server holds for its entity, say whether it
 * may be applied, and if not why, in words the person who made it can read.
 * push.ts looks the facts up inside its transaction and calls these.
 */
import { applyFields } from '../../src/domain/idea.ts';
import type { FieldValue, Fields, Stamped } from '../../src/domain/merge.ts';
import type { Mutation } from '../../src/domain/protocol.ts';
import { CREATE_FIELDS, type Role } from '../../src/domain/records.ts';

export type Actor = { readonly memberId: string; readonly teamId: string; readonly role: Role };

/** What the server holds for the mutation's entity. */
export type Existing =
  | { readonly kind: 'none' }
  | { readonly kind: 'other-team' }
  | { readonly kind: 'own'; readonly createdBy: string; readonly state: Stamped };

export type Verdict =
  { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly field?: string };

/** A mutation's fields as merge sees them (valibot types absent optionals as `undefined`). */
export function fieldsOf(m: Mutation): Fields {
  const out: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(m.fields)) if (value !== undefined) out[key] = value;
  return out;
}

const OK: Verdict = { ok: true };
const no = (reason: string, field?: string): Verdict =>
  field === undefined ? { ok: false, reason } : { ok: false, reason, field };

/** Fields the author or a facilitator/sponsor may change; `status` anyone may; the rest only the author. */
const MODERATED = ['title', 'detail', 'category', 'deleted'];
const AUTHOR_ONLY = ['anonymous', 'authorId', 'authorName', 'createdAt'];

function missingCreateField(entity: 'idea' | 'comment', fields: Fields): string | undefined {
  return CREATE_FIELDS[entity].find((f) => !(f in fields));
}

/** A mutation may name only its own pusher as the author. */
function checkAuthor(actor: Actor, fields: Fields, what: string): Verdict {
  const authorId = fields['authorId'];
  if (authorId !== undefined && authorId !== null && authorId !== actor.memberId) {
    return no(`${what} can only name you as its author`, 'fields.authorId');
  }
  return OK;
}

export function checkIdea(
  actor: Actor,
  m: Mutation & { entity: 'idea' },
  existing: Existing,
): Verdict {
  const fields = fieldsOf(m);
  if (existing.kind === 'other-team') return no('This idea belongs to another team', 'entityId');
  if (existing.kind === 'none') {
    const missing = missingCreateField('idea', fields);
    if (missing)
      return no('This idea must be created before it can be changed', `fields.${missing}`);
  }
  const author = checkAuthor(actor, fields, 'An idea');
  if (!author.ok) return author;
  if (existing.kind === 'own') {
    const isCreator = existing.createdBy === actor.memberId;
    const mayModerate = isCreator || actor.role === 'facilitator' || actor.role === 'sponsor';
    for (const key of Object.keys(fields)) {
      if (MODERATED.includes(key) && !mayModerate) {
        return no(
          'Only the person who shared this idea or a facilitator can change it',
          `fields.${key}`,
        );
      }
      if (AUTHOR_ONLY.includes(key) && !isCreator) {
        return no(
          'Only the person who shared this idea can change who it is from',
          `fields.${key}`,
        );
      }
    }
    // The change log cannot forget an author it has already told the team.
    if (fields['anonymous'] === true && existing.state.fields['anonymous'] === false) {
      return no(
        'An idea shared with a name cannot be made anonymous afterwards',
        'fields.anonymous',
      );
    }
  }
  const merged = applyFields(
    existing.kind === 'own' ? existing.state : undefined,
    fields,
    m.hlc,
  ).fields;
  if (
    merged['anonymous'] === true &&
    ((merged['authorId'] ?? null) !== null || (merged['authorName'] ?? null) !== null)
  ) {
    return no(
      'An anonymous idea cannot carry its author’s name',
      fields['authorId'] ? 'fields.authorId' : 'fields.authorName',
    );
  }
  return OK;
}

export function checkComment(
  actor: Actor,
  m: Mutation & { entity: 'comment' },
  existing: Existing,
  /** Whether `fields.ideaId` names an idea of the actor's team (looked up only on creation). */
  ideaInTeam: boolean,
): Verdict {
  const fields = fieldsOf(m);
  if (existing.kind === 'other-team') return no('This comment belongs to another team', 'entityId');
  if (existing.kind === 'none') {
    const missing = missingCreateField('comment', fields);
    if (missing)
      return no('This comment must be posted before it can be changed', `fields.${missing}`);
    if (!ideaInTeam)
      return no('This comment is on an idea your team does not have', 'fields.ideaId');
    return checkAuthor(actor, fields, 'A comment');
  }
  for (const key of Object.keys(fields)) {
    if (key !== 'deleted' && fields[key] !== existing.state.fields[key]) {
      return no('A comment cannot be edited after it is posted', `fields.${key}`);
    }
  }
  if ('deleted' in fields && existing.createdBy !== actor.memberId) {
    return no('Only the person who wrote a comment can delete it', 'fields.deleted');
  }
  return OK;
}

export function checkTeam(actor: Actor, m: Mutation & { entity: 'team' }): Verdict {
  if (m.entityId !== actor.teamId) return no('This change is for another team', 'entityId');
  if (actor.role !== 'facilitator')
    return no('Only a facilitator can change the team’s name or categories');
  return OK;
}
