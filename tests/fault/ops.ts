/**
 * What a person does on a simulated phone, chosen at random from the device's
 * seeded stream, each through the real one-transaction writes in src/db:
 *
 * - ideas and comments: share, edit, move the status, delete, comment, delete
 *   one's own comment;
 * - huddles: a facilitator starts one on a shortlist, closes it, chooses what
 *   to test; anyone taps dots on and off (a facilitator also for a colleague,
 *   on the passed-round tablet, or for someone without the app);
 * - tests of change: start one, fill in its Plan, Do and Study, decide Act;
 * - measures: make one, add and correct data points, tap the tally and undo;
 * - the 100-day challenge: the facilitator sets it up or changes it; anyone
 *   asks the sponsor about an idea, and the sponsor (in some runs one of the
 *   phones is the sponsor's) answers;
 * - the facilitator renames the team's categories;
 * - in a team linked to an organisation: a facilitator or sponsor shares an
 *   adopted or adapted change (with a measure's chart as it stands, now and
 *   then) and withdraws one the team shared; anyone takes up a change another
 *   team shared.
 *
 * An operation the screen would not offer here (no huddle open, no cycle yet,
 * the dot rules refuse the tap) does nothing and returns null.
 */
import { answerAsk, askSponsor, saveChallenge } from '../../src/db/challengeWrites.ts';
import { getSession } from '../../src/db/session.ts';
import type { WriteResult } from '../../src/db/errors.ts';
import { chooseToTest, closeHuddle, startHuddle } from '../../src/db/huddleWrites.ts';
import {
  addPoint,
  createMeasure,
  decideAct,
  editPoint,
  saveCycle,
  startTest,
  tap,
  undoTap,
} from '../../src/db/improvementWrites.ts';
import { tapDot, type Voter } from '../../src/db/voteWrites.ts';
import { getTeamOrg } from '../../src/db/orgData.ts';
import { shareDraft } from '../../src/db/orgQueries.ts';
import { shareChange, takeShare, withdrawShare } from '../../src/db/orgWrites.ts';
import { takeId } from '../../src/domain/takeId.ts';
import { mayLead } from '../../src/domain/rules/verdict.ts';
import {
  addComment,
  captureIdea,
  deleteComment,
  editIdea,
  renameCategories,
} from '../../src/db/writes.ts';
import { parseIds } from '../../src/domain/huddle.ts';
import { ACTS, ANSWERS, ASK_KINDS, MEASURE_TYPES } from '../../src/domain/improvement.ts';
import { actBlocked } from '../../src/domain/pdsa.ts';
import type { CommentId, IdeaId } from '../../src/domain/ids.ts';
import { DEFAULT_CATEGORIES, IDEA_STATUSES } from '../../src/domain/records.ts';
import type { Device } from './device.ts';

export const OPS = [
  'capture',
  'edit',
  'status',
  'delete-idea',
  'comment',
  'delete-comment',
  'huddle-start',
  'vote',
  'huddle-close',
  'choose-to-test',
  'test-start',
  'cycle-plan',
  'cycle-do-study',
  'cycle-act',
  'measure-create',
  'point-add',
  'point-edit',
  'tally-tap',
  'tally-undo',
  'challenge',
  'ask-sponsor',
  'answer-ask',
  'team-categories',
  'share',
  'withdraw-share',
  'take',
] as const;
export type OpName = (typeof OPS)[number];

const TITLES = [
  'Drugs fridge key on a lanyard',
  'Discharge checklist at 10',
  'Label IV lines at the pump',
  'Spare obs machine for bay 3',
  'Water jugs filled at 2pm',
  'Quiet hours after 10pm',
  'Handover at the bedside',
  'Pressure area chart by the bed',
];
const WORDS = ['ask', 'the', 'matron', 'night', 'shift', 'bay', 'tray', 'rota', 'é', '—', '👍'];
const CATEGORIES = DEFAULT_CATEGORIES.map((c) => c.id);
/** Why a phone may refuse a dot (src/domain/rules/huddleRules.ts checkVote). */
const LOCAL_REFUSALS = [
  /^over your dots$/,
  /^Each idea can take 0 to \d+ dots$/,
  /^This huddle has closed/,
];

/** Colleagues without the app, as a facilitator types them on the tablet. */
const PROXIES = ['Sam (agency)', 'Priya', '  priya ', 'Jo from pharmacy'];

const WEIGHTS: Readonly<Record<OpName, number>> = {
  capture: 14,
  edit: 8,
  status: 8,
  'delete-idea': 3,
  comment: 10,
  'delete-comment': 4,
  'huddle-start': 8,
  vote: 25,
  'huddle-close': 5,
  'choose-to-test': 5,
  'test-start': 6,
  'cycle-plan': 8,
  'cycle-do-study': 8,
  'cycle-act': 8,
  'measure-create': 3,
  'point-add': 8,
  'point-edit': 5,
  'tally-tap': 8,
  'tally-undo': 4,
  challenge: 2,
  'ask-sponsor': 3,
  'answer-ask': 12,
  'team-categories': 2,
  share: 6,
  'withdraw-share': 2,
  take: 6,
};

