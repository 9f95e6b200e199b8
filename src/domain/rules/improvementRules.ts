/**
 * Who may write tests of change, measures, data points, tally taps, the
 * 100-day challenge and asks. Anyone in the team may create them (a test is
 * the team's, and whoever is on shift records what happened). After that:
 * - a PDSA cycle's Do and Study anyone in the team may fill in; its Plan, Act
 *   and deletion only whoever started the cycle or a facilitator or sponsor;
 *   an Act needs a plan first (pdsa.ts `actBlocked`);
 * - a measure and a data point: whoever made it, or a facilitator or sponsor
 *   (ghosting, rebasing and its reason, a fixed baseline and notes included);
 *   a rebase may name only a test of change of the team (decision 0017);
 * - a tap is only ever undone (deleted), by whoever tapped or a facilitator;
 * - the challenge: only a facilitator or sponsor sets it up or changes it;
 * - an ask: only the sponsor answers; only whoever asked changes the question;
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
import { isDefaultStamp } from '../hlc.ts';
import { applyFields } from '../idea.ts';
import type { Fields, Stamped } from '../merge.ts';
import { actBlocked, cycleId, PLAN_FIELDS } from '../pdsa.ts';
import { fixedChanged, onlyYou, winningFields } from './common.ts';
import type { Facts, Judge, Judgement } from './facts.ts';
import { mayLead, no, OK, type Actor, type Verdict } from './verdict.ts';

type Kind = 'pdsa' | 'measure' | 'point' | 'tap' | 'challenge' | 'ask';
type Own = Judgement<Kind>['existing'] & { kind: 'own' };

/** The parts of a cycle anyone in the team may fill in. */
const DO_STUDY = ['asPlanned', 'problems', 'observations', 'results', 'learning'];
const ANSWER_FIELDS = ['answer', 'answerNote', 'answeredBy', 'answeredByName', 'answeredAt'];

const ideaInTeam = (facts: Facts, id: unknown) =>
  typeof id === 'string' && facts.record('idea', id).kind === 'own';

function measureInTeam(facts: Facts, id: unknown): boolean {
  if (typeof id !== 'string') return false;
  const found = facts.record('measure', id);
  return found.kind === 'own' && found.state.fields['deleted'] !== true;
}

/** May `actor` change what `existing` holds: whoever made it, or a lead. */
const mayEdit = (actor: Actor, existing: Own) =>
  existing.createdBy === actor.memberId || mayLead(actor.role);

/**
 * Whether the person could change a cycle's plan or decision: for the screens,
 * before anything is typed. `startedHere`: this device (or person) started it.
 */
export function mayChangeCyclePlan(actor: Pick<Actor, 'role'>, startedByThem: boolean): boolean {
  return startedByThem || mayLead(actor.role);
}

// ---- creations -------------------------------------------------------------

function createPdsa(
  actor: Actor,
  m: Judgement<'pdsa'>['m'],
  fields: Fields,
  facts: Facts,
): Verdict {
  if (!ideaInTeam(facts, fields['ideaId'])) return no('no-parent', 'pdsaNoIdea', 'fields.ideaId');
  if (m.entityId !== cycleId(String(fields['ideaId']), Number(fields['cycle'])))
    return no('derived-id', 'cycleId', 'entityId');
  // Who started it (`startedBy`) is the server's to write: serverFields.ts.
  return OK;
}

// ---- edits -----------------------------------------------------------------

/**
 * A cycle created again (another phone started the same test, or adapted into
 * the same next cycle, offline): default-stamped, for the cycle it names, and
 * shaped like a new cycle — no decision, not deleted, nothing done or studied
 * yet. Its plan may be any text (an adapted cycle carries its plan over); as a
 * default it only fills in what nobody has written.
 */
