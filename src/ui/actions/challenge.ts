/** The 100-day challenge and the asks of its sponsor. */
import type { AskFields, Answer } from '../../domain/improvement.ts';
import {
  answerAsk as answerAskWrite,
  askSponsor as askSponsorWrite,
  saveChallenge as saveChallengeWrite,
  type ChallengeInput,
} from '../../db/challengeWrites.ts';
import { write } from './run.ts';

/** Set up the challenge (`id` null) or change it. */
export function saveChallenge(id: string | null, input: ChallengeInput) {
  return write((db, at) => saveChallengeWrite(db, id, input, at));
}

export function askSponsor(ask: Pick<AskFields, 'ideaId' | 'pdsaId' | 'kind' | 'text'>) {
  return write((db, at) => askSponsorWrite(db, ask, at));
}

/** The sponsor's answer: backed, needs more, or not now, with a note. */
export function answerAsk(askId: string, answer: Answer, note: string) {
  return write((db, at) => answerAskWrite(db, askId, answer, note, at));
}
