/**
 * Huddle writes: start, reorder, close, choose what to test, move an idea
 * (taps on dots are in voteWrites.ts). Each user action is ONE strict transaction (several mutations when the
 * action changes several records, e.g. "test the chosen ideas"), through the
 * same commit() as every other write.
 */
import { HUDDLE_LIMITS, type HuddleFields } from '../domain/huddle.ts';
import type { IdeaId, MutationId } from '../domain/ids.ts';
import type { Mutation } from '../domain/protocol.ts';
import type { IdeaStatus } from '../domain/records.ts';
import { newId } from '../lib/id.ts';
import type { WriteResult } from './errors.ts';
import { getSession } from './session.ts';
import type { GroundUpDb } from './schema.ts';
import { attempt, commit, commitAll } from './writes.ts';

type Result<T extends object> = Promise<WriteResult<T>>;

async function me(db: GroundUpDb) {
  const session = await getSession(db);
  if (!session) throw new Error('not in a team');
  return session.member;
}

export type NewHuddle = {
  readonly title: string;
  readonly dotsPerMember: number;
  /** 0: no timer. */
  readonly minutes: number;
  readonly hidden: boolean;
  readonly shortlist: readonly string[];
};

/** Start a huddle (facilitators); new ideas on its shortlist become shortlisted. */
export function startHuddle(db: GroundUpDb, input: NewHuddle, now: number): Result<{ id: string }> {
  const id = newId<string>();
  return attempt(async () => {
    const member = await me(db);
    const fields: Omit<HuddleFields, 'outcome'> & { outcome: string } = {
      title: input.title.trim(),
      dotsPerMember: input.dotsPerMember,
      endsAt:
        input.minutes > 0 ? now + Math.min(input.minutes, HUDDLE_LIMITS.maxMinutes) * 60_000 : null,
      hidden: input.hidden,
      shortlist: JSON.stringify(input.shortlist),
      state: 'open',
      startedBy: member.id,
      startedAt: now,
      closedAt: null,
      outcome: '[]',
    };
    const ideas = await db.ideas.bulkGet([...input.shortlist]);
    const toShortlist = ideas.filter((i) => i?.status === 'new').map((i) => i?.id ?? '');
    await commitAll(
      db,
      [
        ({ hlc }) => ({ id: newId<MutationId>(), entity: 'huddle', entityId: id, fields, hlc }),
        ...toShortlist.map((ideaId) => statusBuild(ideaId, 'shortlisted', member.id)),
      ],
      now,
    );
    return { id };
  });
}

function statusBuild(ideaId: string, status: IdeaStatus, by: string) {
  return ({ hlc, now }: { hlc: Mutation['hlc']; now: number }): Mutation => ({
    id: newId<MutationId>(),
    entity: 'idea',
    entityId: ideaId as IdeaId,
    fields: { status, statusBy: by, statusAt: now },
    hlc,
  });
}

/** Move an idea along, recording who and when (the server checks who may). */
export function moveIdea(db: GroundUpDb, ideaId: string, status: IdeaStatus, now: number) {
  return attempt(async () => {
    const member = await me(db);
    await commit(db, statusBuild(ideaId, status, member.id), now);
    return { id: ideaId };
  });
}

/** Change some of a huddle's fields (reorder, timer, close): one LWW write. */
export function changeHuddle(
  db: GroundUpDb,
  huddleId: string,
  fields: Partial<Omit<HuddleFields, 'startedBy' | 'startedAt'>>,
  now: number,
) {
  return attempt(async () => {
    await commit(
      db,
      ({ hlc }) => ({ id: newId<MutationId>(), entity: 'huddle', entityId: huddleId, fields, hlc }),
      now,
    );
    return { id: huddleId };
  });
}

export function closeHuddle(db: GroundUpDb, huddleId: string, now: number) {
  return changeHuddle(db, huddleId, { state: 'closed', closedAt: now }, now);
}

/** The outcome and "these ideas are now testing", in one step. */
export function chooseToTest(
  db: GroundUpDb,
  huddleId: string,
  ideaIds: readonly string[],
  now: number,
) {
  return attempt(async () => {
    const member = await me(db);
    await commitAll(
      db,
      [
        ({ hlc }) => ({
          id: newId<MutationId>(),
          entity: 'huddle',
          entityId: huddleId,
          fields: { outcome: JSON.stringify(ideaIds) },
          hlc,
        }),
        ...ideaIds.map((id) => statusBuild(id, 'testing', member.id)),
      ],
      now,
    );
    return { id: huddleId };
  });
}
