/**
 * Who may start, change and close a huddle, cast a vote, and move an idea's
 * status. The vote budget and the status workflow are the pure rules of
 * src/domain/huddleRules.ts (the page uses the same ones); this file looks up
 * the facts inside the push transaction and answers with a Verdict.
 */
import type { Transaction } from 'kysely';
import { applyFields } from '../../src/domain/idea.ts';
import { normaliseName, parseIds, voteIdOf } from '../../src/domain/huddle.ts';
import { checkStatusMove, checkVote } from '../../src/domain/huddleRules.ts';
import type { Stamped } from '../../src/domain/merge.ts';
import type { Mutation } from '../../src/domain/protocol.ts';
import { CREATE_FIELDS, type IdeaStatus } from '../../src/domain/records.ts';
import { asVote, readHuddleEntity, teamIdeas, votesOf } from './huddleEntities.ts';
import { fieldsOf, type Actor, type Existing, type Verdict } from './rules.ts';
import type { Database } from './schema.ts';

type Judged = { verdict: Verdict; before: { state: Stamped | undefined; visible: boolean } };
const OK: Verdict = { ok: true };
const no = (reason: string, field?: string): Verdict =>
  field === undefined ? { ok: false, reason } : { ok: false, reason, field };

/** Extra idea rules: statusBy names the pusher; the status workflow (checkStatusMove). */
export function checkIdeaStatus(
  actor: Actor,
  m: Mutation & { entity: 'idea' },
  existing: Existing,
): Verdict {
  const { status, statusBy } = m.fields;
  if (statusBy !== undefined && statusBy !== null && statusBy !== actor.memberId)
    return no('A status change can only name you as who moved it', 'fields.statusBy');
  if (status === undefined) return OK;
  const own = existing.kind === 'own';
  const from = own ? (existing.state.fields['status'] as IdeaStatus | undefined) : undefined;
  const isAuthor = !own || existing.createdBy === actor.memberId;
  return checkStatusMove(actor.role, isAuthor, from, status);
}

function missing(entity: 'huddle' | 'vote', fields: Stamped['fields']): string | undefined {
  return CREATE_FIELDS[entity].find((f) => !(f in fields));
}

async function checkHuddle(
  trx: Transaction<Database>,
  actor: Actor,
  m: Mutation & { entity: 'huddle' },
  existing: Existing,
): Promise<Verdict> {
  const fields = fieldsOf(m);
  if (existing.kind === 'other-team') return no('This huddle belongs to another team', 'entityId');
  if (actor.role !== 'facilitator') return no('Only a facilitator can start or run a huddle');
  if (existing.kind === 'none') {
    const gap = missing('huddle', fields);
    if (gap) return no('This huddle must be started before it can be changed', `fields.${gap}`);
    if (fields['startedBy'] !== actor.memberId)
      return no('A huddle can only name you as who started it', 'fields.startedBy');
  }
  const before = existing.kind === 'own' ? existing.state.fields : {};
  if (before['state'] === 'closed') {
    if (fields['state'] === 'open') return no('A closed huddle cannot be reopened', 'fields.state');
    const changed = Object.keys(fields).find((k) => !['outcome', 'title', 'state'].includes(k));
    if (changed) return no('A closed huddle can only record its outcome', `fields.${changed}`);
  }
  const after = applyFields(
    existing.kind === 'own' ? existing.state : undefined,
    fields,
    m.hlc,
  ).fields;
  if (after['state'] === 'closed' && typeof after['closedAt'] !== 'number')
    return no('A closed huddle needs the time it closed', 'fields.closedAt');
  const shortlist = parseIds(after['shortlist'] as string | undefined);
  if ('shortlist' in fields) {
    const known = await teamIdeas(trx, actor.teamId, shortlist);
    if (known.size !== shortlist.length)
      return no('The shortlist names an idea your team does not have', 'fields.shortlist');
  }
  const outcome = parseIds(after['outcome'] as string | undefined);
  if (outcome.some((id) => !shortlist.includes(id)))
    return no('Only shortlisted ideas can be chosen', 'fields.outcome');
  return OK;
}

async function checkVoteMutation(
  trx: Transaction<Database>,
  actor: Actor,
  m: Mutation & { entity: 'vote' },
  existing: Existing,
): Promise<Verdict> {
  const fields = fieldsOf(m);
  if (existing.kind === 'other-team') return no('This vote belongs to another team', 'entityId');
  const before = existing.kind === 'own' ? asVote(existing.state.fields) : null;
  if (existing.kind === 'none') {
    const gap = missing('vote', fields);
    if (gap) return no('This vote must be cast before it can be changed', `fields.${gap}`);
  } else if (before) {
    // Who and what a vote is for never changes (a proxy vote's recorder may).
    for (const key of [
      'huddleId',
      'ideaId',
      'proxy',
      'proxyName',
      ...(before.proxy ? [] : ['memberId']),
    ]) {
      const was = existing.state.fields[key] ?? null;
      const now = fields[key] ?? null;
      // The same colleague typed another way ("Priya", "priya ") is the same voter.
      const same =
        key === 'proxyName' && typeof was === 'string' && typeof now === 'string'
          ? normaliseName(was) === normaliseName(now)
          : was === now;
      if (key in fields && !same)
        return no('A vote cannot be moved to another person or idea', `fields.${key}`);
    }
  }
  const merged = applyFields(existing.kind === 'own' ? existing.state : undefined, fields, m.hlc);
  const after = asVote(merged.fields);
  if (!after) return no('This vote is incomplete', 'fields');
  if (existing.kind === 'none' && voteIdOf(after) !== m.entityId)
    return no('A vote’s id must be derived from its huddle, idea and voter', 'entityId');
  const huddle = await readHuddleEntity(trx, actor.teamId, 'huddle', after.huddleId);
  const h = huddle.kind === 'own' ? huddle.state.fields : null;
  return checkVote({
    actor,
    huddle: h
      ? {
          state: h['state'] === 'closed' ? 'closed' : 'open',
          dotsPerMember: Number(h['dotsPerMember']),
          shortlist: parseIds(h['shortlist'] as string | undefined),
        }
      : null,
    before,
    after,
    votes: await votesOf(trx, after.huddleId),
  });
}

/** push.ts's branch for huddles and votes. */
export async function judgeHuddle(
  trx: Transaction<Database>,
  actor: Actor,
  m: Mutation & { entity: 'huddle' | 'vote' },
): Promise<Judged> {
  const existing = await readHuddleEntity(trx, actor.teamId, m.entity, m.entityId);
  const state = existing.kind === 'own' ? existing.state : undefined;
  const visible = existing.kind !== 'other-team';
  const verdict =
    m.entity === 'huddle'
      ? await checkHuddle(trx, actor, m, existing)
      : await checkVoteMutation(trx, actor, m, existing);
  return { verdict, before: { state, visible } };
}
