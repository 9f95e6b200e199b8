/**
 * Who may write tests of change, measures, data points and tally taps.
 * Anyone in the team may create them (a test is the team's, and whoever is on
 * shift records what happened). After that:
 * - a PDSA cycle's Do and Study anyone in the team may fill in; its Plan, Act
 *   and deletion only whoever started the cycle or a facilitator or sponsor;
 *   an Act needs a plan first (pdsa.ts `actBlocked`);
 * - a measure and a data point: whoever made it, or a facilitator or sponsor
 *   (ghosting, recalculation points and notes included);
 * - a tap is only ever undone (deleted), by whoever tapped or a facilitator;
 * - what a record belongs to (idea, cycle number, measure) never changes, and
 *   a cycle's id is derived from its idea and number (`cycleId`).
 *
 * An edit is judged on what it would change: a field whose stamp loses to the
 * one held changes nothing, so needs no permission. A cycle created on two
 * phones offline arrives twice; the creation is stamped as a default
 * (hlc.ts `defaultStamp`), so the second only fills in what nobody has written
 * and is accepted from anyone in the team, as the first was, if it is shaped
 * like a creation (`checkRecreate`). A plan nobody has written yet is anyone's
 * to fill in (the second to start a test offline is not its starter).
 * docs/decisions/0007-default-stamps.md.
 */
import type { Transaction } from 'kysely';
import { applyFields } from '../../src/domain/idea.ts';
import { FIXED_FIELDS, type ImprovementEntity } from '../../src/domain/improvement.ts';
import { isDefaultStamp } from '../../src/domain/hlc.ts';
import { remoteWins, type Fields, type Stamped } from '../../src/domain/merge.ts';
import { actBlocked, cycleId, PLAN_FIELDS } from '../../src/domain/pdsa.ts';
import type { Mutation } from '../../src/domain/protocol.ts';
import { CREATE_FIELDS } from '../../src/domain/records.ts';
import { ideaInTeam } from './entities.ts';
import { measureInTeam, readImprovement } from './improvementEntities.ts';
import { fieldsOf, type Actor, type Existing, type Verdict } from './rules.ts';
import type { Database } from './schema.ts';

type ImprovementMutation = Mutation & { entity: ImprovementEntity };
type Judged = { verdict: Verdict; before: { state: Stamped | undefined; visible: boolean } };

const OK: Verdict = { ok: true };
const no = (reason: string, field?: string): Verdict =>
  field === undefined ? { ok: false, reason } : { ok: false, reason, field };

const WORDS: Readonly<Record<ImprovementEntity, string>> = {
  pdsa: 'test of change',
  measure: 'measure',
  point: 'data point',
  tap: 'tally',
  challenge: '100-day challenge',
  ask: 'ask',
};
/** The parts of a cycle anyone in the team may fill in. */
const DO_STUDY = ['asPlanned', 'problems', 'observations', 'results', 'learning'];

const leads = (actor: Actor) => actor.role === 'facilitator' || actor.role === 'sponsor';

async function checkCreate(
  trx: Transaction<Database>,
  actor: Actor,
  m: ImprovementMutation,
): Promise<Verdict> {
  const fields = fieldsOf(m);
  const gap = CREATE_FIELDS[m.entity].find((f) => !(f in fields));
  if (gap)
    return no(`This ${WORDS[m.entity]} must be created before it can be changed`, `fields.${gap}`);
  if (m.entity === 'pdsa') {
    if (!(await ideaInTeam(trx, actor.teamId, fields['ideaId'])))
      return no('This test of change is for an idea your team does not have', 'fields.ideaId');
    if (m.entityId !== cycleId(String(fields['ideaId']), Number(fields['cycle'])))
      return no('A cycle’s id must be derived from its idea and number', 'entityId');
  }
  if (m.entity === 'challenge' && !leads(actor))
    return no('Only a facilitator or sponsor can set up the 100-day challenge');
  if (m.entity === 'ask') {
    if (!(await ideaInTeam(trx, actor.teamId, fields['ideaId'])))
      return no('This ask is about an idea your team does not have', 'fields.ideaId');
    if (fields['askedBy'] !== actor.memberId)
      return no('An ask can only name you as who asked', 'fields.askedBy');
    if ((fields['answer'] ?? null) !== null)
      return no('An ask cannot be answered as it is made', 'fields.answer');
  }
  if (m.entity === 'measure' && typeof fields['ideaId'] === 'string') {
    if (!(await ideaInTeam(trx, actor.teamId, fields['ideaId'])))
      return no('This measure is for an idea your team does not have', 'fields.ideaId');
  }
  if (
    (m.entity === 'point' || m.entity === 'tap') &&
    !(await measureInTeam(trx, actor.teamId, fields['measureId']))
  )
    return no('This is for a measure your team does not have', 'fields.measureId');
  return OK;
}

/** The mutation's fields that the merge would take (their stamp beats the one held). */
function winningFields(m: ImprovementMutation, held: Stamped): Fields {
  return Object.fromEntries(
    Object.entries(fieldsOf(m)).filter(([k]) => remoteWins(held.stamps[k], m.hlc)),
  );
}

