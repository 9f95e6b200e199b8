/** Writes for the 100-day challenge and the asks of its sponsor: one strict transaction each. */
import type { Answer, AskFields, ChallengeFields } from '../domain/improvement.ts';
import type { Mutation } from '../domain/protocol.ts';
import { newId } from '../lib/id.ts';
import type { WriteResult } from './errors.ts';
import { getSession } from './session.ts';
import type { GroundUpDb } from './schema.ts';
import { attempt, build, commit } from './writes.ts';
import { t as words } from './writes.en.ts';

type Result<T extends object> = Promise<WriteResult<T>>;

async function write(
  db: GroundUpDb,
  entity: Mutation['entity'],
  id: string,
  fields: object,
  now: number,
): Result<{ id: string }> {
  return attempt(async () => {
    await commit(db, build(entity, id, fields), now);
    return { id };
  });
}

export type ChallengeInput = Pick<
  ChallengeFields,
  'goal' | 'startDate' | 'sponsorId' | 'sponsorName' | 'outcomeMeasureId'
> & {
  readonly measureIds: readonly string[];
  readonly ideaIds: readonly string[];
};

/** Set up the challenge (`id` null) or change it. */
export function saveChallenge(
  db: GroundUpDb,
  id: string | null,
  input: ChallengeInput,
  now: number,
) {
  const fields = {
    ...input,
    goal: input.goal.trim(),
    measureIds: JSON.stringify(input.measureIds),
    ideaIds: JSON.stringify(input.ideaIds),
    ...(id === null ? { createdAt: now, deleted: false } : {}),
  };
  return write(db, 'challenge', id ?? newId<string>(), fields, now);
}

export async function askSponsor(
  db: GroundUpDb,
  ask: Pick<AskFields, 'ideaId' | 'pdsaId' | 'kind' | 'text'>,
  now: number,
) {
  const session = await getSession(db);
  if (!session) return { kind: 'error', message: words('joinForAsks') } as const;
  const fields: AskFields = {
    ...ask,
    text: ask.text.trim(),
    askedBy: session.member.id,
    askedByName: session.member.displayName,
    createdAt: now,
    answer: null,
    answerNote: '',
    answeredBy: null,
    answeredByName: null,
    answeredAt: null,
    deleted: false,
  };
  return write(db, 'ask', newId<string>(), fields, now);
}

/** The sponsor's answer: backed, needs more, or not now, with a note. */
export async function answerAsk(
  db: GroundUpDb,
  id: string,
  answer: Answer,
  note: string,
  now: number,
) {
  const session = await getSession(db);
  if (!session) return { kind: 'error', message: words('joinFirst') } as const;
  return write(
    db,
    'ask',
    id,
    {
      answer,
      answerNote: note.trim(),
      answeredBy: session.member.id,
      answeredByName: session.member.displayName,
      answeredAt: now,
    },
    now,
  );
}
