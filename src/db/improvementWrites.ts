/**
 * Writes for tests of change and measures: each user action is ONE strict
 * transaction through the same commit() as every other write (several
 * mutations when an Act also opens the next cycle or moves the idea).
 */
import type { Author } from '../domain/idea.ts';
import type { Act, MeasureFields, PdsaFields, PointFields } from '../domain/improvement.ts';
import { mutationOf } from '../domain/protocol.ts';
import { defaultStamp } from '../domain/hlc.ts';
import type { MutationId } from '../domain/ids.ts';
import { mayLead } from '../domain/rules/huddleRules.ts';
import { actBlocked, actOutcome, cycleId, newCycle } from '../domain/pdsa.ts';
import type { IdeaStatus } from '../domain/records.ts';
import { newId } from '../lib/id.ts';
import type { WriteResult } from './errors.ts';
import { getSession } from './session.ts';
import type { GroundUpDb } from './schema.ts';
import { attempt, build, commit, commitAll, type Build } from './writes.ts';
import { t as words } from './writes.en.ts';
import { t as rules } from '../domain/rules/rules.en.ts';

type Result<T extends object> = Promise<WriteResult<T>>;

/**
 * A cycle's creation, stamped as a default (hlc.ts `defaultStamp`): its id is
 * derived, so another phone may create the same cycle offline, after someone
 * has typed its plan; the creation then fills in only what nobody has written.
 */
function createCycle(id: string, fields: PdsaFields): Build {
  return ({ hlc, author }) => ({
    id: newId<MutationId>(),
    entity: 'pdsa',
    entityId: id,
    fields: { ...fields, startedBy: madeBy(author) },
    hlc: defaultStamp(hlc),
  });
}

/**
 * Who made a record, as the server will write it (domain/serverFields.ts),
 * written here too so that this phone knows at once its person made it.
 */
const madeBy = (author: Author) => (author ? author.id : undefined);

/** The idea's status move, when this person may make it (facilitators and sponsors). */
async function statusMove(db: GroundUpDb, ideaId: string, status: IdeaStatus, now: number) {
  const session = await getSession(db);
  if (!session || !mayLead(session.member.role)) return [];
  const idea = await db.ideas.get(ideaId);
  if (!idea || idea.status === status) return [];
  return [build('idea', ideaId, { status, statusBy: session.member.id, statusAt: now })];
}

/** Start an idea's test of change: cycle 1 (the same record on every device that starts it). */
export function startTest(db: GroundUpDb, ideaId: string, now: number): Result<{ id: string }> {
  const id = cycleId(ideaId, 1);
  return attempt(async () => {
    if (await db.pdsas.get(id)) return { id };
    const idea = await db.ideas.get(ideaId);
    const early = idea?.status === 'new' || idea?.status === 'shortlisted';
    await commitAll(
      db,
      [
        createCycle(id, newCycle(ideaId, 1, now)),
        ...(early ? await statusMove(db, ideaId, 'testing', now) : []),
      ],
      now,
    );
    return { id };
  });
}

export type CycleEdit = Partial<Omit<PdsaFields, 'ideaId' | 'cycle' | 'createdAt' | 'act'>>;

/** Save part of a cycle (Plan, Do or Study); only the fields that changed are sent. */
export function saveCycle(db: GroundUpDb, id: string, edit: CycleEdit, now: number) {
  return attempt(async () => {
    const row = await db.pdsas.get(id);
    const changed = Object.fromEntries(
      Object.entries(edit).filter(([k, v]) => row?.[k as keyof CycleEdit] !== v),
    );
    if (Object.keys(changed).length > 0) await commit(db, build('pdsa', id, changed), now);
    return { id };
  });
}

/**
 * Decide Act on a cycle: adapt opens the next cycle with the plan carried
 * over; adopt or abandon on the last cycle moves the idea (when this person
 * may move it; otherwise a facilitator does, and the screen says so).
 */
export function decideAct(
  db: GroundUpDb,
  id: string,
  act: Act,
  next: string,
  now: number,
): Result<{ id: string; nextId: string | null; ideaMoved: boolean }> {
  return db.pdsas.get(id).then((cycle) => {
    const blocked = !cycle
      ? words('cycleNotHere')
      : actBlocked(cycle) === null
        ? null
        : rules('actObjective');
    return blocked
      ? ({ kind: 'error', message: blocked } as const)
      : decide(db, id, act, next, now);
  });
}