function checkRecreate(fields: Fields, before: Fields): Verdict {
  for (const key of ['ideaId', 'cycle']) {
    if (key in fields && fields[key] !== before[key])
      return no('fixed', 'fixed', `fields.${key}`, { kind: 'pdsa' });
  }
  const blank: Fields = { act: null, deleted: false, next: '', asPlanned: null };
  for (const key of [...Object.keys(blank), ...DO_STUDY.filter((k) => k !== 'asPlanned')]) {
    if (key in fields && fields[key] !== (key in blank ? blank[key] : ''))
      return no('invalid', 'cycleCreation', `fields.${key}`);
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

function editPdsa(actor: Actor, m: Judgement<'pdsa'>['m'], all: Fields, existing: Own): Verdict {
  const before = existing.state.fields;
  if (isDefaultStamp(m.hlc)) return checkRecreate(all, before);
  const fields = winningFields(all, m.hlc, existing.state);
  const fixed = fixedChanged('pdsa', fields, before);
  if (!fixed.ok) return fixed;
  // A cycle's plan nobody has written yet is anyone's to fill in: two people
  // may each have started the test offline, and the second is not its starter.
  const open = blankPlan(existing.state);
  const guarded = Object.keys(fields).filter((k) => !DO_STUDY.includes(k) && !open(k));
  const changed = guarded.find((k) => fields[k] !== before[k]);
  if (changed && !mayEdit(actor, existing))
    return no('not-owner', 'cyclePlan', `fields.${changed}`);
  return OK;
}

function editOwned(
  kind: 'measure' | 'point',
  actor: Actor,
  fields: Fields,
  existing: Own,
): Verdict {
  const before = existing.state.fields;
  const fixed = fixedChanged(kind, fields, before);
  if (!fixed.ok) return fixed;
  const changed = Object.keys(fields).find((k) => fields[k] !== before[k]);
  if (changed && !mayEdit(actor, existing))
    return no('not-owner', 'ownedEdit', `fields.${changed}`, { kind });
  return OK;
}

/** The sponsor answers an ask; only whoever asked may change or withdraw the question. */
function editAsk(actor: Actor, fields: Fields, existing: Own): Verdict {
  const before = existing.state.fields;
  const fixed = fixedChanged('ask', fields, before);
  if (!fixed.ok) return fixed;
  for (const key of Object.keys(fields)) {
    if (fields[key] === before[key]) continue;
    if (ANSWER_FIELDS.includes(key)) {
      if (actor.role !== 'sponsor') return no('not-lead', 'askAnswer', `fields.${key}`);
    } else if (existing.createdBy !== actor.memberId) {
      return no('not-owner', 'askQuestion', `fields.${key}`);
    }
  }
  return onlyYou(actor, fields, 'answeredBy', 'answerBy');
}

// ---- the judges ------------------------------------------------------------

export const judgePdsa: Judge<'pdsa'> = ({ actor, m, fields, existing, facts }) => {
  const verdict =
    existing.kind === 'none'
      ? createPdsa(actor, m, fields, facts)
      : editPdsa(actor, m, fields, existing);
  if (!verdict.ok || !fields['act']) return verdict;
  const held = existing.kind === 'own' ? existing.state : undefined;
  const blocked = actBlocked(applyFields(held, fields, m.hlc).fields as never);
  return blocked ? no('invalid', 'actObjective', 'fields.act') : OK;
};

export const judgeMeasure: Judge<'measure'> = ({ actor, m, fields, existing, facts }) => {
  if (existing.kind === 'own')
    return editOwned('measure', actor, winningFields(fields, m.hlc, existing.state), existing);
  if (typeof fields['ideaId'] === 'string' && !ideaInTeam(facts, fields['ideaId']))
    return no('no-parent', 'measureNoIdea', 'fields.ideaId');
  return OK;
};

/** A rebase may name a test of change: one the team has (deleted or not, it happened). */
function rebaseCycle(fields: Fields, facts: Facts): Verdict {
  const id = fields['rebasePdsaId'];
  if (id === undefined || id === null) return OK;
  return typeof id === 'string' && facts.record('pdsa', id).kind === 'own'
    ? OK
    : no('no-parent', 'rebaseNoCycle', 'fields.rebasePdsaId');
}

export const judgePoint: Judge<'point'> = ({ actor, m, fields, existing, facts }) => {
  if (existing.kind === 'own') {
    const winning = winningFields(fields, m.hlc, existing.state);
    const edit = editOwned('point', actor, winning, existing);
    return edit.ok ? rebaseCycle(winning, facts) : edit;
  }
  if (!measureInTeam(facts, fields['measureId']))
    return no('no-parent', 'noMeasure', 'fields.measureId');
  return rebaseCycle(fields, facts);
};

export const judgeTap: Judge<'tap'> = ({ actor, m, fields: all, existing, facts }) => {
  if (existing.kind === 'none') {
    if (!measureInTeam(facts, all['measureId']))
      return no('no-parent', 'noMeasure', 'fields.measureId');
    return OK;
  }
  const before = existing.state.fields;
  const fields = winningFields(all, m.hlc, existing.state);
  const fixed = fixedChanged('tap', fields, before);
  if (!fixed.ok) return fixed;
  const other = Object.keys(fields).find((k) => k !== 'deleted' && fields[k] !== before[k]);
  if (other) return no('invalid', 'tapUndo', `fields.${other}`);
  if (!(existing.createdBy === actor.memberId || actor.role === 'facilitator'))
    return no('not-owner', 'tapOwner', 'fields.deleted');
  return OK;
};

export const judgeChallenge: Judge<'challenge'> = ({ actor, m, fields, existing }) => {
  if (existing.kind === 'own') {
    const fixed = fixedChanged(
      'challenge',
      winningFields(fields, m.hlc, existing.state),
      existing.state.fields,
    );
    if (!fixed.ok) return fixed;
  }
  if (!mayLead(actor.role))
    return no('not-lead', existing.kind === 'none' ? 'challengeSetUp' : 'challengeChange');
  return OK;
};

export const judgeAsk: Judge<'ask'> = ({ actor, m, fields, existing, facts }) => {
  if (existing.kind === 'own')
    return editAsk(actor, winningFields(fields, m.hlc, existing.state), existing);
  if (!ideaInTeam(facts, fields['ideaId'])) return no('no-parent', 'askNoIdea', 'fields.ideaId');
  if (fields['askedBy'] !== actor.memberId) return no('not-you', 'askedBy', 'fields.askedBy');
  if ((fields['answer'] ?? null) !== null) return no('invalid', 'askAnswered', 'fields.answer');
  return OK;
};
