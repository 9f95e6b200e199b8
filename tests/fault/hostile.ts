/**
 * A hostile member in the seeded fault runs: a phone with a valid token that
 * sends, through the same faulty network, what the honest app never would:
 * a change stamped a year ahead (to win every later edit), an idea naming a
 * colleague as its author, its own idea under a name that is not its own, a status move signed with a colleague's name,
 * measures squatting the ids a test of change of an idea would take, and
 * bursts of junk; in a team linked to an organisation, a take-up naming the
 * neighbouring team, a withdrawal of a change another team shared, and a
 * share of an idea the team never adopted. Every one must be refused; the squats must block nothing
 * (the facilitator then starts that test); honest changes still arrive once.
 */
import type { Device } from './device.ts';
import { getSession } from '../../src/db/session.ts';
import { formatHlc } from '../../src/domain/hlc.ts';
import type { DeviceId } from '../../src/domain/ids.ts';
import { cycleId } from '../../src/domain/pdsa.ts';
import { takeId } from '../../src/domain/takeId.ts';
import { newId } from './ids.ts';

export type Hostile = {
  /** Mutation ids that must never be applied. */
  readonly mustFail: Set<string>;
  /** Ideas whose cycle-1 id a squat took: the lead starts that test after quiet. */
  readonly squatted: Set<string>;
  /** Squatting measures, sent past the app: applied, harmlessly (no device saved them). */
  readonly sentRaw: Set<string>;
  attempts: number;
  /** Reads of an organisation's log by a team outside it that were answered (must be 0). */
  leaks: number;
};

export function emptyHostile(): Hostile {
  return { mustFail: new Set(), squatted: new Set(), sentRaw: new Set(), attempts: 0, leaks: 0 };
}

/** What a hostile member of a linked team aims at in its organisation. */
export type OrgTargets = { readonly teamId: string };

/** A phone of a team outside the organisation asks for its log with its own token. */
export async function outsiderPull(d: Device, h: Hostile, orgId: string): Promise<string> {
  const session = await getSession(d.db);
  if (!session) return 'outsider: not joined';
  h.attempts++;
  const r = await d.orgApi.pull(session.token, orgId, 0);
  if (r.kind === 'ok') h.leaks++;
  return `outsider pull ${r.kind}`;
}

const YEAR = 365 * 24 * 3600_000;

/** One hostile act of `d`, chosen with its own random stream; `victim` is a colleague's member id. */
export async function hostileAct(
  d: Device,
  h: Hostile,
  now: number,
  victim: string,
  org?: OrgTargets,
): Promise<string> {
  const session = await getSession(d.db);
  if (!session) return 'hostile: not joined';
  const ideas = await d.db.ideas.where('teamId').equals(session.team.id).primaryKeys();
  const idea = ideas.length > 0 ? d.random.pick(ideas) : null;
  const node = d.random.int(1, 0xffffff).toString(16).padStart(16, '0') as DeviceId;
  const stamp = (wall: number) => formatHlc({ wall, counter: d.random.int(0, 99), node });
  const mutations: { id: string; mustFail: boolean; m: object }[] = [];
  const kind = d.random.int(0, org ? 8 : 5);
  const ownIdeas = new Set(ideas);
  const theirs = org
    ? (await d.db.shares.toArray()).filter((x) => !ownIdeas.has(x.ideaId ?? ''))
    : [];
  if (kind === 6 && org && theirs.length > 0) {
    // A take-up of another team's change, naming the neighbouring team as the taker.
    const shareId = d.random.pick(theirs).id;
    mutations.push({
      id: newId<string>(),
      mustFail: true,
      m: {
        entity: 'take',
        entityId: takeId(shareId, org.teamId),
        hlc: stamp(now),
        fields: { shareId, takenBy: org.teamId, createdAt: now, deleted: false },
      },
    });
  } else if (kind === 7 && org && theirs.length > 0) {
    // Withdrawing a change another team shared.
    mutations.push({
      id: newId<string>(),
      mustFail: true,
      m: {
        entity: 'share',
        entityId: d.random.pick(theirs).id,
        hlc: stamp(now + 1000),
        fields: { withdrawn: true },
      },
    });
  } else if (kind === 8 && org && idea) {
    // Sharing an idea as if adopted, as a member (only a facilitator or sponsor shares).
    mutations.push({
      id: newId<string>(),
      mustFail: true,
      m: {
        entity: 'share',
        entityId: newId<string>(),
        hlc: stamp(now),
        fields: {
          ideaId: idea,
          title: 'Shared behind the facilitator’s back',
          tried: '',
          category: null,
          measureName: null,
          unit: null,
          direction: null,
          points: '[]',
          contact: 'Me',
          teamName: session.team.name,
          sharedBy: session.member.id,
          createdAt: now,
          withdrawn: false,
        },
      },
    });
  } else if (kind === 0 && idea) {
    // A stamp from next year, "not deleted": it would beat any later delete.
    mutations.push({
      id: newId<string>(),
      mustFail: true,
      m: { entity: 'idea', entityId: idea, fields: { deleted: false }, hlc: stamp(now + YEAR) },
    });
  } else if (kind === 1) {
    // An idea naming a colleague as its author.
    mutations.push({
      id: newId<string>(),
      mustFail: true,
      m: {
        entity: 'idea',
        entityId: newId<string>(),
        hlc: stamp(now),
        fields: {
          title: 'Not mine',
          category: 'other',
          status: 'new',
          anonymous: false,
          createdAt: now,
          deleted: false,
          authorId: victim,
          authorName: 'Someone else',
        },
      },
    });
  } else if (kind === 2 && idea) {
    // A status move signed with a colleague's name.
    mutations.push({
      id: newId<string>(),
      mustFail: true,
      m: { entity: 'idea', entityId: idea, hlc: stamp(now), fields: { statusBy: victim } },
    });
  } else if (kind === 3 && idea) {
    // Measures squatting the ids of this idea's first test cycles.
    for (const n of [1, 2]) {
      mutations.push({
        id: newId<string>(),
        mustFail: false,
        m: {
          entity: 'measure',
          entityId: cycleId(idea, n),
          hlc: stamp(now),
          fields: {
            name: `Squat ${n}`,
            direction: 'lower',
            type: 'process',
            createdAt: now,
            deleted: false,
          },
        },
      });
    }
    h.squatted.add(idea);
  } else if (kind === 5) {
    // Their own idea, shown under a colleague's name: applied, but the server
    // writes the author's own name (checkRun compares every name with the member's).
    mutations.push({
      id: newId<string>(),
      mustFail: false,
      m: {
        entity: 'idea',
        entityId: newId<string>(),
        hlc: stamp(now),
        fields: {
          title: 'Signed as someone else',
          category: 'other',
          status: 'new',
          anonymous: false,
          createdAt: now,
          deleted: false,
          authorId: session.member.id,
          authorName: 'The Matron',
        },
      },
    });
  } else {
    // A burst of junk.
    for (let i = 0; i < 5; i++)
      mutations.push({
        id: newId<string>(),
        mustFail: true,
        m: {
          entity: 'patient',
          entityId: newId<string>(),
          hlc: stamp(now),
          fields: { nhs: '943 476 5919' },
        },
      });
  }
  if (mutations.length === 0) return 'hostile: nothing to aim at';
  for (const x of mutations) (x.mustFail ? h.mustFail : h.sentRaw).add(x.id);
  h.attempts += mutations.length;
  const r = await d.api.push(session.token, {
    teamId: session.team.id as never,
    mutations: mutations.map((x) => ({ id: x.id, ...x.m })) as never,
  });
  return `hostile ${kind} ${r.kind}`;
}
