/**
 * What must hold once a run has gone quiet (faults off, every device synced
 * until nothing changed), in the terms a ward team would notice:
 *
 * - every change a person saved reached the team exactly once: one change-log
 *   row per mutation id, or none if it is in that device's "needs attention"
 *   list (rejected, and shown) for breaking a rule of the team (a permission,
 *   a vote budget, a huddle that closed first), never for anything a fault did;
 * - nothing is still waiting in any outbox;
 * - every device shows exactly what the server holds: the same team settings,
 *   ideas, comments, huddles, votes, cycles, measures, points, taps, challenge
 *   and asks, field by field and stamp by stamp, none missing, none extra;
 * - no voter holds more dots in a huddle than it gives each person.
 */
import type { GroundUpDb } from '../../src/db/schema.ts';
import { ENTITIES, ENTITY_NAMES, entityDef, type EntityName } from '../../src/domain/entities.ts';
import { HUDDLE_LIMITS, voterKey, type VoteLike } from '../../src/domain/huddle.ts';
import type { VerdictCode } from '../../src/domain/rules/verdict.ts';
import { getSession } from '../../src/db/session.ts';
import type { Change, Mutation } from '../../src/domain/protocol.ts';
import type { Store } from '../../server/store/index.ts';
import type { Device } from './device.ts';

/**
 * Refusals that are the team's rules at work, not a fault's doing, by their
 * code (src/domain/rules/verdict.ts): a permission (only whoever made it, or
 * only a lead), and the two a huddle meets when phones vote offline at once:
 * the voter's dots ran out across two phones, or the huddle closed before the
 * vote arrived. All are shown to the person.
 */
const RULE_CODES: readonly VerdictCode[] = [
  'not-owner',
  'not-lead',
  'over-budget',
  'huddle-closed',
];
export function isRuleRefusal(code: VerdictCode | undefined): boolean {
  return code !== undefined && RULE_CODES.includes(code);
}

/**
 * Was a permission refusal wrong for who this person is? A facilitator may do
 * everything the operations do, and "only whoever made it" cannot be said to
 * whoever did: then a rule misjudged them (as a second phone's start of the
 * same test once did). Returns what was wrong, or null.
 */
async function wronglyRefused(
  store: Store,
  teamId: string,
  me: { id: string; role: string } | null,
  m: Mutation,
  code: VerdictCode | undefined,
): Promise<string | null> {
  if (code !== 'not-owner' && code !== 'not-lead') return null;
  if (me?.role === 'facilitator') return 'refused a facilitator';
  if (code !== 'not-owner' || !compared(m.entity)) return null;
  const held = await store.readEntity(teamId, m.entity, m.entityId);
  return held && held.createdBy === me?.id ? 'refused the one who made it' : null;
}

/** Each synced kind's local table, from the registry: a new kind is compared without a line here. */
const TABLES = Object.fromEntries(
  ENTITY_NAMES.map((kind) => [kind, (db: GroundUpDb) => db.table(ENTITIES[kind].table)]),
) as Record<EntityName, (db: GroundUpDb) => ReturnType<GroundUpDb['table']>>;
const compared = (entity: string): entity is EntityName => entity in TABLES;

export type Verdict = {
  /** Saved mutations the server neither applied nor rejected. */
  readonly lost: number;
  /** Mutations applied more than once. */
  readonly duplicated: number;
  /** Device records that differ from the server's (or exist on one side only). */
  readonly diverged: number;
  /** Saved mutations the server refused, each shown on its device. */
  readonly rejected: number;
  /** Those refusals by the rule's code (the words shown vary; the code does not). */
  readonly reasons: Readonly<Record<string, number>>;
  /** Voters holding more dots in a huddle than it gives each person. */
  readonly overBudget: number;
  /** Records held on the server, by entity (what the run built). */
  readonly held: Readonly<Record<string, number>>;
  /** One line per thing that went wrong, for the failure message. */
  readonly problems: readonly string[];
};

