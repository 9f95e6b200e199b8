/**
 * Who may change an idea, a comment and the team's own fields. An idea's text
 * its author or a lead may change; who it is from only its author; its status
 * moves by the workflow of huddleRules.ts. A comment is never edited, only
 * withdrawn by whoever wrote it. Only a facilitator renames the team or its
 * categories. A lead may hide an idea or comment with a reason; nobody may
 * mark one erased by a change (only the server's erase does), and the words of
 * an erased record are never written again (src/domain/moderation.ts).
 */
import { applyFields } from '../idea.ts';
import { ERASE_FIELDS, ERASED_FIELDS, HIDE_FIELDS, type ErasableKind } from '../moderation.ts';
import type { Fields } from '../merge.ts';
import type { IdeaStatus } from '../records.ts';
import { onlyYou } from './common.ts';
import type { Judge } from './facts.ts';
import { checkStatusMove } from './huddleRules.ts';
import { mayLead, no, OK, type Actor, type Existing, type Verdict } from './verdict.ts';

/**
 * Hiding and erasure, for ideas and comments alike: only a lead hides (and
 * names themselves as who hid it, with a reason); `erased*` come only from the
 * server's erase; an erased record's words stay erased.
 */
function checkModeration(
  kind: ErasableKind,
  actor: Actor,
  fields: Fields,
  existing: Existing,
): Verdict {
  const erasing = ERASE_FIELDS.find((k) => k in fields);
  if (erasing !== undefined) return no('invalid', 'eraseOnly', `fields.${erasing}`, { kind });
  const hiding = HIDE_FIELDS.find((k) => k in fields);
  if (hiding !== undefined && !mayLead(actor.role))
    return no('not-lead', 'hideLead', `fields.${hiding}`, { kind });
  if (fields['hiddenBy'] !== undefined && fields['hiddenBy'] !== actor.memberId)
    return no('not-you', 'hideYou', 'fields.hiddenBy', { kind });
  const held = existing.kind === 'own' ? existing.state.fields : {};
  if (fields['hidden'] === true) {
    const reason = fields['hiddenReason'] ?? held['hiddenReason'];
    if (typeof reason !== 'string' || reason.trim() === '')
      return no('invalid', 'hideWhy', 'fields.hiddenReason', { kind });
  }
  if (held['erased'] === true) {
    const rewritten = Object.keys(ERASED_FIELDS[kind]).find(
      (k) => k in fields && fields[k] !== held[k],
    );
    if (rewritten !== undefined) return no('fixed', 'erased', `fields.${rewritten}`, { kind });
  }
  return OK;
}

/** Fields the author or a facilitator/sponsor may change; `status` anyone may; the rest only the author. */
const MODERATED = ['title', 'detail', 'category', 'deleted'];
const AUTHOR_ONLY = ['anonymous', 'authorId', 'authorName', 'createdAt'];

export const judgeIdea: Judge<'idea'> = ({ actor, m, fields, existing }) => {
  const moderation = checkModeration('idea', actor, fields, existing);
  if (!moderation.ok) return moderation;
  const author = onlyYou(actor, fields, 'authorId', 'ideaAuthor');
  if (!author.ok) return author;
  if (existing.kind === 'own') {
    const isCreator = existing.createdBy === actor.memberId;
    const mayModerate = isCreator || mayLead(actor.role);
    for (const key of Object.keys(fields)) {
      if (MODERATED.includes(key) && !mayModerate)
        return no('not-owner', 'ideaOwner', `fields.${key}`);
      if (AUTHOR_ONLY.includes(key) && !isCreator)
        return no('not-owner', 'ideaFrom', `fields.${key}`);
    }
    // The change log cannot forget an author it has already told the team.
    if (fields['anonymous'] === true && existing.state.fields['anonymous'] === false)
      return no('invalid', 'ideaNamed', 'fields.anonymous');
  }
  const held = existing.kind === 'own' ? existing.state : undefined;
  const merged = applyFields(held, fields, m.hlc).fields;
  if (
    merged['anonymous'] === true &&
    ((merged['authorId'] ?? null) !== null || (merged['authorName'] ?? null) !== null)
  )
    return no(
      'invalid',
      'anonymousName',
      fields['authorId'] ? 'fields.authorId' : 'fields.authorName',
    );
  const by = onlyYou(actor, fields, 'statusBy', 'statusBy');
  if (!by.ok) return by;
  // Who moved an anonymous idea must not point to its author ("shortlisted by Adam").
  const isAuthor = existing.kind === 'none' || existing.createdBy === actor.memberId;
  if (merged['anonymous'] === true && isAuthor && fields['statusBy'] === actor.memberId)
    return no('invalid', 'anonymousMove', 'fields.statusBy');
  const status = fields['status'] as IdeaStatus | undefined;
  if (status === undefined) return OK;
  const from = held?.fields['status'] as IdeaStatus | undefined;
  return checkStatusMove(actor.role, isAuthor, from, status);
};

export const judgeComment: Judge<'comment'> = ({ actor, fields, existing, facts }) => {
  const moderation = checkModeration('comment', actor, fields, existing);
  if (!moderation.ok) return moderation;
  if (existing.kind === 'none') {
    const idea =
      typeof fields['ideaId'] === 'string' ? facts.record('idea', fields['ideaId']) : null;
    if (idea?.kind !== 'own') return no('no-parent', 'commentNoIdea', 'fields.ideaId');
    return onlyYou(actor, fields, 'authorId', 'commentAuthor');
  }
  for (const key of Object.keys(fields)) {
    const moderated = (HIDE_FIELDS as readonly string[]).includes(key);
    if (key !== 'deleted' && !moderated && fields[key] !== existing.state.fields[key])
      return no('fixed', 'commentFixed', `fields.${key}`);
  }
  if ('deleted' in fields && existing.createdBy !== actor.memberId)
    return no('not-owner', 'commentDelete', 'fields.deleted');
  return OK;
};

export const judgeTeam: Judge<'team'> = ({ actor, m }) => {
  if (m.entityId !== actor.teamId) return no('other-team', 'otherTeam', 'entityId');
  if (actor.role !== 'facilitator') return no('not-lead', 'teamLead');
  return OK;
};