function decide(db: GroundUpDb, id: string, act: Act, next: string, now: number) {
  return attempt(async () => {
    const cycle = await db.pdsas.get(id);
    if (!cycle) throw new Error(`no cycle ${id}`);
    const cycles = await db.pdsas.where('ideaId').equals(cycle.ideaId).toArray();
    const outcome = actOutcome(cycles, cycle, act, now);
    const nextId = outcome.nextCycle ? cycleId(cycle.ideaId, outcome.nextCycle.cycle) : null;
    const move = outcome.ideaStatus
      ? await statusMove(db, cycle.ideaId, outcome.ideaStatus, now)
      : [];
    const builds: Build[] = [build('pdsa', id, { act, next: next.trim() }), ...move];
    if (outcome.nextCycle && nextId && !(await db.pdsas.get(nextId)))
      builds.push(createCycle(nextId, outcome.nextCycle));
    await commitAll(db, builds, now);
    return { id, nextId, ideaMoved: move.length > 0 };
  });
}

export type NewMeasure = Pick<
  MeasureFields,
  'name' | 'unit' | 'definition' | 'direction' | 'target' | 'type' | 'ideaId' | 'tally'
>;

export function createMeasure(db: GroundUpDb, input: NewMeasure, now: number) {
  const id = newId<string>();
  return attempt(async () => {
    const fields: MeasureFields = {
      ...input,
      name: input.name.trim(),
      unit: input.unit.trim(),
      definition: input.definition.trim(),
      createdAt: now,
      deleted: false,
    };
    await commit(
      db,
      ({ hlc, author }) =>
        mutationOf(
          'measure',
          id,
          { ...fields, createdBy: madeBy(author) },
          newId<MutationId>(),
          hlc,
        ),
      now,
    );
    return { id };
  });
}

export type NewPoint = Pick<PointFields, 'date' | 'value' | 'note'>;

export function addPoint(db: GroundUpDb, measureId: string, input: NewPoint, now: number) {
  const id = newId<string>();
  return attempt(async () => {
    const fields: PointFields = {
      measureId,
      date: input.date,
      value: input.value,
      note: input.note.trim(),
      ghost: false,
      recalculate: false,
      createdAt: now,
      deleted: false,
    };
    await commit(
      db,
      ({ hlc, author }) =>
        mutationOf('point', id, { ...fields, createdBy: madeBy(author) }, newId<MutationId>(), hlc),
      now,
    );
    return { id };
  });
}

export type PointEdit = Partial<
  Pick<
    PointFields,
    'value' | 'note' | 'ghost' | 'recalculate' | 'rebaseReason' | 'rebasePdsaId' | 'deleted'
  >
>;

export function editPoint(db: GroundUpDb, id: string, edit: PointEdit, now: number) {
  return attempt(async () => {
    await commit(db, build('point', id, edit), now);
    return { id };
  });
}

/**
 * Fix a measure's limits on its first `points` points, or stop (null). One
 * field, one stamp: the later choice wins on every device (decision 0017).
 */
export function setBaseline(db: GroundUpDb, id: string, points: number | null, now: number) {
  return attempt(async () => {
    await commit(db, build('measure', id, { baselinePoints: points }), now);
    return { id };
  });
}

/**
 * Rebase at a point, or undo it: the marker, the reason and the cycle in ONE
 * mutation, so they share a stamp and a concurrent rebase of the same point
 * wins or loses as a whole (decision 0017).
 */
export function setRebase(
  db: GroundUpDb,
  id: string,
  rebase: { reason: string; pdsaId: string | null } | null,
  now: number,
) {
  const fields =
    rebase === null
      ? { recalculate: false, rebaseReason: '', rebasePdsaId: null }
      : { recalculate: true, rebaseReason: rebase.reason.trim(), rebasePdsaId: rebase.pdsaId };
  return editPoint(db, id, fields, now);
}

/** "+1 today": one tap record, so taps from several offline devices all count. */
export function tap(db: GroundUpDb, measureId: string, date: string, now: number) {
  const id = newId<string>();
  return attempt(async () => {
    await commit(db, build('tap', id, { measureId, date, createdAt: now, deleted: false }), now);
    return { id };
  });
}

export function undoTap(db: GroundUpDb, id: string, now: number) {
  return attempt(async () => {
    await commit(db, build('tap', id, { deleted: true }), now);
    return { id };
  });
}
