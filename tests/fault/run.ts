/**
 * One seeded fault run: a team of simulated devices works at once through a
 * faulty network against the real server app (createApp over the given store),
 * crashing and restarting, being removed and joining again; then faults stop,
 * every device syncs until nothing changes, and check.ts judges the result.
 * In three runs of ten the team is linked to an organisation with a neighbouring
 * team (one or two phones) that shares, takes up and withdraws changes too,
 * now and then a leader's phone in no team reads the organisation, and a
 * ward outside it works beside them (its phone must never hold the
 * organisation's records, and its token must never read its log).
 * Everything random comes from the seed, so a failing run can be replayed.
 */
import { createApp } from '../../server/app.ts';
import type { Store } from '../../server/store/index.ts';
import { startHuddle } from '../../src/db/huddleWrites.ts';
import { getSession, setOwnRole } from '../../src/db/session.ts';
import { captureIdea, editIdea } from '../../src/db/writes.ts';
import { saveOrgSession, setTeamOrg } from '../../src/db/orgData.ts';
import { shareChange } from '../../src/db/orgWrites.ts';
import type { IdeaId } from '../../src/domain/ids.ts';
import { createTeam, joinTeam } from '../../src/sync/team.ts';
import { startTest } from '../../src/db/improvementWrites.ts';
import { cycleId } from '../../src/domain/pdsa.ts';
import { changeLog, checkRun, orgLog, type RunTeam, type Verdict } from './check.ts';
import { emptyHostile, hostileAct, outsiderPull, type OrgTargets } from './hostile.ts';
import { createDevice, type Device } from './device.ts';
import { emptyTally, SimulatedCrash, type Tally } from './faults.ts';
import { seedIds } from './ids.ts';
import { createNetwork, ticks } from './network.ts';
import { randomOp } from './ops.ts';
import { mulberry32, type Random } from './prng.ts';

export type RunOptions = {
  readonly seed: number;
  readonly store: Store;
  /** Simulated devices; the first creates the team and is its facilitator. Default 3. */
  readonly devices?: number;
  /** Operations in the run, spread over the devices: [min, max]. Default [15, 30]. */
  readonly operations?: readonly [number, number];
};

export type RunReport = Verdict & {
  readonly seed: number;
  readonly operations: number;
  /** Those operations by kind (ops.ts). */
  readonly operationsByKind: Readonly<Record<string, number>>;
  readonly faults: Tally;
  /** What happened, one line per step, for replaying a failure. */
  readonly trace: readonly string[];
  /** A hostile member's attempts (hostile.ts), and how many of those that must fail did not. */
  readonly hostileAttempts: number;
  readonly hostileSuccesses: number;
};

type RunOrgPlan = {
  readonly orgId: string;
  /** Its phones beyond team A's: the neighbours', the ward outside's, the leader's. */
  readonly devices: readonly Device[];
  /** The teams beyond team A (the one outside included), with their phones. */
  readonly teams: readonly RunTeam[];
  /** The phones that must hold its log. */
  readonly readers: readonly Device[];
  readonly leader: Device | undefined;
  readonly outsider: Device | undefined;
  /** What a hostile member of team A aims at (hostile.ts). */
  readonly targets: OrgTargets;
};

/** Settling rounds before a run that still changes counts as not converging. */
const MAX_ROUNDS = 12;

/**
 * The mutation ids compaction took out of each log (team or organisation),
 * whichever run's compaction did it. On PostgreSQL the runs of a file share
 * one store, and a compaction used to compact every log in it: when runs
 * overlapped (a batch that ran past its time limit goes on beside the next),
 * one run's compaction took another's overridden rows, and a record kept only
 * by the compacting run made the other run count them as lost (the likely
 * cause of three "lost 1" PostgreSQL runs in an earlier soak). A run now
 * compacts only its own logs, and what is taken is kept per log for the whole
 * process, so each run reads what was taken from its logs by anyone.
 */
const compactedFrom = new Map<string, Set<string>>();