export type OpContext = {
  /** Member ids of the other people in the team, as the tablet's member list shows them. */
  readonly colleagues: readonly string[];
};

type Outcome = {
  op: OpName;
  result: WriteResult<{ id: string }>;
  /**
   * A refusal the phone gave in words because what the person chose changed
   * under them (a pull landed between choosing and saving): the app doing
   * right, not a failure.
   */
  toldWhy?: string;
} | null;

function words(d: Device, n: number): string {
  return Array.from({ length: n }, () => d.random.pick(WORDS)).join(' ');
}

function weighted(d: Device): OpName {
  const total = OPS.reduce((sum, op) => sum + WEIGHTS[op], 0);
  let roll = d.random.next() * total;
  for (const op of OPS) {
    roll -= WEIGHTS[op];
    if (roll < 0) return op;
  }
  return 'capture';
}

const day = (now: number, back: number) =>
  new Date(now - back * 86_400_000).toISOString().slice(0, 10);

/** One operation; null when there was nothing to do it to (no idea yet, no huddle open). */
export async function randomOp(d: Device, now: number, ctx: OpContext): Promise<Outcome> {
  const op = weighted(d);
  const live = (await d.db.ideas.toArray()).filter(
    (i) => typeof i.title === 'string' && i.deleted !== true,
  );
  const idea = live.length > 0 ? (d.random.pick(live).id as IdeaId) : null;
  const session = await getSession(d.db);
  const facilitator = session?.member.role === 'facilitator';
  const done = (result: WriteResult<{ id: string }>): Outcome => ({ op, result });

  switch (op) {
    case 'capture': {
      const title = `${d.random.pick(TITLES)} ${d.random.int(1, 999)}`;
      const input = {
        title,
        detail: d.random.chance(0.5) ? words(d, d.random.int(1, 12)) : '',
        category: d.random.pick(CATEGORIES),
        anonymous: d.random.chance(0.2),
      };
      return done(await captureIdea(d.db, input, now));
    }
    case 'edit': {
      if (!idea) return null;
      const field = d.random.pick(['title', 'detail', 'category'] as const);
      const edit =
        field === 'title'
          ? { title: `${d.random.pick(TITLES)} (${words(d, 2)})` }
          : field === 'detail'
            ? { detail: words(d, d.random.int(0, 8)) }
            : { category: d.random.pick(CATEGORIES) };
      return done(await editIdea(d.db, idea, edit, now));
    }
    case 'status':
      if (!idea) return null;
      return done(await editIdea(d.db, idea, { status: d.random.pick(IDEA_STATUSES) }, now));
    case 'delete-idea':
      if (!idea) return null;
      return done(await editIdea(d.db, idea, { deleted: true }, now));
    case 'comment':
      if (!idea) return null;
      return done(await addComment(d.db, idea, words(d, d.random.int(1, 10)), now));
    case 'delete-comment': {
      const mine = (await d.db.comments.toArray()).filter(
        (c) => c.deleted === false && c.authorId === session?.member.id,
      );
      if (mine.length === 0) return null;
      const target = d.random.pick(mine).id as CommentId;
      return done(await deleteComment(d.db, target, now));
    }

    case 'huddle-start': {
      if (!facilitator || live.length === 0) return null;
      const shortlist = [...new Set(Array.from({ length: 4 }, () => d.random.pick(live).id))];
      const input = {
        title: `Huddle ${d.random.int(1, 99)}`,
        dotsPerMember: d.random.int(1, 4),
        minutes: 0,
        hidden: d.random.chance(0.3),
        shortlist,
      };
      return done(await startHuddle(d.db, input, now));
    }
    case 'vote': {
      if (!session) return null;
      const open = (await d.db.huddles.toArray()).filter((h) => h.state === 'open');
      if (open.length === 0) return null;
      const huddle = d.random.pick(open);
      const shortlist = parseIds(huddle.shortlist);
      if (shortlist.length === 0) return null;
      let voter: Voter = { kind: 'member', memberId: session.member.id };
      if (facilitator && d.random.chance(0.4)) {
        voter =
          ctx.colleagues.length > 0 && d.random.chance(0.5)
            ? { kind: 'member', memberId: d.random.pick(ctx.colleagues) }
            : { kind: 'proxy', name: d.random.pick(PROXIES) };
      }
      const delta = d.random.chance(0.75) ? 1 : -1;
      const r = await tapDot(d.db, huddle.id, d.random.pick(shortlist), voter, delta, now);
      if (r.kind === 'refused') {
        // The phone may refuse a tap only for the dots running out, the idea
        // holding all it can take, or the huddle having closed.
        if (!LOCAL_REFUSALS.some((ok) => ok.test(r.message)))
          throw new Error(`the phone refused a tap: ${r.message}`);
        return null;
      }
      return done(r.kind === 'saved' ? { kind: 'saved', id: huddle.id } : r);
    }
    case 'huddle-close':
    case 'choose-to-test': {
      if (!facilitator) return null;
      const state = op === 'huddle-close' ? 'open' : 'closed';
      const huddles = (await d.db.huddles.toArray()).filter((h) => h.state === state);
      if (huddles.length === 0) return null;
      const huddle = d.random.pick(huddles);
      if (op === 'huddle-close') return done(await closeHuddle(d.db, huddle.id, now));
      const chosen = parseIds(huddle.shortlist).filter(() => d.random.chance(0.5));
      return done(await chooseToTest(d.db, huddle.id, chosen, now));
    }

    case 'test-start':
      if (!idea) return null;
      return done(await startTest(d.db, idea, now));
    case 'cycle-plan':
    case 'cycle-do-study':
    case 'cycle-act': {
      const cycles = (await d.db.pdsas.toArray()).filter((c) => c.deleted !== true);
      if (cycles.length === 0) return null;
      const cycle = d.random.pick(cycles);
      if (op === 'cycle-plan') {
        const plan = {
          objective: `Try ${words(d, 3)}`,
          prediction: d.random.chance(0.7) ? `Fewer ${words(d, 2)}` : (cycle.prediction ?? ''),
          taskWho: d.random.pick(['Night shift', 'Bay 3 team', 'HCAs']),
        };
        return done(await saveCycle(d.db, cycle.id, plan, now));
      }
      if (op === 'cycle-do-study') {
        const edit = d.random.chance(0.5)
          ? { asPlanned: d.random.chance(0.7), observations: words(d, d.random.int(1, 6)) }
          : { results: words(d, d.random.int(1, 6)), learning: words(d, 3) };
        return done(await saveCycle(d.db, cycle.id, edit, now));
      }
      const r = await decideAct(d.db, cycle.id, d.random.pick(ACTS), words(d, 3), now);
      // The screen offers Act only once the plan has an objective: decideAct's
      // refusal of a cycle without one is the only error excused here.
      if (r.kind === 'error' && r.message === actBlocked(cycle)) return null;
      return done(r.kind === 'saved' ? { kind: 'saved', id: r.id } : r);
    }

    case 'measure-create': {
      const input = {
        name: `${d.random.pick(['Falls', 'Late meds', 'Pressure ulcers', 'Discharges before noon'])} ${d.random.int(1, 9)}`,
        unit: d.random.pick(['per week', 'count', '%']),
        definition: words(d, 4),
        direction: d.random.pick(['higher', 'lower'] as const),
        target: d.random.chance(0.5) ? d.random.int(0, 20) : null,
        type: d.random.pick(MEASURE_TYPES),
        ideaId: idea && d.random.chance(0.3) ? idea : null,
        tally: d.random.chance(0.5),
      };
      return done(await createMeasure(d.db, input, now));
    }
    case 'point-add':
    case 'tally-tap': {
      const measures = (await d.db.measures.toArray()).filter((m) => m.deleted !== true);
      if (measures.length === 0) return null;
      const measure = d.random.pick(measures).id;
      const date = day(now, d.random.int(0, 20));
      if (op === 'tally-tap') return done(await tap(d.db, measure, date, now));
      const point = {
        date,
        value: d.random.int(0, 40),
        note: d.random.chance(0.3) ? words(d, 3) : '',
      };
      return done(await addPoint(d.db, measure, point, now));
    }
    case 'point-edit': {
      const points = (await d.db.points.toArray()).filter((p) => p.deleted !== true);
      if (points.length === 0) return null;
      const target = d.random.pick(points).id;
      const edit = d.random.pick([
        { value: d.random.int(0, 40) },
        { ghost: d.random.chance(0.5) },
        { recalculate: d.random.chance(0.5) },
        { deleted: true },
      ]);
      return done(await editPoint(d.db, target, edit, now));
    }
    case 'challenge': {
      // The facilitator sets up the 100-day challenge, or changes its goal and what it counts.
      if (!facilitator || !session) return null;
      const existing = (await d.db.challenges.toArray()).find((c) => c.deleted !== true);
      const measures = (await d.db.measures.toArray()).map((m) => m.id);
      const input = {
        goal: `Cut ${d.random.pick(['falls', 'late meds', 'missed obs'])} by ${d.random.int(10, 50)}%`,
        startDate: day(now, d.random.int(0, 30)),
        sponsorId: null,
        sponsorName: d.random.pick(['Matron Okafor', '']),
        outcomeMeasureId: measures.length > 0 ? d.random.pick(measures) : null,
        measureIds: measures.filter(() => d.random.chance(0.5)),
        ideaIds: live.filter(() => d.random.chance(0.3)).map((i) => i.id),
      };
      return done(await saveChallenge(d.db, existing?.id ?? null, input, now));
    }
    case 'ask-sponsor': {
      if (!idea || !session) return null;
      const ask = {
        ideaId: idea,
        pdsaId: null,
        kind: d.random.pick(ASK_KINDS),
        text: `Could we ${words(d, 4)}?`,
      };
      return done(await askSponsor(d.db, ask, now));
    }
    case 'answer-ask': {
      // The sponsor answers an ask (or changes their answer).
      if (session?.member.role !== 'sponsor') return null;
      const asks = (await d.db.asks.toArray()).filter((a) => a.deleted !== true);
      if (asks.length === 0) return null;
      const ask = d.random.pick(asks).id;
      const note = d.random.chance(0.5) ? words(d, 4) : '';
      return done(await answerAsk(d.db, ask, d.random.pick(ANSWERS), note, now));
    }
    case 'team-categories': {
      if (!facilitator || !session) return null;
      const categories = DEFAULT_CATEGORIES.map((c) => ({
        id: c.id,
        label: d.random.chance(0.3) ? `${c.label} (${words(d, 1)})` : c.label,
      }));
      return done(await renameCategories(d.db, session.team.id, categories, now));
    }
    case 'share': {
      // A facilitator or sponsor shares a change the team adopted or adapted.
      if (!session || !mayLead(session.member.role)) return null;
      if (!(await getTeamOrg(d.db, session.team.id))) return null;
      const worked = live.filter((i) => i.status === 'adopted' || i.status === 'adapted');
      if (worked.length === 0) return null;
      const draft = await shareDraft(d.db, d.random.pick(worked).id);
      if (!draft) return null;
      const chosen =
        draft.measures.length > 0 && d.random.chance(0.6) ? d.random.pick(draft.measures) : null;
      // The picture a phone exports (exportChart.ts needs a page; this is its shape, small).
      const line = chosen?.points.map((p, i) => `${i * 10},${100 - p.value}`).join(' ') ?? '';
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320"><title>${chosen?.name ?? ''}</title><polyline points="${line}" fill="none" stroke="#005eb8"/></svg>`;
      const measure = chosen ? { ...chosen, svg: d.random.chance(0.8) ? svg : null } : null;
      const input = {
        ideaId: draft.idea.id,
        title: draft.idea.title ?? 'A change',
        tried: draft.tried,
        category: draft.theme,
        measure,
        contact: draft.contact || 'Ward office',
      };
      return done(await shareChange(d.db, input, now));
    }
    case 'withdraw-share': {
      if (!session || !mayLead(session.member.role)) return null;
      const own = new Set(await d.db.ideas.toCollection().primaryKeys());
      const ours = (await d.db.shares.toArray()).filter(
        (s) => s.withdrawn !== true && own.has(s.ideaId ?? ''),
      );
      if (ours.length === 0) return null;
      return done(await withdrawShare(d.db, d.random.pick(ours).id, now));
    }
    case 'take': {
      // Anyone takes up a change another team shared (once per team: the screen
      // shows "taken up" after; another phone of the team may not know yet).
      if (!session || !(await getTeamOrg(d.db, session.team.id))) return null;
      const own = new Set((await d.db.ideas.toArray()).map((i) => i.id));
      const taken = new Set(await d.db.takes.toCollection().primaryKeys());
      const open = (await d.db.shares.toArray()).filter(
        (s) =>
          s.withdrawn !== true &&
          typeof s.title === 'string' &&
          !own.has(s.ideaId ?? '') &&
          !taken.has(takeId(s.id, session.team.id)),
      );
      if (open.length === 0) return null;
      const chosen = d.random.pick(open).id;
      const result = await takeShare(d.db, chosen, now);
      // The share's withdrawal can arrive by a pull between the choice and the save:
      // the phone then says so and takes up nothing.
      const after = await d.db.shares.get(chosen);
      if (
        result.kind !== 'saved' &&
        after?.withdrawn === true &&
        /no longer shared/i.test(result.message)
      )
        return { op, result, toldWhy: 'withdrawn meanwhile' };
      return done(result);
    }
    case 'tally-undo': {
      const taps = (await d.db.taps.toArray()).filter((t) => t.deleted !== true);
      if (taps.length === 0) return null;
      return done(await undoTap(d.db, d.random.pick(taps).id, now));
    }
  }
}
