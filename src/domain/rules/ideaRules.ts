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
  const words = kind === 'idea' ? 'idea' : 'comment';
  const erasing = ERASE_FIELDS.find((k) => k in fields);
  if (erasing !== undefined)
    return no(
      'invalid',
      `Only “Erase it everywhere” can erase a ${words}; ask a facilitator to use it`,
      `fields.${erasing}`,
    );
  const hiding = HIDE_FIELDS.find((k) => k in fields);
  if (hiding !== undefined && !mayLead(actor.role))
    return no(
      'not-lead',
      `Only a facilitator or sponsor can hide or show a ${words}`,
      `fields.${hiding}`,
    );
  if (fields['hiddenBy'] !== undefined && fields['hiddenBy'] !== actor.memberId)
    return no('not-you', `Hiding a ${words} can only name you as who hid it`, 'fields.hiddenBy');
  const held = existing.kind === 'own' ? existing.state.fields : {};
  if (fields['hidden'] === true) {
    const reason = fields['hiddenReason'] ?? held['hiddenReason'];
    if (typeof reason !== 'string' || reason.trim() === '')
      return no(
        'invalid',
        `Say why the ${words} is hidden: its author reads the reason`,
        'fields.hiddenReason',
      );
  }
  if (held['erased'] === true) {
    const rewritten = Object.keys(ERASED_FIELDS[kind]).find(
      (k) => k in fields && fields[k] !== held[k],
    );
    if (rewritten !== undefined)
      return no(
        'fixed',
        `This ${words} was erased by a facilitator; its words cannot be written again`,
        `fields.${rewritten}`,
      );
  }
  return OK;
}

/** Fields the author or a facilitator/sponsor may change; `status` anyone may; the rest only the author. */
const MODERATED = ['title', 'detail', 'category', 'deleted'];
const AUTHOR_ONLY = ['anonymous', 'authorId', 'authorName', 'createdAt'];

export const judgeIdea: Judge<'idea'> = ({ actor, m, fields, existing }) => {
  const moderation = checkModeration('idea', actor, fields, existing);
  if (!moderation.ok) return moderation;
  const author = onlyYou(actor, fields, 'authorId', 'An idea can only name you as its author');
  if (!author.ok) return author;
  if (existing.kind === 'own') {
    const isCreator = existing.createdBy === actor.memberId;
    const mayModerate = isCreator || mayLead(actor.role);
    for (const key of Object.keys(fields)) {
      if (MODERATED.includes(key) && !mayModerate)
        return no(
          'not-owner',
          'Only the person who shared this idea or a facilitator can change it',
          `fields.${key}`,
        );
      if (AUTHOR_ONLY.includes(key) && !isCreator)
        return no(
          'not-owner',
          'Only the person who shared this idea can change who it is from',
          `fields.${key}`,
        );
    }
    // The change log cannot forget an author it has already told the team.
    if (fields['anonymous'] === true && existing.state.fields['anonymous'] === false)
      return no(
        'invalid',
        'An idea shared with a name cannot be made anonymous afterwards',
        'fields.anonymous',
      );
  }
  const held = existing.kind === 'own' ? existing.state : undefined;
  const merged = applyFields(held, fields, m.hlc).fields;
  if (
    merged['anonymous'] === true &&
    ((merged['authorId'] ?? null) !== null || (merged['authorName'] ?? null) !== null)
  )
    return no(
      'invalid',
      'An anonymous idea cannot carry its author’s name',
      fields['authorId'] ? 'fields.authorId' : 'fields.authorName',
    );
  const by = onlyYou(
    actor,
    fields,
    'statusBy',
    'A status change can only name you as who moved it',
  );
  if (!by.ok) return by;
  // Who moved an anonymous idea must not point to its author ("shortlisted by Adam").
  const isAuthor = existing.kind === 'none' || existing.createdBy === actor.memberId;
  if (merged['anonymous'] === true && isAuthor && fields['statusBy'] === actor.memberId)
    return no(
      'invalid',
      'A move of your own anonymous idea is not signed, so that colleagues cannot tell it is yours. Update the app and try again.',
      'fields.statusBy',
    );
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
    if (idea?.kind !== 'own')
      return no('no-parent', 'This comment is on an idea your team does not have', 'fields.ideaId');
    return onlyYou(actor, fields, 'authorId', 'A comment can only name you as its author');
  }
  for (const key of Object.keys(fields)) {
    const moderated = (HIDE_FIELDS as readonly string[]).includes(key);
    if (key !== 'deleted' && !moderated && fields[key] !== existing.state.fields[key])
      return no('fixed', 'A comment cannot be edited after it is posted', `fields.${key}`);
  }
  if ('deleted' in fields && existing.createdBy !== actor.memberId)
    return no('not-owner', 'Only the person who wrote a comment can delete it', 'fields.deleted');
  return OK;
};

export const judgeTeam: Judge<'team'> = ({ actor, m }) => {
  if (m.entityId !== actor.teamId)
    return no('other-team', 'This change is for another team', 'entityId');
  if (actor.role !== 'facilitator')
    return no('not-lead', 'Only a facilitator can change the team’s name or categories');
  return OK;
};
