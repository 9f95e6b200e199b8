/**
 * Every rule of the team, table-driven: for each kind, a row per verdict the
 * rule can give (its code), built from a member, a facilitator or a sponsor,
 * what the store holds, and the facts the rule may look up. The server's push
 * and the screens call this same `judge`.
 */
import { describe, expect, it } from 'vitest';
import { voteId } from '../../src/domain/huddle.ts';
import type { Hlc } from '../../src/domain/hlc.ts';
import { defaultStamp } from '../../src/domain/hlc.ts';
import type { Fields, Stamped } from '../../src/domain/merge.ts';
import { stampAll } from '../../src/domain/merge.ts';
import { cycleId } from '../../src/domain/pdsa.ts';
import { takeId } from '../../src/domain/takeId.ts';
import { parseMutation, type Mutation } from '../../src/domain/protocol.ts';
import {
  judge,
  type Actor,
  type Existing,
  type Facts,
  type VerdictCode,
} from '../../src/domain/rules/index.ts';
import { DEVICE_A, NOW, deviceId, newId, stamp } from './fixtures.ts';

const TEAM = newId<string>();
const MEMBER = newId<string>();
const OTHER = newId<string>();
const FAC = newId<string>();
const member: Actor = { memberId: MEMBER, teamId: TEAM, role: 'member' };
const colleague: Actor = { memberId: OTHER, teamId: TEAM, role: 'member' };
const facilitator: Actor = { memberId: FAC, teamId: TEAM, role: 'facilitator' };
const sponsor: Actor = { ...colleague, role: 'sponsor' };

const IDEA = newId<string>();
const ORG = newId<string>();
const SHARE = newId<string>();
const MEASURE = newId<string>();
const HUDDLE = newId<string>();
const CYCLE = cycleId(IDEA, 1);
const LATER: Hlc = stamp(NOW + 60_000, 0, DEVICE_A);

const own = (createdBy: string, fields: Fields, hlc: Hlc = stamp(NOW, 0, DEVICE_A)): Existing => ({
  kind: 'own',
  createdBy,
  state: stampAll(fields, hlc) as Stamped,
});
const NONE: Existing = { kind: 'none' };

/** A store holding one idea, one measure and an open huddle of the team, and a voter's votes. */
function facts(
  opts: {
    huddle?: Fields;
    votes?: { ideaId: string; dots: number }[];
    org?: string | null;
    shares?: Record<string, { withdrawn: boolean }>;
    ideaStatus?: string;
  } = {},
): Facts {
  const held: Record<string, Existing> = {
    [`idea ${IDEA}`]: own(MEMBER, {
      title: 'Hoist',
      status: opts.ideaStatus ?? 'new',
      deleted: false,
    }),
    [`measure ${MEASURE}`]: own(MEMBER, { name: 'Falls', deleted: false }),
    [`pdsa ${CYCLE}`]: own(MEMBER, { ideaId: IDEA, cycle: 1, createdAt: NOW, deleted: false }),
    [`huddle ${HUDDLE}`]: own(FAC, {
      state: 'open',
      dotsPerMember: 3,
      shortlist: JSON.stringify([IDEA]),
      ...opts.huddle,
    }),
  };
  return {
    record: (kind, id) => held[`${kind} ${id}`] ?? NONE,
    votesOf: (huddleId, voter) =>
      (opts.votes ?? []).map((v) => ({
        huddleId,
        ideaId: v.ideaId,
        memberId: voter,
        dots: v.dots,
        proxy: false,
      })),
    organisation: () => (opts.org === undefined ? ORG : opts.org),
    orgShare: (id) => opts.shares?.[id] ?? null,
    // The server parses a chart's SVG (chartSvg.ts, tested in tests/unit/chartSvg.test.ts).
    chartProblem: (svg) => (svg.includes('<script') ? 'The chart must be a picture' : null),
  };
}

function mutation(
  entity: string,
  fields: Fields,
  entityId: string = newId(),
  hlc: Hlc = LATER,
): Mutation {
  const parsed = parseMutation({ id: newId(), entity, entityId, fields, hlc });
  if (!parsed.success)
    throw new Error(`test mutation is malformed: ${JSON.stringify(parsed.issues[0]?.message)}`);
  return parsed.output;
}