export async function changeLog(store: Store, teamId: string): Promise<Change[]> {
  const all: Change[] = [];
  for (let cursor = 0; ;) {
    const page = await store.pull(teamId, cursor, 1000);
    all.push(...page.changes);
    if (!page.more) return all;
    cursor = page.cursor;
  }
}

type Shown = { fields: Record<string, unknown>; stamps: Record<string, unknown> };

function shown(row: { stamps: object }): Shown {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(row.stamps)) fields[key] = (row as Record<string, unknown>)[key];
  return { fields, stamps: { ...row.stamps } };
}

const sorted = (o: Record<string, unknown>) =>
  Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const canonical = (s: Shown) => JSON.stringify([sorted(s.fields), sorted(s.stamps)]);

/** A team of the run and the devices that belong to it. */
export type RunTeam = { readonly teamId: string; readonly devices: readonly Device[] };

/**
 * An organisation of the run: its id, and the devices that must hold its log
 * (every device of a linked team, and a leader's); every other device must
 * hold none of it.
 */
export type RunOrg = { readonly orgId: string; readonly readers: ReadonlySet<Device> };

export async function orgLog(store: Store, orgId: string): Promise<Change[]> {
  const all: Change[] = [];
  for (let cursor = 0; ;) {
    const page = await store.orgs.orgPull(orgId, cursor, 1000);
    all.push(...page.changes);
    if (!page.more) return all;
    cursor = page.cursor;
  }
}

/** The kinds of one scope (a team's, or an organisation's). */
const kindsOf = (scope: 'team' | 'org') =>
  ENTITY_NAMES.filter((kind) => ENTITIES[kind].scope === scope);

async function localRows(d: Device, kinds: readonly EntityName[]): Promise<Map<string, Shown>> {
  const local = new Map<string, Shown>();
  for (const entity of kinds) {
    const rows = (await TABLES[entity](d.db).toArray()) as { id: string; stamps: object }[];
    for (const row of rows) local.set(`${entity}:${row.id}`, shown(row));
  }
  return local;
}

/** Counts and lists where a device's records differ from what it must hold. */
function compare(
  d: Device,
  held: ReadonlyMap<string, Shown>,
  local: ReadonlyMap<string, Shown>,
  where: string,
  problems: string[],
): number {
  let diverged = 0;
  for (const [key, server] of held) {
    const mine = local.get(key);
    if (!mine) {
      diverged++;
      problems.push(`${d.name}: missing ${key}`);
    } else if (canonical(mine) !== canonical(server)) {
      diverged++;
      problems.push(
        `${d.name}: ${key} differs: device ${JSON.stringify(mine)} server ${JSON.stringify(server)}`,
      );
    }
  }
  for (const key of local.keys()) {
    if (!held.has(key)) {
      diverged++;
      problems.push(`${d.name}: shows ${key}, which ${where} does not have`);
    }
  }
  return diverged;
}

/**
 * Why a refusal that is no rule of the team's own was still right: two teams
 * working at once. A take-up of a change its team withdrew first (the server
 * holds it withdrawn), or a share of a change someone moved back from adopted
 * first (the server's idea is no longer adopted or adapted).
 */
async function orgRace(
  store: Store,
  teams: readonly RunTeam[],
  teamId: string,
  m: Mutation,
  code: VerdictCode | undefined,
): Promise<boolean> {
  if (m.entity === 'take' && code === 'no-parent') {
    const shareId = String(m.fields['shareId']);
    for (const t of teams) {
      const share = await store.readEntity(t.teamId, 'share', shareId);
      if (share) return share.state.fields['withdrawn'] === true;
    }
    return false;
  }
  if (m.entity === 'share' && code === 'invalid' && typeof m.fields['ideaId'] === 'string') {
    const idea = await store.readEntity(teamId, 'idea', m.fields['ideaId']);
    const status = idea?.state.fields['status'];
    // Refused as not adopted: the idea was moved on first, whatever it became since,
    // unless the server holds it adopted with no status change after this share.
    return status !== 'adopted' && status !== 'adapted'
      ? true
      : String(idea?.state.stamps['status'] ?? '') > m.hlc;
  }
  return false;
}