export async function faultRun(opts: RunOptions): Promise<RunReport> {
  const random = mulberry32(opts.seed);
  let time = Date.UTC(2026, 2, 2, 7, 0) + random.int(0, 86_400_000);
  const clock = () => time;
  seedIds(opts.seed, clock);
  const faults = emptyTally();
  const trace: string[] = [];
  const problems: string[] = [];
  const app = createApp({
    store: opts.store,
    now: clock,
    log: () => undefined,
    clientKey: (c) => c.req.header('x-fault-client') ?? 'unknown',
  });
  const network = createNetwork(
    async (input, init) => app.request(input, init),
    faults,
    `run-${opts.seed}`,
    (line) => trace.push(`${time - Date.UTC(2026, 2, 2)} ${line}`),
  );
  const makeDevice = (name: string, r: Random, stream: Random, first: boolean) => {
    // Phones' clocks disagree by a few seconds, now and then by more than the
    // HLC's drift limit; the merge must converge all the same.
    const skew = first ? 0 : r.chance(0.1) ? r.int(-600_000, 600_000) : r.int(-3000, 3000);
    return createDevice({
      name,
      random: stream,
      network,
      tally: faults,
      now: () => time + skew,
      batchSize: r.chance(0.5) ? r.int(1, 8) : 100,
    });
  };
  const devices: Device[] = Array.from({ length: opts.devices ?? 3 }, (_, i) =>
    makeDevice(`device-${i}`, random, random.fork(i + 1), i === 0),
  );
  const [lead] = devices;
  if (!lead) throw new Error('a run needs at least one device');
  // In a third of the runs one member's phone is hostile (hostile.ts).
  const hostile = emptyHostile();
  const villain = devices.length > 2 && random.chance(0.33) ? devices.at(-1) : undefined;
  const log = (d: Device, what: string) =>
    trace.push(`${time - Date.UTC(2026, 2, 2)} ${d.name} ${what}`);
  const bug = (d: Device, what: string, e: unknown) => {
    if (d.crashed || e instanceof SimulatedCrash) return;
    problems.push(`${d.name}: ${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  };

  const leadToken = async () => (await getSession(lead.db))?.token ?? '';
  /** Each device's team's facilitator (another team's devices are added below). */
  const facilitatorOf = new Map<Device, Device>(devices.map((d) => [d, lead]));
  /** Joins (or joins again after being removed) with the code the facilitator's phone shows now. */
  const join = async (d: Device): Promise<void> => {
    try {
      const head = facilitatorOf.get(d) ?? lead;
      const team = await head.api.team((await getSession(head.db))?.token ?? '');
      if (team.kind !== 'ok') {
        log(d, `join: no code (${team.kind})`);
        return;
      }
      await d.idle();
      const inviteCode = team.body.team.inviteCode ?? '';
      const r = await joinTeam(d.db, d.api, { inviteCode, displayName: d.name }, time);
      log(d, `join ${r.kind}${r.kind === 'ok' ? '' : `: ${'message' in r ? r.message : ''}`}`);
      if (r.kind === 'ok') d.signedOut = false;
    } catch (e) {
      bug(d, 'join', e);
    }
  };

  // Set-up, no faults: the lead makes the team, the others join (one may join late).
  const made = await createTeam(
    lead.db,
    lead.api,
    { teamName: 'Ward 7', displayName: 'Lead' },
    time,
  );
  if (made.kind !== 'ok') throw new Error(`create team: ${made.message}`);
  const teamId = made.session.team.id;
  const late = random.chance(0.3) ? devices.at(-1) : undefined;
  for (const d of devices.slice(1)) if (d !== late) await join(d);
  // A third of the runs have the sponsor on one of the phones (the facilitator
  // names them; their phone learns it as the Team screen does).
  const sponsor = devices[1];
  if (sponsor && sponsor !== late && random.chance(0.3)) {
    const member = (await getSession(sponsor.db))?.member.id ?? '';
    const r = await lead.api.setRole(await leadToken(), member, 'sponsor');
    if (r.kind === 'ok') await setOwnRole(sponsor.db, 'sponsor');
    log(sponsor, `sponsor ${r.kind}`);
  }
  // Half the runs begin in a huddle: a few ideas on the shortlist, voting open
  // on every phone that has joined, so that the faults meet dots being tapped.
  if (random.chance(0.5)) {
    const ideas: string[] = [];
    for (const title of ['Fridge key on a lanyard', 'Bay 3 pumps', 'Quiet hour']) {
      const r = await captureIdea(
        lead.db,
        { title, detail: '', category: 'safety', anonymous: false },
        time,
      );
      if (r.kind === 'saved') ideas.push(r.id);
    }
    const dots = random.int(1, 4);
    const h = await startHuddle(
      lead.db,
      {
        title: 'Huddle',
        dotsPerMember: dots,
        minutes: 0,
        hidden: random.chance(0.5),
        shortlist: ideas,
      },
      time,
    );
    log(lead, `huddle ${h.kind} (${dots} dots)`);
    for (const d of devices) if (d !== late) await d.sync();
  }

  /**
   * The organisation, set up with no faults: made by an admin, team A linked,
   * a neighbouring team (one or two phones) made and linked, each facilitator
   * sharing an adopted change now and then (the neighbours always, so there is
   * one to take up), a ward outside it, and a leader's phone.
   */
  const organise = async (plan: Random): Promise<RunOrgPlan> => {
    const tokenOf = async (d: Device) => (await getSession(d.db))?.token ?? '';
    const made = await lead.orgApi.createOrg({ orgName: 'North Trust', displayName: 'Admin' });
    if (made.kind !== 'ok') throw new Error(`create organisation: ${made.kind}`);
    const orgId = made.body.org.id;
    const link = async (d: Device) => {
      const r = await d.orgApi.link(await tokenOf(d), made.body.org.inviteCode ?? '');
      log(d, `link ${r.kind}`);
      if (r.kind !== 'ok') throw new Error(`link: ${r.kind}`);
      const s = await getSession(d.db);
      if (s) await setTeamOrg(d.db, s.team.id, r.body.org);
    };
    const newTeam = async (d: Device, teamName: string) => {
      const r = await createTeam(
        d.db,
        d.api,
        { teamName, displayName: `Lead of ${teamName}` },
        time,
      );
      if (r.kind !== 'ok') throw new Error(`create team: ${r.message}`);
      facilitatorOf.set(d, d);
      return r.session.team.id;
    };
    const shareOne = async (d: Device, title: string) => {
      const idea = await captureIdea(
        d.db,
        { title, detail: '', category: 'safety', anonymous: false },
        time,
      );
      if (idea.kind !== 'saved') throw new Error(`capture: ${idea.kind}`);
      await editIdea(d.db, idea.id as IdeaId, { status: 'adopted' }, time);
      const shared = await shareChange(
        d.db,
        {
          ideaId: idea.id,
          title,
          tried: 'One cycle',
          category: 'Safety',
          measure: null,
          contact: 'Ward office',
        },
        time,
      );
      log(d, `share ${shared.kind}`);
    };

    await link(lead);
    const ward8 = Array.from({ length: plan.chance(0.3) ? 2 : 1 }, (_, i) =>
      makeDevice(`ward8-${i}`, plan, plan.fork(10 + i), false),
    );
    const head = ward8[0];
    if (!head) throw new Error('no neighbour');
    const neighbours = await newTeam(head, 'Ward 8');
    for (const d of ward8.slice(1)) {
      facilitatorOf.set(d, head);
      await join(d);
    }
    await link(head);
    await shareOne(head, 'Red trays for help with meals');
    if (plan.chance(0.5)) await shareOne(lead, 'Falls huddle at 2pm');

    const outsider = plan.chance(0.4) ? makeDevice('ward9', plan, plan.fork(20), false) : undefined;
    const outside: RunTeam[] = [];
    if (outsider) {
      outside.push({ teamId: await newTeam(outsider, 'Ward 9'), devices: [outsider] });
      await captureIdea(
        outsider.db,
        { title: 'Our own idea', detail: '', category: 'safety', anonymous: false },
        time,
      );
    }
    const leader = plan.chance(0.3) ? makeDevice('leader', plan, plan.fork(30), false) : undefined;
    if (leader) {
      const r = await leader.orgApi.joinOrg({
        leaderCode: made.body.org.leaderCode ?? '',
        displayName: 'Director of Nursing',
      });
      if (r.kind !== 'ok') throw new Error(`leader join: ${r.kind}`);
      await saveOrgSession(leader.db, r.body);
    }
    const extra = [...ward8, ...(outsider ? [outsider] : []), ...(leader ? [leader] : [])];
    for (const d of [lead, ...extra]) await d.sync();
    return {
      orgId,
      devices: extra,
      teams: [{ teamId: neighbours, devices: ward8 }, ...outside],
      readers: [...devices, ...ward8, ...(leader ? [leader] : [])],
      leader,
      outsider,
      targets: { teamId: neighbours },
    };
  };

  // Three runs of ten have an organisation (its own stream, so the rest of a seed's
  // run is what it was without one).
  const plan = random.fork(0x0f9);
  const org = plan.chance(0.3) ? await organise(plan) : null;
  const everyone = [...devices, ...(org?.devices ?? [])];

  // The faulty phase: every device works at once.
  network.faultsOn = true;
  const budget = random.int(...(opts.operations ?? [15, 30]));
  const share = devices.map(() => 0);
  for (let i = 0; i < budget; i++) share[random.int(0, devices.length - 1)]! += 1;
  // The organisation's other phones take a part of the same budget (so a run
  // with an organisation costs about what one without does); a leader's phone syncs.
  for (const d of org?.devices ?? []) {
    const ops = d === org?.leader ? plan.int(1, 3) : plan.int(2, 5);
    share.push(ops);
    if (d === org?.leader) continue;
    for (let i = 0; i < ops; i++) {
      const from = share.findIndex((n, j) => j < devices.length && n > 1);
      if (from >= 0) share[from]! -= 1;
    }
  }
  let operations = 0;
  const byKind: Record<string, number> = {};
  /** The other members as the facilitator's tablet lists them (for votes on their behalf). */
  const colleagues = async (d: Device): Promise<string[]> => {
    const ids: string[] = [];
    const head = facilitatorOf.get(d);
    for (const other of everyone.filter((o) => facilitatorOf.get(o) === head)) {
      const s = other === d ? null : await getSession(other.db);
      if (s) ids.push(s.member.id);
    }
    return ids;
  };

  /** The server compacts this run's logs up to now, while the devices go on. */
  const compact = async (d: Device) => {
    const ours = new Set([teamId, ...(org ? [org.orgId, ...org.teams.map((t) => t.teamId)] : [])]);
    const r = await opts.store.compactLogs(
      time + 1,
      (ids, logOf) => {
        let taken = compactedFrom.get(logOf);
        if (!taken) compactedFrom.set(logOf, (taken = new Set()));
        for (const id of ids) taken.add(id);
      },
      ours,
    );
    if (r.removed + r.trimmed > 0) faults.compact++;
    log(d, `compact ${r.removed} removed, ${r.trimmed} shortened`);
  };
  const act = async (d: Device, ops: number) => {
    for (let done = 0; done < ops;) {
      time += d.random.int(0, 400);
      await ticks(d.random.int(0, 4));
      if (d.crashed) {
        log(d, 'restart');
        await d.restart();
      }
      if (d === org?.leader) {
        // A leader's phone in no team only reads the organisation.
        done++;
        log(d, 'sync (leader)');
        d.startSync();
        continue;
      }
      if (d === org?.outsider && d.random.chance(0.2)) {
        // The ward outside tries to read the organisation's log with its own token.
        try {
          log(d, await outsiderPull(d, hostile, org.orgId));
        } catch (e) {
          bug(d, 'outsider pull', e);
        }
        continue;
      }
      if (d.signedOut || (d !== lead && !(await getSession(d.db)))) {
        if (d !== late || d.random.chance(0.3)) await join(d);
      }
      const roll = d.random.next();
      if (roll < 0.3) {
        if (d.random.chance(0.2)) {
          d.trap = d.random.chance(0.5)
            ? { at: 'crash-before-outbox-delete', tables: ['outbox'], type: 'delete', countdown: 1 }
            : {
                at: 'crash-mid-pull-apply',
                tables: ['ideas', 'comments', 'shares', 'takes'],
                type: 'put',
                countdown: d.random.int(1, 3),
              };
        }
        log(d, `sync${d.trap ? ` (trap ${d.trap.at})` : ''}`);
        d.startSync();
        continue;
      }
      if (roll < 0.36 && d === lead) {
        await membership(d);
        continue;
      }
      if (roll < 0.38) {
        await compact(d);
        continue;
      }
      if (d === villain && d.random.chance(0.3)) {
        const victim = (await getSession(lead.db))?.member.id ?? '';
        try {
          log(d, await hostileAct(d, hostile, time, victim, org?.targets));
        } catch (e) {
          bug(d, 'hostile act', e);
        }
        continue;
      }
      if (d.random.chance(0.05)) {
        d.trap = { at: 'crash-mid-local-commit', tables: ['outbox'], type: 'add', countdown: 1 };
      }
      let r: Awaited<ReturnType<typeof randomOp>>;
      try {
        r = await randomOp(d, time, { colleagues: await colleagues(d) });
      } catch (e) {
        bug(d, 'operation', e);
        continue;
      }
      if (r === null) continue;
      done++;
      operations++;
      byKind[r.op] = (byKind[r.op] ?? 0) + 1;
      log(
        d,
        `${r.op} ${r.result.kind}${r.result.kind === 'saved' ? ` ${r.result.id}` : ''}${r.toldWhy ? ` (told: ${r.toldWhy})` : ''}`,
      );
      if (r.result.kind !== 'saved') {
        if (!d.crashed && r.toldWhy === undefined)
          problems.push(`${d.name}: ${r.op} failed with no crash: ${r.result.message}`);
      } else if (d.random.chance(0.05)) {
        d.crash('crash-after-local-commit');
      }
    }
    await d.idle();
  };

  const membership = async (facilitator: Device) => {
    const token = await leadToken();
    if (facilitator.random.chance(0.5)) {
      const r = await facilitator.api.rotateInvite(token);
      log(facilitator, `rotate invite ${r.kind}`);
      if (r.kind === 'ok') faults['invite-rotated']++;
      return;
    }
    const members: { d: Device; id: string }[] = [];
    for (const d of devices.slice(1)) {
      const s = await getSession(d.db);
      if (s && !d.signedOut) members.push({ d, id: s.member.id });
    }
    if (members.length === 0) return;
    const target = facilitator.random.pick(members);
    const r = await facilitator.api.removeMember(token, target.id);
    log(facilitator, `remove ${target.d.name} ${r.kind}`);
    if (r.kind === 'ok') faults['token-revoked']++;
  };

  await Promise.all(everyone.map((d, i) => act(d, share[i] ?? 0)));

  // Quiet: no faults; every device syncs until a whole round changes nothing.
  network.faultsOn = false;
  for (const d of everyone) {
    d.trap = null;
    await d.idle();
    if (d.crashed) await d.restart();
  }
  // A squat must block nothing: the facilitator starts the test it aimed at.
  const startedOnSquat = new Set<string>();
  for (const idea of hostile.squatted) {
    // Only an idea the team has (the hostile phone may have aimed at one not yet sent).
    if (!(await lead.db.ideas.get(idea)) || !(await opts.store.readEntity(teamId, 'idea', idea)))
      continue;
    const r = await startTest(lead.db, idea, time);
    log(lead, `start squatted test ${r.kind}`);
    if (r.kind === 'saved') startedOnSquat.add(idea);
  }
  // The phones' clocks move on before settling. (Not past the server's rate limits:
  // rate-limiter-flexible counts real time, not this clock. A run fills none of them.)
  time += 11 * 60_000;
  let settled = false;
  for (let round = 0; round < MAX_ROUNDS && !settled; round++) {
    settled = true;
    for (const d of everyone) {
      if (d !== org?.leader && (d.signedOut || !(await getSession(d.db)))) {
        await join(d);
        settled = false;
      }
      time += 50;
      const o = await d.sync();
      log(d, `settle ${JSON.stringify(o)}`);
      if (o?.kind !== 'synced' || o.pushed + o.pulled + o.rejected > 0) settled = false;
    }
  }
  if (!settled)
    problems.push(`still changing after ${MAX_ROUNDS} rounds of syncing with no faults`);
  for (const d of everyone) {
    for (const e of d.errors) problems.push(`${d.name}: sync threw: ${String(e)}`);
  }

  const teams: RunTeam[] = [{ teamId, devices }, ...(org?.teams ?? [])];
  /**
   * The mutation ids compaction took out of this run's logs (decision 0025):
   * applied once all the same, so the check counts them as logged. Told by the
   * compaction itself: a push applied while it ran, and compacted away at once
   * (a late vote overridden by a later-stamped one), is in no snapshot of the
   * log taken before or after.
   */
  const compactedAway = new Set(
    [teamId, ...(org ? [org.orgId, ...org.teams.map((t) => t.teamId)] : [])].flatMap((log) => [
      ...(compactedFrom.get(log) ?? []),
    ]),
  );
  const verdict = await checkRun(
    opts.store,
    teams,
    org ? { orgId: org.orgId, readers: new Set(org.readers) } : null,
    hostile.sentRaw,
    org?.leader ? [org.leader] : [],
    compactedAway,
  );
  const logged = new Set(
    [...(await changeLog(opts.store, teamId)), ...(org ? await orgLog(opts.store, org.orgId) : [])]
      .map((c) => c.mutationId)
      .concat([...compactedAway]),
  );
  const hostileSuccesses =
    [...hostile.mustFail].filter((id) => logged.has(id)).length + hostile.leaks;
  if (hostileSuccesses > 0)
    problems.push(
      `a hostile member's change was applied, or a team outside read the organisation's log, ${hostileSuccesses} time(s)`,
    );
  for (const idea of startedOnSquat) {
    const held = await opts.store.readEntity(teamId, 'pdsa', cycleId(idea, 1));
    const ideaHeld = await opts.store.readEntity(teamId, 'idea', idea);
    if (ideaHeld && (await lead.db.ideas.get(idea)) && !held)
      problems.push(`a squat on ${idea} blocked its test of change`);
  }
  for (const d of everyone) d.close();
  return {
    ...verdict,
    problems: [...problems, ...verdict.problems],
    seed: opts.seed,
    operations,
    operationsByKind: byKind,
    faults,
    trace,
    hostileAttempts: hostile.attempts,
    hostileSuccesses,
  };
}