type Row = {
  readonly name: string;
  readonly actor: Actor;
  readonly m: () => Mutation;
  readonly existing?: Existing;
  readonly facts?: Facts;
  /** null: allowed. */
  readonly code: VerdictCode | null;
};

const ideaCreate = {
  title: 'Hoist',
  category: 'safety',
  status: 'new',
  anonymous: false,
  createdAt: NOW,
  deleted: false,
};
const vote = (memberId: string, dots: number) => {
  const fields = { huddleId: HUDDLE, ideaId: IDEA, memberId, dots, proxy: false };
  return mutation('vote', fields, voteId(HUDDLE, IDEA, memberId));
};
const cycle = { ideaId: IDEA, cycle: 1, createdAt: NOW, deleted: false };
const shareCreate = (sharedBy: string) => ({
  ideaId: IDEA,
  title: 'Protected mealtimes',
  tried: 'Cycle 1: a sign on every bay',
  contact: 'ext 4411',
  teamName: 'Ward A',
  sharedBy,
  createdAt: NOW,
  withdrawn: false,
});
const take = (teamId = TEAM) =>
  mutation(
    'take',
    { shareId: SHARE, takenBy: teamId, createdAt: NOW, deleted: false },
    takeId(SHARE, teamId),
  );
const openShare = { [SHARE]: { withdrawn: false } };
const takeFields = { shareId: SHARE, takenBy: TEAM, createdAt: NOW, deleted: false };
/** A take-up as a phone of the team made it (default-stamped, decision 0007). */
const firstTake = own(MEMBER, takeFields, defaultStamp(stamp(NOW, 0, DEVICE_A)));
/** The same take-up made again on another phone, offline, with `change`. */
const secondTake = (change: Partial<typeof takeFields>) =>
  mutation(
    'take',
    { ...takeFields, ...change },
    takeId(SHARE, TEAM),
    defaultStamp(stamp(NOW + 60_000, 0, deviceId('ffffffffffffffff'))),
  );

