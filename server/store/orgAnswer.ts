/**
 * A leader answers a linked team's ask from the portfolio (decision 0021).
 * The leader is no member of the team: the server builds the answer as a
 * mutation of the ask, stamped after everything the ask holds, and pushes it
 * through the team's one push path acting as the team's sponsor under the
 * leader's own id. So the ask's rule (only a sponsor answers, and an answer
 * names who gave it) judges it as any answer, it is logged once in the team's
 * change log, and every phone of the team gets it at its next pull.
 */
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Answer } from '../../src/domain/improvement.ts';
import type { PushResult } from '../../src/domain/protocol.ts';
import { stampAfter } from './erase.ts';
import { orgOfTeam } from './orgCounter.ts';
import type { OrgActor } from './orgs.ts';
import { push, TeamGone } from './push.ts';
import { readRecord } from './records.ts';
import type { Database } from './schema.ts';

export type AnswerInput = {
  readonly teamId: string;
  readonly askId: string;
  readonly answer: Answer;
  readonly note: string;
};

export type AnswerOutcome =
  | { readonly kind: 'answered'; readonly seq: number }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'refused'; readonly reason: string };

export async function answerAsk(
  db: Kysely<Database>,
  actor: OrgActor,
  input: AnswerInput,
  now: number,
): Promise<AnswerOutcome> {
  if ((await orgOfTeam(db, input.teamId)) !== actor.orgId) return { kind: 'not-found' };
  const ask = await readRecord(db, input.teamId, 'ask', input.askId);
  if (!ask || ask.state.fields['deleted'] === true) return { kind: 'not-found' };
  const leader = await db
    .selectFrom('org_members')
    .select('display_name')
    .where('id', '=', actor.memberId)
    .executeTakeFirstOrThrow();
  const mutation = {
    id: uuidv7(),
    entity: 'ask',
    entityId: input.askId,
    fields: {
      answer: input.answer,
      answerNote: input.note,
      answeredBy: actor.memberId,
      answeredByName: leader.display_name,
      answeredAt: now,
    },
    hlc: stampAfter(ask.state.stamps, now),
  };
  let result: PushResult | undefined;
  try {
    [result] = await push(
      db,
      { teamId: input.teamId, memberId: actor.memberId, role: 'sponsor' },
      [mutation],
      now,
    );
  } catch (err) {
    // The team was deleted while the answer waited for its turn: the ask is gone with it.
    if (err instanceof TeamGone) return { kind: 'not-found' };
    throw err;
  }
  return outcomeOf(result);
}

function outcomeOf(result: PushResult | undefined): AnswerOutcome {
  if (result?.kind === 'applied') return { kind: 'answered', seq: result.seq };
  return { kind: 'refused', reason: result?.kind === 'rejected' ? result.reason : 'not applied' };
}