export async function checkRun(
  store: Store,
  teams: readonly RunTeam[],
  /** The run's organisation, if it has one. */
  org: RunOrg | null = null,
  /** Mutations sent past the app (a hostile member's), which no device saved. */
  sentRaw: ReadonlySet<string> = new Set(),
  /** Devices in no team (a leader's): they must hold the organisation's log and nothing else. */
  others: readonly Device[] = [],
  /** Mutations applied and logged, then taken out of the log by compaction (decision 0025). */
  compactedAway: ReadonlySet<string> = new Set(),
): Promise<Verdict> {
  const problems: string[] = [];
  let lost = 0;
  let duplicated = 0;
  let diverged = 0;
  let rejected = 0;
  const reasons: Record<string, number> = {};

  const logs = new Map<string, Change[]>();
  for (const t of teams) logs.set(t.teamId, await changeLog(store, t.teamId));
  const orgChanges = org ? await orgLog(store, org.orgId) : [];
  const applied = new Map<string, number>();
  for (const c of [...[...logs.values()].flat(), ...orgChanges])
    applied.set(c.mutationId, (applied.get(c.mutationId) ?? 0) + 1);
  for (const id of compactedAway) applied.set(id, (applied.get(id) ?? 0) + 1);
  const created = new Set<string>();

  for (const { teamId, devices } of teams)
    for (const d of devices) {
      const refused = new Map((await d.db.rejected.toArray()).map((r) => [r.mutationId, r]));
      const me = (await getSession(d.db))?.member ?? null;
      for (const [id, m] of d.created) {
        created.add(id);
        const times = applied.get(id) ?? 0;
        const wasRejected = refused.has(id);
        if (wasRejected) {
          rejected++;
          const reason = refused.get(id)?.reason ?? '';
          const code = refused.get(id)?.code;
          reasons[code ?? 'none'] = (reasons[code ?? 'none'] ?? 0) + 1;
          // The random operations break the team's rules and nothing else: any
          // other refusal means a fault cost someone a change.
          // A change to a record whose creation this phone had refused (a shared change
          // of an idea no longer adopted, then withdrawn): refused for that, and the
          // creation's own refusal is judged on its own.
          const afterRefusedCreate =
            code === 'not-created' &&
            [...refused.values()].some((r) => r.mutationId !== id && r.entityId === m.entityId);
          const wrong = isRuleRefusal(code)
            ? await wronglyRefused(store, teamId, me, m, code)
            : afterRefusedCreate || (await orgRace(store, teams, teamId, m, code))
              ? null
              : 'refused';
          if (wrong) problems.push(`${d.name}: ${m.entity} mutation ${id} ${wrong}: ${reason}`);
        }
        if (times > 1) {
          duplicated++;
          problems.push(`${d.name}: ${m.entity} mutation ${id} applied ${times} times`);
        } else if (times === 0 && !wasRejected) {
          lost++;
          problems.push(
            `${d.name}: ${m.entity} mutation ${id} was saved but never reached the team`,
          );
        } else if (times === 1 && wasRejected) {
          problems.push(`${d.name}: mutation ${id} is shown as rejected but was applied`);
        }
      }
      for (const r of refused.values()) {
        if (!d.created.has(r.mutationId))
          problems.push(`${d.name}: rejected list holds ${r.mutationId}, never saved here`);
        if (r.reason.trim().length < 5) problems.push(`${d.name}: rejection without words`);
      }
      const waiting = await d.db.outbox.count();
      if (waiting > 0) {
        lost += waiting;
        problems.push(`${d.name}: ${waiting} change(s) still waiting in the outbox`);
      }
    }
  for (const id of applied.keys()) {
    if (!created.has(id) && !sentRaw.has(id))
      problems.push(`server applied ${id}, which no device saved`);
  }

  // Every record the server holds, against every device's copy: a team's
  // records on its own devices (and on no other), the organisation's on the
  // devices that read it (and on no other).
  const counts: Record<string, number> = {};
  const heldOf = async (teamIds: readonly string[], log: readonly Change[]) => {
    const held = new Map<string, Shown>();
    for (const c of log) {
      if (!compared(c.entity)) continue;
      const key = `${c.entity}:${c.entityId}`;
      if (held.has(key)) continue;
      let entity = null;
      for (const teamId of teamIds) {
        entity = await store.readEntity(teamId, c.entity, c.entityId);
        if (entity) break;
      }
      if (!entity) {
        problems.push(`server logged ${key} but does not hold it`);
        continue;
      }
      held.set(key, { ...entity.state });
      counts[c.entity] = (counts[c.entity] ?? 0) + 1;
    }
    return held;
  };
  const teamHeld = new Map<string, Map<string, Shown>>();
  for (const t of teams) teamHeld.set(t.teamId, await heldOf([t.teamId], logs.get(t.teamId) ?? []));
  const orgHeld = await heldOf(
    teams.map((t) => t.teamId),
    orgChanges,
  );
  const none = new Map<string, Shown>();
  const everyone = [
    ...teams.flatMap((t) => t.devices.map((d) => ({ d, teamId: t.teamId }))),
    ...others.map((d) => ({ d, teamId: null })),
  ];
  for (const { d, teamId } of everyone) {
    const mine = teamId === null ? none : (teamHeld.get(teamId) ?? none);
    diverged += compare(d, mine, await localRows(d, kindsOf('team')), 'its team', problems);
    const reads = org?.readers.has(d) === true;
    const where = reads ? 'the organisation' : 'any organisation it may read';
    diverged += compare(
      d,
      reads ? orgHeld : none,
      await localRows(d, kindsOf('org')),
      where,
      problems,
    );
  }
  const held = new Map([...[...teamHeld.values()].flatMap((m) => [...m])]);

  // Every name shown beside a record is its member's, as the server holds it.
  const memberName = new Map<string, string>();
  for (const t of teams)
    for (const m of (await store.teamInfo(t.teamId))?.members ?? [])
      memberName.set(m.id, m.displayName);
  for (const [key, s] of held) {
    const kind = key.slice(0, key.indexOf(':')) as EntityName;
    for (const pair of entityDef(kind).names ?? []) {
      const id = s.fields[pair.id];
      if (pair.typed || typeof id !== 'string' || !memberName.has(id)) continue;
      if (s.fields[pair.name] !== memberName.get(id))
        problems.push(
          `${key} shows ${JSON.stringify(s.fields[pair.name])} as ${pair.name}, not its member's name`,
        );
    }
  }

  // Vote budgets, on the server's merged votes.
  let overBudget = 0;
  const budget = new Map<string, number>();
  const used = new Map<string, number>();
  for (const [key, s] of held) {
    if (key.startsWith('huddle:')) {
      const dots = s.fields['dotsPerMember'];
      budget.set(key.slice(7), typeof dots === 'number' ? dots : HUDDLE_LIMITS.defaultDots);
    } else if (key.startsWith('vote:')) {
      const v = s.fields as unknown as VoteLike;
      const voter = `${v.huddleId} ${voterKey(v)}`;
      if (typeof v.dots !== 'number' || !Number.isInteger(v.dots) || v.dots < 0) {
        overBudget++;
        problems.push(`vote budget: ${key} holds ${JSON.stringify(v.dots)} dots`);
        continue;
      }
      used.set(voter, (used.get(voter) ?? 0) + v.dots);
    }
  }
  for (const [voter, dots] of used) {
    const allowed = budget.get(voter.split(' ')[0] ?? '');
    if (allowed === undefined || dots > allowed) {
      overBudget++;
      problems.push(`vote budget: ${voter} holds ${dots} dots of ${String(allowed)}`);
    }
  }
  return { lost, duplicated, diverged, rejected, reasons, overBudget, held: counts, problems };
}