const ROWS: readonly Row[] = [
  // every kind: the shared checks
  {
    name: 'another team’s record',
    actor: member,
    m: () => mutation('idea', { title: 'x' }),
    existing: { kind: 'other-team' },
    code: 'other-team',
  },
  {
    name: 'a change before the create',
    actor: member,
    m: () => mutation('idea', { title: 'x' }),
    existing: NONE,
    code: 'not-created',
  },
  // names: shown only beside the member they belong to (the server reads them from it)
  {
    name: 'a name with no member beside it',
    actor: member,
    m: () => mutation('idea', { ...ideaCreate, authorName: 'Charge Nurse' }),
    code: 'not-you',
  },
  {
    name: 'a comment’s name with no author id',
    actor: member,
    m: () =>
      mutation('comment', {
        ideaId: IDEA,
        body: 'Yes',
        authorName: 'Matron',
        createdAt: NOW,
        deleted: false,
      }),
    facts: facts(),
    code: 'not-you',
  },
  {
    name: 'a typed sponsor who has not joined',
    actor: facilitator,
    m: () =>
      mutation(
        'challenge',
        {
          goal: 'Fewer falls',
          startDate: '2026-11-02',
          sponsorName: 'Jane Smith',
          createdAt: NOW,
          deleted: false,
        },
        TEAM,
      ),
    code: null,
  },
  // idea
  {
    name: 'a member shares an idea',
    actor: member,
    m: () => mutation('idea', { ...ideaCreate, authorId: MEMBER }),
    code: null,
  },
  {
    name: 'an idea naming someone else as author',
    actor: member,
    m: () => mutation('idea', { ...ideaCreate, authorId: OTHER }),
    code: 'not-you',
  },
  {
    name: 'a colleague retitles my idea',
    actor: colleague,
    m: () => mutation('idea', { title: 'Mine now' }),
    existing: own(MEMBER, ideaCreate),
    code: 'not-owner',
  },
  {
    name: 'a facilitator retitles it',
    actor: facilitator,
    m: () => mutation('idea', { title: 'Clearer' }),
    existing: own(MEMBER, ideaCreate),
    code: null,
  },
  {
    name: 'a facilitator changes who it is from',
    actor: facilitator,
    m: () => mutation('idea', { anonymous: true }),
    existing: own(MEMBER, ideaCreate),
    code: 'not-owner',
  },
  {
    name: 'a named idea made anonymous after',
    actor: member,
    m: () => mutation('idea', { anonymous: true }),
    existing: own(MEMBER, ideaCreate),
    code: 'invalid',
  },
  {
    name: 'a member shortlists their own idea',
    actor: member,
    m: () => mutation('idea', { status: 'shortlisted', statusBy: MEMBER }),
    existing: own(MEMBER, ideaCreate),
    code: null,
  },
  {
    name: 'a member moves their idea to testing',
    actor: member,
    m: () => mutation('idea', { status: 'testing' }),
    existing: own(MEMBER, ideaCreate),
    code: 'not-lead',
  },
  {
    name: 'a member shortlists someone else’s',
    actor: colleague,
    m: () => mutation('idea', { status: 'shortlisted' }),
    existing: own(MEMBER, ideaCreate),
    code: 'not-lead',
  },
  {
    name: 'a status move naming someone else',
    actor: facilitator,
    m: () => mutation('idea', { status: 'testing', statusBy: MEMBER }),
    existing: own(MEMBER, ideaCreate),
    code: 'not-you',
  },
  {
    name: 'the author of an anonymous idea signs its move',
    actor: member,
    m: () => mutation('idea', { status: 'shortlisted', statusBy: MEMBER }),
    existing: own(MEMBER, { ...ideaCreate, anonymous: true }),
    code: 'invalid',
  },
  {
    name: 'the author moves it unsigned',
    actor: member,
    m: () => mutation('idea', { status: 'shortlisted', statusBy: null }),
    existing: own(MEMBER, { ...ideaCreate, anonymous: true }),
    code: null,
  },
  {
    name: 'a sponsor adopts an idea',
    actor: sponsor,
    m: () => mutation('idea', { status: 'adopted' }),
    existing: own(MEMBER, ideaCreate),
    code: null,
  },
  // comment
  {
    name: 'a comment on a team idea',
    actor: colleague,
    m: () => mutation('comment', { ideaId: IDEA, body: 'Yes', createdAt: NOW, deleted: false }),
    code: null,
  },
  {
    name: 'a comment on an idea the team lacks',
    actor: colleague,
    m: () => mutation('comment', { ideaId: newId(), body: 'Yes', createdAt: NOW, deleted: false }),
    code: 'no-parent',
  },
  {
    name: 'a comment edited',
    actor: member,
    m: () => mutation('comment', { body: 'Edited' }),
    existing: own(MEMBER, { body: 'Yes' }),
    code: 'fixed',
  },
  {
    name: 'someone else withdraws a comment',
    actor: facilitator,
    m: () => mutation('comment', { deleted: true }),
    existing: own(MEMBER, { body: 'Yes' }),
    code: 'not-owner',
  },
  // moderation: hiding and erasure of ideas and comments
  {
    name: 'a facilitator hides a colleague’s idea with a reason',
    actor: facilitator,
    m: () => mutation('idea', { hidden: true, hiddenReason: 'Names a patient', hiddenBy: FAC }),
    existing: own(MEMBER, ideaCreate),
    code: null,
  },
  {
    name: 'a sponsor hides a comment',
    actor: sponsor,
    m: () => mutation('comment', { hidden: true, hiddenReason: 'Off topic', hiddenBy: OTHER }),
    existing: own(MEMBER, { body: 'Yes' }),
    code: null,
  },
  {
    name: 'a member hides someone’s idea',
    actor: member,
    m: () => mutation('idea', { hidden: true, hiddenReason: 'No', hiddenBy: MEMBER }),
    existing: own(OTHER, ideaCreate),
    code: 'not-lead',
  },
  {
    name: 'a member hides their own comment',
    actor: member,
    m: () => mutation('comment', { hidden: true, hiddenReason: 'Oops', hiddenBy: MEMBER }),
    existing: own(MEMBER, { body: 'Yes' }),
    code: 'not-lead',
  },
  {
    name: 'a member shares an idea already hidden',
    actor: member,
    m: () => mutation('idea', { ...ideaCreate, hidden: false }),
    code: 'not-lead',
  },
  {
    name: 'a facilitator hides an idea naming someone else as who hid it',
    actor: facilitator,
    m: () => mutation('idea', { hidden: true, hiddenReason: 'Names a patient', hiddenBy: OTHER }),
    existing: own(MEMBER, ideaCreate),
    code: 'not-you',
  },
  {
    name: 'a facilitator hides an idea without saying why',
    actor: facilitator,
    m: () => mutation('idea', { hidden: true, hiddenReason: ' ', hiddenBy: FAC }),
    existing: own(MEMBER, ideaCreate),
    code: 'invalid',
  },
  {
    name: 'a facilitator shows a hidden comment again',
    actor: facilitator,
    m: () => mutation('comment', { hidden: false, hiddenBy: FAC }),
    existing: own(MEMBER, { body: 'Yes', hidden: true, hiddenReason: 'Off topic' }),
    code: null,
  },
  {
    name: 'a facilitator marks an idea erased by a change',
    actor: facilitator,
    m: () => mutation('idea', { title: '[erased]', erased: true, erasedBy: FAC }),
    existing: own(MEMBER, ideaCreate),
    code: 'invalid',
  },
  {
    name: 'the author writes the words of an erased idea again',
    actor: member,
    m: () => mutation('idea', { title: 'NHS 943 476 5919' }),
    existing: own(MEMBER, { ...ideaCreate, title: '[erased]', erased: true, erasedBy: FAC }),
    code: 'fixed',
  },
  {
    name: 'the author moves an erased idea on',
    actor: member,
    m: () => mutation('idea', { title: '[erased]', status: 'shortlisted', statusBy: MEMBER }),
    existing: own(MEMBER, { ...ideaCreate, title: '[erased]', erased: true, erasedBy: FAC }),
    code: null,
  },
  // team
  {
    name: 'a member renames the team',
    actor: member,
    m: () => mutation('team', { name: 'Ward 9' }, TEAM),
    existing: own('', {}),
    code: 'not-lead',
  },
  {
    name: 'a change for another team',
    actor: facilitator,
    m: () => mutation('team', { name: 'Ward 9' }, newId()),
    existing: NONE,
    code: 'other-team',
  },
  {
    name: 'a facilitator renames the team',
    actor: facilitator,
    m: () => mutation('team', { name: 'Ward 9' }, TEAM),
    existing: own('', {}),
    code: null,
  },
  // huddle
  {
    name: 'a member starts a huddle',
    actor: member,
    m: () =>
      mutation('huddle', {
        title: 'H',
        dotsPerMember: 3,
        hidden: false,
        shortlist: JSON.stringify([IDEA]),
        state: 'open',
        startedBy: MEMBER,
        startedAt: NOW,
      }),
    code: 'not-lead',
  },
  {
    name: 'a huddle naming another starter',
    actor: facilitator,
    m: () =>
      mutation('huddle', {
        title: 'H',
        dotsPerMember: 3,
        hidden: false,
        shortlist: JSON.stringify([IDEA]),
        state: 'open',
        startedBy: MEMBER,
        startedAt: NOW,
      }),
    code: 'not-you',
  },
  {
    name: 'a shortlist naming an unknown idea',
    actor: facilitator,
    m: () =>
      mutation('huddle', {
        title: 'H',
        dotsPerMember: 3,
        hidden: false,
        shortlist: JSON.stringify([newId()]),
        state: 'open',
        startedBy: FAC,
        startedAt: NOW,
      }),
    code: 'no-parent',
  },
  {
    name: 'a closed huddle reopened without clearing its closing time',
    actor: facilitator,
    m: () => mutation('huddle', { state: 'open' }),
    existing: own(FAC, { state: 'closed', closedAt: NOW, shortlist: JSON.stringify([IDEA]) }),
    code: 'invalid',
  },
  {
    name: 'a facilitator reopens a closed huddle with a new timer',
    actor: facilitator,
    m: () => mutation('huddle', { state: 'open', closedAt: null, endsAt: NOW + 120_000 }),
    existing: own(FAC, { state: 'closed', closedAt: NOW, shortlist: JSON.stringify([IDEA]) }),
    code: null,
  },
  {
    name: 'a dot once the huddle is reopened',
    actor: member,
    m: () => vote(MEMBER, 1),
    facts: facts({ huddle: { state: 'open', closedAt: null }, votes: [] }),
    code: null,
  },
  {
    name: 'a closed huddle reopened with its votes changed',
    actor: facilitator,
    m: () => mutation('huddle', { state: 'open', closedAt: null, dotsPerMember: 5 }),
    existing: own(FAC, { state: 'closed', closedAt: NOW, shortlist: JSON.stringify([IDEA]) }),
    code: 'invalid',
  },
  {
    name: 'a member reopens a closed huddle',
    actor: member,
    m: () => mutation('huddle', { state: 'open', closedAt: null }),
    existing: own(FAC, { state: 'closed', closedAt: NOW, shortlist: JSON.stringify([IDEA]) }),
    code: 'not-lead',
  },
  {
    name: 'choosing an idea not shortlisted',
    actor: facilitator,
    m: () => mutation('huddle', { outcome: JSON.stringify([newId()]) }),
    existing: own(FAC, { state: 'open', shortlist: JSON.stringify([IDEA]) }),
    code: 'invalid',
  },
  // vote
  {
    name: 'a dot within budget',
    actor: member,
    m: () => vote(MEMBER, 2),
    facts: facts({ votes: [] }),
    code: null,
  },
  {
    name: 'a dot over budget',
    actor: member,
    m: () => vote(MEMBER, 2),
    facts: facts({ votes: [{ ideaId: newId(), dots: 2 }] }),
    code: 'over-budget',
  },
  {
    name: 'a dot after the huddle closed',
    actor: member,
    m: () => vote(MEMBER, 1),
    facts: facts({ huddle: { state: 'closed' } }),
    code: 'huddle-closed',
  },
  {
    name: 'a vote whose id is not derived',
    actor: member,
    m: () =>
      mutation('vote', { huddleId: HUDDLE, ideaId: IDEA, memberId: MEMBER, dots: 1, proxy: false }),
    code: 'derived-id',
  },
  {
    name: 'a member votes for a colleague',
    actor: member,
    m: () => vote(OTHER, 1),
    code: 'not-lead',
  },
  {
    name: 'a vote moved to another idea',
    actor: member,
    m: () => mutation('vote', { ideaId: newId() }),
    existing: own(MEMBER, {
      huddleId: HUDDLE,
      ideaId: IDEA,
      memberId: MEMBER,
      dots: 1,
      proxy: false,
    }),
    code: 'fixed',
  },
  // pdsa
  {
    name: 'a cycle started by a member',
    actor: member,
    m: () => mutation('pdsa', cycle, cycleId(IDEA, 1)),
    code: null,
  },
  {
    name: 'a cycle under a made-up id',
    actor: member,
    m: () => mutation('pdsa', cycle),
    code: 'derived-id',
  },
  {
    name: 'a cycle for an idea the team lacks',
    actor: member,
    m: () => mutation('pdsa', { ...cycle, ideaId: newId() }, cycleId(IDEA, 1)),
    code: 'no-parent',
  },
  {
    name: 'a colleague changes my written plan',
    actor: colleague,
    m: () => mutation('pdsa', { objective: 'Theirs' }),
    existing: own(MEMBER, { ...cycle, objective: 'Mine' }),
    code: 'not-owner',
  },
  {
    name: 'a colleague records what happened',
    actor: colleague,
    m: () => mutation('pdsa', { observations: 'It worked' }),
    existing: own(MEMBER, { ...cycle, objective: 'Mine' }),
    code: null,
  },
  {
    name: 'a decision before a plan',
    actor: member,
    m: () => mutation('pdsa', { act: 'adopt' }),
    existing: own(MEMBER, cycle),
    code: 'invalid',
  },
  {
    name: 'a re-creation carrying a decision',
    actor: colleague,
    m: () => mutation('pdsa', { ...cycle, act: 'adopt' }, newId(), defaultStamp(LATER)),
    existing: own(MEMBER, cycle),
    code: 'invalid',
  },
  {
    name: 'a cycle moved to another idea',
    actor: member,
    m: () => mutation('pdsa', { ideaId: newId() }),
    existing: own(MEMBER, cycle),
    code: 'fixed',
  },
  // measure, point, tap
  {
    name: 'a measure for an idea the team lacks',
    actor: member,
    m: () =>
      mutation('measure', {
        name: 'Falls',
        direction: 'lower',
        type: 'outcome',
        createdAt: NOW,
        deleted: false,
        ideaId: newId(),
      }),
    code: 'no-parent',
  },
  {
    name: 'a colleague renames my measure',
    actor: colleague,
    m: () => mutation('measure', { name: 'Theirs' }),
    existing: own(MEMBER, { name: 'Falls' }),
    code: 'not-owner',
  },
  {
    name: 'a point on a measure the team lacks',
    actor: member,
    m: () =>
      mutation('point', {
        measureId: newId(),
        date: '2024-03-01',
        value: 1,
        createdAt: NOW,
        deleted: false,
      }),
    code: 'no-parent',
  },
  {
    name: 'a colleague ghosts my point',
    actor: colleague,
    m: () => mutation('point', { ghost: true }),
    existing: own(MEMBER, { measureId: MEASURE, value: 1, ghost: false }),
    code: 'not-owner',
  },
  // baselines and rebasing (decision 0017): whoever may edit the measure or point
  {
    name: 'a colleague fixes the baseline of my measure',
    actor: colleague,
    m: () => mutation('measure', { baselinePoints: 15 }),
    existing: own(MEMBER, { name: 'Falls' }),
    code: 'not-owner',
  },
  {
    name: 'I fix the baseline of my measure',
    actor: member,
    m: () => mutation('measure', { baselinePoints: 15 }),
    existing: own(MEMBER, { name: 'Falls' }),
    code: null,
  },
  {
    name: 'a facilitator unfixes the baseline of my measure',
    actor: facilitator,
    m: () => mutation('measure', { baselinePoints: null }),
    existing: own(MEMBER, { name: 'Falls', baselinePoints: 15 }),
    code: null,
  },
  {
    name: 'a colleague rebases at my point',
    actor: colleague,
    m: () => mutation('point', { recalculate: true, rebaseReason: 'New rota', rebasePdsaId: null }),
    existing: own(MEMBER, { measureId: MEASURE, value: 1, recalculate: false }),
    code: 'not-owner',
  },
  {
    name: 'I rebase at my point after one of the team’s cycles',
    actor: member,
    m: () =>
      mutation('point', { recalculate: true, rebaseReason: 'New rota', rebasePdsaId: CYCLE }),
    existing: own(MEMBER, { measureId: MEASURE, value: 1, recalculate: false }),
    code: null,
  },
  {
    name: 'a sponsor rebases at my point with no cycle',
    actor: sponsor,
    m: () => mutation('point', { recalculate: true, rebaseReason: 'New rota', rebasePdsaId: null }),
    existing: own(MEMBER, { measureId: MEASURE, value: 1, recalculate: false }),
    code: null,
  },
  {
    name: 'a rebase naming a cycle the team lacks',
    actor: member,
    m: () => mutation('point', { recalculate: true, rebasePdsaId: cycleId(newId(), 1) }),
    existing: own(MEMBER, { measureId: MEASURE, value: 1, recalculate: false }),
    code: 'no-parent',
  },
  {
    name: 'a new point rebased after a cycle the team lacks',
    actor: member,
    m: () =>
      mutation('point', {
        measureId: MEASURE,
        date: '2024-03-01',
        value: 1,
        createdAt: NOW,
        deleted: false,
        recalculate: true,
        rebasePdsaId: cycleId(newId(), 2),
      }),
    code: 'no-parent',
  },
  {
    name: 'a tap moved to another day',
    actor: member,
    m: () => mutation('tap', { date: '2024-03-02' }),
    existing: own(MEMBER, { measureId: MEASURE, date: '2024-03-01', deleted: false }),
    code: 'fixed',
  },
  {
    name: 'a colleague undoes my tap',
    actor: colleague,
    m: () => mutation('tap', { deleted: true }),
    existing: own(MEMBER, { measureId: MEASURE, date: '2024-03-01', deleted: false }),
    code: 'not-owner',
  },
  {
    name: 'a facilitator undoes my tap',
    actor: facilitator,
    m: () => mutation('tap', { deleted: true }),
    existing: own(MEMBER, { measureId: MEASURE, date: '2024-03-01', deleted: false }),
    code: null,
  },
  // challenge, ask
  {
    name: 'a member sets up the challenge',
    actor: member,
    m: () =>
      mutation('challenge', {
        goal: 'Fewer falls',
        startDate: '2024-03-01',
        createdAt: NOW,
        deleted: false,
      }),
    code: 'not-lead',
  },
  {
    name: 'a sponsor sets up the challenge',
    actor: sponsor,
    m: () =>
      mutation('challenge', {
        goal: 'Fewer falls',
        startDate: '2024-03-01',
        createdAt: NOW,
        deleted: false,
      }),
    code: null,
  },
  {
    name: 'an ask in someone else’s name',
    actor: member,
    m: () =>
      mutation('ask', {
        ideaId: IDEA,
        kind: 'support',
        text: 'Help',
        askedBy: OTHER,
        createdAt: NOW,
        deleted: false,
      }),
    code: 'not-you',
  },
  {
    name: 'an ask answered as it is made',
    actor: member,
    m: () =>
      mutation('ask', {
        ideaId: IDEA,
        kind: 'support',
        text: 'Help',
        askedBy: MEMBER,
        createdAt: NOW,
        deleted: false,
        answer: 'backed',
      }),
    code: 'invalid',
  },
  {
    name: 'a member answers an ask',
    actor: colleague,
    m: () => mutation('ask', { answer: 'backed' }),
    existing: own(MEMBER, { text: 'Help' }),
    code: 'not-lead',
  },
  {
    name: 'the sponsor answers it',
    actor: sponsor,
    m: () => mutation('ask', { answer: 'backed', answeredBy: OTHER }),
    existing: own(MEMBER, { text: 'Help' }),
    code: null,
  },
  {
    name: 'someone else rewrites the question',
    actor: sponsor,
    m: () => mutation('ask', { text: 'Other' }),
    existing: own(MEMBER, { text: 'Help' }),
    code: 'not-owner',
  },
  // share (an organisation record, decision 0021)
  {
    name: 'a facilitator shares an adopted idea',
    actor: facilitator,
    m: () => mutation('share', shareCreate(FAC)),
    facts: facts({ ideaStatus: 'adopted' }),
    code: null,
  },
  {
    name: 'a member shares a change',
    actor: member,
    m: () => mutation('share', shareCreate(MEMBER)),
    facts: facts({ ideaStatus: 'adopted' }),
    code: 'not-lead',
  },
  {
    name: 'a share from a team in no organisation',
    actor: facilitator,
    m: () => mutation('share', shareCreate(FAC)),
    facts: facts({ ideaStatus: 'adopted', org: null }),
    code: 'no-parent',
  },
  {
    name: 'sharing an idea still in test',
    actor: facilitator,
    m: () => mutation('share', shareCreate(FAC)),
    facts: facts({ ideaStatus: 'testing' }),
    code: 'invalid',
  },
  {
    name: 'a share naming someone else',
    actor: facilitator,
    m: () => mutation('share', shareCreate(OTHER)),
    facts: facts({ ideaStatus: 'adapted' }),
    code: 'not-you',
  },
  {
    name: 'a share moved to another idea',
    actor: facilitator,
    m: () => mutation('share', { ideaId: newId() }),
    existing: own(FAC, shareCreate(FAC)),
    code: 'fixed',
  },
  {
    name: 'a share whose chart holds a script',
    actor: facilitator,
    m: () =>
      mutation('share', { ...shareCreate(FAC), chartSvg: '<svg><script>alert(1)</script></svg>' }),
    facts: facts({ ideaStatus: 'adopted' }),
    code: 'invalid',
  },
  {
    name: 'a sponsor withdraws a share',
    actor: sponsor,
    m: () => mutation('share', { withdrawn: true }),
    existing: own(FAC, shareCreate(FAC)),
    code: null,
  },
  // take
  {
    name: 'a team takes up a change shared by another',
    actor: member,
    m: () => take(),
    facts: facts({ shares: openShare }),
    code: null,
  },
  {
    name: 'a take-up naming another team',
    actor: member,
    m: () => take(newId()),
    facts: facts({ shares: openShare }),
    code: 'not-you',
  },
  {
    name: 'a take-up under an id not derived from share and team',
    actor: member,
    m: () => mutation('take', { shareId: SHARE, takenBy: TEAM, createdAt: NOW, deleted: false }),
    facts: facts({ shares: openShare }),
    code: 'derived-id',
  },
  {
    name: 'a second phone of the team takes the same change up offline, a minute later',
    actor: member,
    m: () => secondTake({ createdAt: NOW + 60_000 }),
    existing: firstTake,
    facts: facts({ shares: openShare }),
    code: null,
  },
  {
    name: 'a take-up moved to another share, even default-stamped',
    actor: member,
    m: () => secondTake({ shareId: newId() }),
    existing: firstTake,
    facts: facts({ shares: openShare }),
    code: 'fixed',
  },
  {
    name: 'taking up a withdrawn change',
    actor: member,
    m: () => take(),
    facts: facts({ shares: { [SHARE]: { withdrawn: true } } }),
    code: 'no-parent',
  },
];

