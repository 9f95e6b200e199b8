/** Everything the challenge home and the review pack show, in one read. */
import { currentChallenge, allAsks, me } from './challengeQueries.ts';
import { cyclesOf, listMeasures, measureData, type MeasureData } from './improvementQueries.ts';
import type { PdsaRow } from './improvementRows.ts';
import type { IdeaRow, GroundUpDb } from './schema.ts';
import { idsOf } from '../domain/challenge.ts';
import { getSession } from './session.ts';

export type IdeaWithCycles = { readonly idea: IdeaRow; readonly cycles: PdsaRow[] };

export async function challengeData(db: GroundUpDb) {
  const challenge = await currentChallenge(db);
  const who = await me(db);
  const session = await getSession(db);
  // The ward's name as last synced (a facilitator may rename it), else as joined.
  const teamName = session
    ? ((await db.teams.get(session.team.id))?.name ?? session.team.name)
    : null;
  const measures = await listMeasures(db);
  const ideas = (await db.ideas.toArray()).filter(
    (i) => i.deleted !== true && typeof i.title === 'string',
  );
  if (!challenge)
    return {
      challenge,
      who,
      teamName,
      measures,
      ideas,
      outcome: null,
      linked: [],
      tests: [],
      asks: [],
    };
  const outcome = challenge.outcomeMeasureId
    ? await measureData(db, challenge.outcomeMeasureId)
    : null;
  const linked: MeasureData[] = [];
  for (const id of idsOf(challenge.measureIds)) {
    const d = id === challenge.outcomeMeasureId ? null : await measureData(db, id);
    if (d) linked.push(d);
  }
  const chosen = new Set(idsOf(challenge.ideaIds));
  const tests: IdeaWithCycles[] = [];
  for (const idea of ideas) {
    const cycles = await cyclesOf(db, idea.id);
    if (
      chosen.has(idea.id) ||
      cycles.length > 0 ||
      idea.status === 'testing' ||
      idea.status === 'adopted'
    )
      tests.push({ idea, cycles });
  }
  const asks = await allAsks(db);
  return { challenge, who, teamName, measures, ideas, outcome, linked, tests, asks };
}