/**
 * A cycle created again (another phone started the same test, or adapted into
 * the same next cycle, offline): default-stamped, for the cycle it names, and
 * shaped like a new cycle — no decision, not deleted, nothing done or studied
 * yet. Its plan may be any text (an adapted cycle carries its plan over); as a
 * default it only fills in what nobody has written.
 */
function checkRecreate(m: ImprovementMutation, before: Fields): Verdict {
  const fields = fieldsOf(m);
  for (const key of ['ideaId', 'cycle']) {
    if (key in fields && fields[key] !== before[key])
      return no(`What a ${WORDS[m.entity]} belongs to cannot change`, `fields.${key}`);
  }
  const blank: Fields = { act: null, deleted: false, next: '', asPlanned: null };
  for (const key of [...Object.keys(blank), ...DO_STUDY.filter((k) => k !== 'asPlanned')]) {
    if (key in fields && fields[key] !== (key in blank ? blank[key] : ''))
      return no('A cycle’s creation cannot carry what was done or decided', `fields.${key}`);
  }
  return OK;
}

/** Plan fields nobody has really written yet (absent, or only a creation's default). */
function blankPlan(held: Stamped): (key: string) => boolean {
  return (key) => {
    if (!(PLAN_FIELDS as readonly string[]).includes(key)) return false;
    const stamp = held.stamps[key];
    return stamp === undefined || isDefaultStamp(stamp);
  };
}

function checkEdit(
  actor: Actor,
  m: ImprovementMutation,
  existing: Existing & { kind: 'own' },
): Verdict {
  const before = existing.state.fields;
  if (m.entity === 'pdsa' && isDefaultStamp(m.hlc)) return checkRecreate(m, before);
  const fields = winningFields(m, existing.state);
  for (const key of FIXED_FIELDS[m.entity]) {
    if (key in fields && fields[key] !== before[key])
      return no(`What a ${WORDS[m.entity]} belongs to cannot change`, `fields.${key}`);
  }
  const mayEdit = existing.createdBy === actor.memberId || leads(actor);
  if (m.entity === 'challenge')
    return leads(actor) ? OK : no('Only a facilitator or sponsor can change the 100-day challenge');
  if (m.entity === 'ask') return checkAskEdit(actor, fields, existing);
  if (m.entity === 'tap') {
    const other = Object.keys(fields).find((k) => k !== 'deleted' && fields[k] !== before[k]);
    if (other) return no('A tally tap can only be undone', `fields.${other}`);
    if (!(existing.createdBy === actor.memberId || actor.role === 'facilitator'))
      return no('Only whoever tapped, or a facilitator, can undo a tap', 'fields.deleted');
    return OK;
  }
  // A cycle's plan nobody has written yet is anyone's to fill in: two people
  // may each have started the test offline, and the second is not its starter.
  const open = m.entity === 'pdsa' ? blankPlan(existing.state) : () => false;
  const guarded =
    m.entity === 'pdsa'
      ? Object.keys(fields).filter((k) => !DO_STUDY.includes(k) && !open(k))
      : Object.keys(fields);
  const changed = guarded.find((k) => fields[k] !== before[k]);
  if (changed && !mayEdit) {
    return no(
      m.entity === 'pdsa'
        ? 'Only whoever started this cycle, or a facilitator or sponsor, can change its plan or decision'
        : `Only whoever added this ${WORDS[m.entity]}, or a facilitator or sponsor, can change it`,
      `fields.${changed}`,
    );
  }
  return OK;
}

/** push.ts's branch for PDSA cycles, measures, points and taps. */
export async function judgeImprovement(
  trx: Transaction<Database>,
  actor: Actor,
  m: ImprovementMutation,
): Promise<Judged> {
  const existing = await readImprovement(trx, actor.teamId, m.entity, m.entityId);
  const state = existing.kind === 'own' ? existing.state : undefined;
  const visible = existing.kind !== 'other-team';
  let verdict: Verdict;
  if (existing.kind === 'other-team')
    verdict = no(`This ${WORDS[m.entity]} belongs to another team`, 'entityId');
  else if (existing.kind === 'none') verdict = await checkCreate(trx, actor, m);
  else verdict = checkEdit(actor, m, existing);
  if (verdict.ok && m.entity === 'pdsa' && m.fields.act) {
    const blocked = actBlocked(applyFields(state, fieldsOf(m), m.hlc).fields as never);
    if (blocked) verdict = no(blocked, 'fields.act');
  }
  return { verdict, before: { state, visible } };
}

const ANSWER_FIELDS = ['answer', 'answerNote', 'answeredBy', 'answeredByName', 'answeredAt'];

/** The sponsor answers an ask; only whoever asked may change or withdraw the question. */
function checkAskEdit(actor: Actor, fields: Fields, existing: Existing & { kind: 'own' }): Verdict {
  const before = existing.state.fields;
  for (const key of Object.keys(fields)) {
    if (fields[key] === before[key]) continue;
    if (ANSWER_FIELDS.includes(key)) {
      if (actor.role !== 'sponsor')
        return no('Only the sponsor can answer an ask', `fields.${key}`);
    } else if (existing.createdBy !== actor.memberId) {
      return no('Only whoever asked can change the question', `fields.${key}`);
    }
  }
  const by = fields['answeredBy'];
  if (by !== undefined && by !== null && by !== actor.memberId)
    return no('An answer can only name you as who answered', 'fields.answeredBy');
  return OK;
}