describe('judge', () => {
  it.each(ROWS)('$name: $code', ({ actor, m, existing, facts: f, code }) => {
    const verdict = judge(actor, m(), existing ?? NONE, f ?? facts());
    if (code === null) expect(verdict).toEqual({ ok: true });
    else {
      expect(verdict).toMatchObject({ ok: false, code });
      // Every refusal is in words a person can read.
      if (!verdict.ok) expect(verdict.reason.length).toBeGreaterThan(10);
    }
  });

  it('covers every code but the server-only clock check', () => {
    const codes = new Set(ROWS.map((r) => r.code));
    for (const code of [
      'other-team',
      'not-created',
      'no-parent',
      'not-owner',
      'not-lead',
      'not-you',
      'fixed',
      'derived-id',
      'invalid',
      'over-budget',
      'huddle-closed',
    ] as const)
      expect(codes).toContain(code);
  });
});

describe('the wire shape of baselines and rebases', () => {
  const measureEdit = (fields: Fields) =>
    parseMutation({ id: newId(), entity: 'measure', entityId: MEASURE, fields, hlc: LATER });
  it('takes a baseline of 12 to 20 whole points, or none', () => {
    for (const n of [12, 15, 20, null])
      expect(measureEdit({ baselinePoints: n }).success).toBe(true);
  });
  it.each([
    [8, 'must be at least 12 points'],
    [21, 'must be at most 20 points'],
    [15.5, 'must be a whole number'],
  ])('refuses a baseline of %s with words: %s', (n, words) => {
    const parsed = measureEdit({ baselinePoints: n });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.issues[0]?.message).toBe(words);
  });
  it('refuses a rebase reason over 200 characters and a cycle id that is not one', () => {
    const point = (fields: Fields) =>
      parseMutation({ id: newId(), entity: 'point', entityId: newId(), fields, hlc: LATER });
    expect(point({ rebaseReason: 'x'.repeat(201) }).success).toBe(false);
    expect(point({ rebasePdsaId: 'cycle-1' }).success).toBe(false);
    expect(point({ rebaseReason: 'x'.repeat(200), rebasePdsaId: CYCLE }).success).toBe(true);
  });
});
