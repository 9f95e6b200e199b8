/**
 * A trust's day on one PostgreSQL (issue 15): several real server processes
 * (`node --import tsx server/main.ts`, one schema) behind a round-robin proxy,
 * and simulated devices speaking /api/v1 over HTTP as the app does. Each team
 * has a facilitator who shortlists five ideas and opens a huddle; through the
 * (compressed) day every device captures an idea, pulls now and then, and
 * votes in its team's huddle burst (everyone within two seconds); one device
 * in five, and each team's TV, holds an event stream and pulls when it says
 * "change". Each device does one thing at a time, as the app does. Afterwards
 * one device per team pulls everything and every acknowledged capture and
 * vote must be there exactly once.
 *
 * Then, on a quiet system, live updates across processes: a device streaming
 * from one process, a colleague pushing through another, timed from the
 * push's answer to the "change" event.
 *
 * Used by tests/integration/server/servers.test.ts (a small day, in npm test)
 * and bench/sections/servers.ts (500, 2,000 and 8,000 devices).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import * as v from 'valibot';
import { openStore, withPgUser, type Store } from '../../server/store/index.ts';
import { formatHlc, type Hlc } from '../../src/domain/hlc.ts';
import { voteIdOf } from '../../src/domain/huddle.ts';
import { createIdeaMutation } from '../../src/domain/idea.ts';
import type { DeviceId, IdeaId, MemberId, MutationId } from '../../src/domain/ids.ts';
import { pushResponseSchema, type SessionResponse } from '../../src/domain/protocol.ts';
import { newId } from '../../src/lib/id.ts';
import { freePort } from '../integration/support/freePort.ts';
import { roundRobin } from '../integration/support/roundRobin.ts';
import { startChild, type Child } from '../integration/support/serverProcess.ts';
import { random, sleep } from '../kill/random.ts';

export type TrustDayOptions = {
  readonly pgUrl: string;
  /** A schema of the caller's own; it drops it afterwards. */
  readonly pgSchema: string;
  readonly servers: number;
  readonly devices: number;
  readonly teamSize: number;
  /** How long the ward's day is squeezed into. */
  readonly dayMs: number;
  /** Each device pulls about this often (plus when its stream says "change"). */
  readonly pullEveryMs: number;
  /** Cross-process live update samples after the day. */
  readonly liveSamples: number;
  readonly seed: number;
  readonly log?: (line: string) => void;
  /** More environment for the server processes (e.g. DATABASE_URL through PgBouncer). */
  readonly serverEnv?: Readonly<Record<string, string>>;
};

export type Spread = {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
};

export type TrustDayReport = {
  readonly servers: number;
  readonly devices: number;
  readonly teams: number;
  readonly streams: number;
  /** Requests the proxy sent each process. */
  readonly perServer: number[];
  readonly push: Spread;
  /** Of the pushes, those that named where their device saw the server (decision 0036). */
  readonly checkedPushes: number;
  /** One-change pulls a device asked before its first push, to learn the epoch (not in `pull`). */
  readonly probes: number;
  readonly pull: Spread;
  readonly errors: number;
  readonly errorSamples: string[];
  /** Ms from sending a push (to one process) to "change" on a stream from another. */
  readonly live: Spread;
  readonly liveMissed: number;
  readonly captured: number;
  readonly voted: number;
  readonly lost: string[];
  readonly duplicated: string[];
  readonly changes: number;
  readonly databaseBytes: number;
  readonly wallMs: number;
};

type Device = {
  readonly session: SessionResponse;
  readonly node: DeviceId;
  counter: number;
  cursor: number;
  /** The server's epoch from the device's last pull: its pushes then name where it saw the server. */
  epoch: string | undefined;
  /** The end of what the device is doing: like the app, it syncs once at a time. */
  turn: Promise<unknown>;
  /** A pull asked for and not yet started, which a later ask joins. */
  pullAsked: Promise<unknown> | undefined;
};

type Team = {
  readonly lead: Device;
  readonly devices: Device[];
  readonly huddleId: string;
  readonly shortlist: IdeaId[];
};

export function spread(values: readonly number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? 0;
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    count: s.length,
    p50: r(at(0.5)),
    p95: r(at(0.95)),
    p99: r(at(0.99)),
    max: r(s.at(-1) ?? 0),
  };
}

/** An epoch a device can name: the app takes none or '' as not seen (src/sync/restore.ts lastSeen). */
const known = (epoch: string | undefined): string | undefined =>
  epoch === undefined || epoch === '' ? undefined : epoch;

function hlc(d: Device): Hlc {
  return formatHlc({ wall: Date.now(), counter: d.counter++, node: d.node });
}

const device = (session: SessionResponse): Device => ({
  session,
  node: randomBytes(8).toString('hex') as DeviceId,
  counter: 0,
  cursor: 0,
  epoch: undefined,
  turn: Promise.resolve(),
  pullAsked: undefined,
});

/**
 * Runs `job` once the device has finished what it is doing. The app holds one
 * sync at a time (src/sync/lock.ts), so a phone waiting on a slow server does
 * not send more; before this, a device started a pull every 30 s whether or
 * not its last had come back, and a saturated server was sent more and more
 * (at 8,000 devices the simulator ran out of file descriptors).
 */
function inTurn<T>(d: Device, job: () => Promise<T>): Promise<T> {
  const mine = d.turn.then(job, job);
  d.turn = mine.catch(() => undefined);
  return mine;
}

/** Asks for a pull; one already asked for and not yet started answers for both, as in the app. */
function pullSoon(t: Traffic, d: Device): Promise<unknown> {
  d.pullAsked ??= inTurn(d, () => {
    d.pullAsked = undefined;
    return t.pull(d);
  });
  return d.pullAsked;
}

function ideaMutation(d: Device, title: string) {
  return createIdeaMutation(
    { title, detail: '', category: 'other', anonymous: false },
    { ideaId: newId<IdeaId>(), mutationId: newId<MutationId>() },
    { id: d.session.member.id as MemberId, name: d.session.member.displayName },
    hlc(d),
    Date.now(),
  );
}

/** A failed request with what underneath failed ("fetch failed" alone says nothing). */
function failure(e: unknown): string {
  const code = (x: Error) => ('code' in x ? ` ${String(x.code)}` : '');
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? e.cause : undefined;
  return cause
    ? `${String(e)} (${cause.name}${code(cause)}: ${cause.message})`
    : `${String(e)}${code(e)}`;
}

/** As long as fetch waited for an answer. */
const REQUEST_TIMEOUT_MS = 300_000;

/**
 * One request as a phone sends it (gzip accepted), on plain node:http with a
 * keep-alive agent. Not fetch: with thousands of connections to one origin,
 * undici's pool looked for a free one by walking them all on every request,
 * and its streamed gunzip cost a millisecond an answer; together they held
 * the simulator's event loop for seconds at 2,000 devices, and every latency
 * it measured grew by as much.
 */
function request(
  agent: http.Agent,
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
): Promise<{ status: number; text: string }> {
  return new Promise((ok, fail) => {
    const req = http.request(
      url,
      { method: init.method, agent, headers: { 'accept-encoding': 'gzip', ...init.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', fail);
        res.on('end', () => {
          try {
            const body = Buffer.concat(chunks);
            const packed = res.headers['content-encoding'] === 'gzip';
            ok({
              status: res.statusCode ?? 0,
              text: (packed ? gunzipSync(body) : body).toString('utf8'),
            });
          } catch (e) {
            fail(e instanceof Error ? e : new Error(String(e)));
          }
        });
      },
    );
    req.on('error', fail);
    // As fetch gave up (a stuck request is an error in the report, not a hung run).
    req.setTimeout(REQUEST_TIMEOUT_MS, () =>
      req.destroy(new Error(`no answer for ${REQUEST_TIMEOUT_MS / 1000} s`)),
    );
    req.end(init.body);
  });
}

/** What the devices did, and what the server answered. */
class Traffic {
  readonly pushMs: number[] = [];
  /** Pushes sent to the checked path. */
  checkedPushes = 0;
  /** One-change pulls asked before a device's first push; not among the pulls timed. */
  probes = 0;
  readonly pullMs: number[] = [];
  errors = 0;
  readonly errorSamples: string[] = [];
  constructor(
    private readonly base: string,
    private readonly agent: http.Agent,
  ) {}

  /** Counts an error; the first five are kept as samples. */
  fail(what: string) {
    this.errors++;
    if (this.errorSamples.length < 5) this.errorSamples.push(what);
  }

  /**
   * Sends `mutations`, saying as the app does that a refused one is never sent
   * again under its id (`refusals=final`); the ids the server applied (or had
   * applied before). As the app does (decision 0036), a device that has seen
   * the server's epoch names it and its cursor (the checked push); one that has
   * not asks first with a one-change pull, then pushes plain. Until December
   * 2026 every device pushed plain.
   */
  async push(
    d: Device,
    mutations: ({ id: string } & Record<string, unknown>)[],
  ): Promise<string[]> {
    const path =
      d.epoch === undefined
        ? '/api/v1/sync/push?refusals=final'
        : `/api/v1/sync/push/checked?refusals=final&epoch=${d.epoch}&cursor=${d.cursor}`;
    if (d.epoch === undefined && !(await this.probe(d))) return [];
    if (path.includes('/checked')) this.checkedPushes++;
    const t0 = performance.now();
    try {
      const res = await request(this.agent, `${this.base}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${d.session.token}`,
        },
        body: JSON.stringify({ teamId: d.session.team.id, mutations }),
      });
      const { text } = res;
      this.pushMs.push(performance.now() - t0);
      if (res.status !== 200) {
        this.fail(`push ${res.status}: ${text.slice(0, 120)}`);
        return [];
      }
      const { results } = v.parse(pushResponseSchema, JSON.parse(text));
      for (const r of results) if (r.kind === 'rejected') this.fail(`push refused: ${r.reason}`);
      return results.filter((r) => r.kind !== 'rejected').map((r) => r.id);
    } catch (e) {
      this.pushMs.push(performance.now() - t0);
      this.fail(`push: ${failure(e)}`);
      return [];
    }
  }

  /**
   * The app's ask before its first push (src/sync/restore.ts): one change from
   * the device's cursor, for the server's epoch; false if it failed.
   */
  private async probe(d: Device): Promise<boolean> {
    try {
      const res = await request(
        this.agent,
        `${this.base}/api/v1/sync/pull?team=${d.session.team.id}&cursor=${d.cursor}&limit=1`,
        { method: 'GET', headers: { authorization: `Bearer ${d.session.token}` } },
      );
      this.probes++;
      if (res.status !== 200) {
        this.fail(`pull ${res.status}: ${res.text.slice(0, 120)}`);
        return false;
      }
      // Kept, as the app keeps it; the push of the pass that asked goes plain.
      d.epoch = known((JSON.parse(res.text) as { epoch?: string }).epoch) ?? d.epoch;
      return true;
    } catch (e) {
      this.probes++;
      this.fail(`pull: ${failure(e)}`);
      return false;
    }
  }

  /**
   * Pulls until the device has everything; the changes it was sent. It names
   * itself (`own`), as the app does, so the server leaves out what this device
   * pushed and had applied as sent (no echo); until December 2026 the devices
   * pulled as last month's app did, and were sent their own changes back.
   */
  async pull(
    d: Device,
  ): Promise<{ entity: string; entityId: string; mutationId: string; fields: unknown }[]> {
    const got: { entity: string; entityId: string; mutationId: string; fields: unknown }[] = [];
    for (;;) {
      const t0 = performance.now();
      try {
        const res = await request(
          this.agent,
          `${this.base}/api/v1/sync/pull?team=${d.session.team.id}&cursor=${d.cursor}&own=${d.node}`,
          { method: 'GET', headers: { authorization: `Bearer ${d.session.token}` } },
        );
        const { text } = res;
        this.pullMs.push(performance.now() - t0);
        if (res.status !== 200) {
          this.fail(`pull ${res.status}: ${text.slice(0, 120)}`);
          return got;
        }
        const page = JSON.parse(text) as {
          changes: { entity: string; entityId: string; mutationId: string; fields: unknown }[];
          cursor: number;
          more: boolean;
          epoch?: string;
        };
        got.push(...page.changes);
        d.epoch = known(page.epoch) ?? d.epoch;
        const moved = page.cursor !== d.cursor;
        d.cursor = page.cursor;
        if (!page.more || !moved) return got;
      } catch (e) {
        this.pullMs.push(performance.now() - t0);
        this.fail(`pull: ${failure(e)}`);
        return got;
      }
    }
  }
}

/** An event stream for `d` from `base`; calls `onChange` at each "change". */
async function stream(
  base: string,
  d: Device,
  onChange: () => void,
): Promise<{ ready: Promise<void>; close: () => void }> {
  const abort = new AbortController();
  let ready!: () => void;
  const isReady = new Promise<void>((ok) => (ready = ok));
  const res = await fetch(`${base}/api/v1/events?team=${d.session.team.id}`, {
    headers: { authorization: `Bearer ${d.session.token}` },
    signal: abort.signal,
  });
  if (res.status !== 200 || !res.body) {
    throw new Error(`event stream answered ${res.status}: ${await res.text()}`);
  }
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (/^event: ready$/m.test(event)) ready();
          if (/^event: change$/m.test(event)) onChange();
        }
      }
    } catch {
      // closed by the device at the end of the day
    }
  })();
  return { ready: isReady, close: () => abort.abort() };
}

async function databaseBytes(pgUrl: string, schema: string): Promise<number> {
  const client = new pg.Client({ connectionString: withPgUser(pgUrl).toString() });
  await client.connect();
  try {
    const r = await client.query<{ bytes: string | null }>(
      `SELECT sum(pg_total_relation_size(c.oid))::bigint AS bytes
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind = 'r'`,
      [schema],
    );
    return Number(r.rows[0]?.bytes ?? 0);
  } finally {
    await client.end();
  }
}

async function setUp(store: Store, opts: TrustDayOptions, t: Traffic) {
  const teams: Team[] = [];
  const count = Math.ceil(opts.devices / opts.teamSize);
  for (let i = 0; i < count; i++) {
    const size = Math.min(opts.teamSize, opts.devices - i * opts.teamSize);
    const first = await store.createTeam(
      { teamName: `Ward ${i + 1}`, displayName: `Lead ${i + 1}` },
      Date.now(),
    );
    const code = first.team.inviteCode;
    if (!code) throw new Error('a new team has no invite code');
    const devices = [device(first)];
    for (let m = 1; m < size; m++) {
      const s = await store.joinTeam(
        { inviteCode: code, displayName: `Nurse ${i + 1}.${m}` },
        Date.now(),
      );
      if (!s || !('token' in s)) throw new Error('a join was refused');
      devices.push(device(s));
    }
    const lead = devices[0]!;
    const ideas = Array.from({ length: 5 }, (_, k) => ideaMutation(lead, `Shortlisted ${k + 1}`));
    const huddleId = newId<string>();
    const huddle = {
      id: newId<MutationId>(),
      entity: 'huddle',
      entityId: huddleId,
      fields: {
        title: 'Morning huddle',
        dotsPerMember: 3,
        endsAt: null,
        hidden: false,
        shortlist: JSON.stringify(ideas.map((m) => m.entityId)),
        state: 'open',
        startedBy: lead.session.member.id,
        startedAt: Date.now(),
        closedAt: null,
        outcome: '[]',
      },
      hlc: hlc(lead),
    };
    const applied = await t.push(lead, [...ideas, huddle]);
    if (applied.length !== 6)
      throw new Error(`the huddle did not start: ${t.errorSamples.join('; ')}`);
    teams.push({ lead, devices, huddleId, shortlist: ideas.map((m) => m.entityId) });
  }
  return teams;
}

export async function runTrustDay(opts: TrustDayOptions): Promise<TrustDayReport> {
  const log = opts.log ?? (() => undefined);
  const rand = random(opts.seed);
  const started = performance.now();
  const store = await openStore({ databaseUrl: opts.pgUrl, pgSchema: opts.pgSchema });
  const children: Child[] = [];
  const bases: string[] = [];
  const closers: (() => void)[] = [];
  let proxy: Awaited<ReturnType<typeof roundRobin>> | undefined;
  // The devices' connections, kept alive between their requests.
  const agent = new http.Agent({ keepAlive: true });
  try {
    for (let i = 0; i < opts.servers; i++) {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      children.push(
        await startChild(
          {
            PORT: String(port),
            HOST: '127.0.0.1',
            DATABASE_URL: opts.pgUrl,
            PG_SCHEMA: opts.pgSchema,
            STATIC_DIR: '/nonexistent-ground-up-app',
            NOTIFICATIONS: 'off',
            // The simulated devices all come from one address and pull as fast as the day goes.
            LIMIT_PULLS_PER_MINUTE: '2000000000',
            LIMIT_RECORDS_PER_DAY: '2000000000',
            LIMIT_PUSH_BYTES_PER_HOUR: '2000000000',
            ...opts.serverEnv,
          },
          base,
        ),
      );
      bases.push(base);
    }
    proxy = await roundRobin(bases);
    const t = new Traffic(proxy.url, agent);
    log(`${opts.servers} servers up; setting up ${opts.devices} devices…`);
    const teams = await setUp(store, opts, t);
    const setUpErrors = t.errors;

    // The day.
    const captured = new Set<string>();
    const voted = new Set<string>();
    const work: Promise<unknown>[] = [];
    let streams = 0;
    const at = (ms: number, job: () => Promise<unknown>) => work.push(sleep(ms).then(job));
    for (const team of teams) {
      const burst = rand() * Math.max(0, opts.dayMs - 2000);
      team.devices.forEach((d, k) => {
        at(rand() * opts.dayMs, () =>
          inTurn(d, async () => {
            const m = ideaMutation(d, `Captured on shift by ${d.session.member.displayName}`);
            if ((await t.push(d, [m])).includes(m.id)) captured.add(m.entityId);
          }),
        );
        for (let p = rand() * opts.pullEveryMs; p < opts.dayMs; p += opts.pullEveryMs) {
          at(p, () => pullSoon(t, d));
        }
        at(burst + rand() * 2000, () =>
          inTurn(d, async () => {
            const ideaId = team.shortlist[Math.floor(rand() * team.shortlist.length)]!;
            const identity = {
              huddleId: team.huddleId,
              ideaId,
              memberId: d.session.member.id,
              proxy: false,
              proxyName: null,
            };
            const id = voteIdOf(identity);
            const mutationId = newId<MutationId>();
            const applied = await t.push(d, [
              {
                id: mutationId,
                entity: 'vote',
                entityId: id,
                fields: { ...identity, dots: 1 },
                hlc: hlc(d),
              },
            ]);
            if (applied.includes(mutationId)) voted.add(id);
          }),
        );
        // The TV (the lead's device stands in for it) and one phone in five keep a stream open.
        if (k === 0 || rand() < 0.2) {
          streams++;
          // As the app's scheduler does: a "change" during a pull asks for one more after it.
          const kick = () => void pullSoon(t, d);
          work.push(
            stream(proxy!.url, d, kick).then(
              (s) => closers.push(s.close),
              (e: unknown) => {
                t.fail(`stream: ${failure(e).slice(0, 160)}`);
              },
            ),
          );
        }
      });
    }
    log(`the day: ${opts.dayMs} ms, ${streams} event streams…`);
    await Promise.all(work);
    for (const close of closers.splice(0)) close();
    // A pull a "change" asked for may still be waiting its device's turn: part of the day.
    await Promise.all(teams.flatMap((team) => team.devices.map((d) => d.turn)));
    const dayErrors = t.errors - setUpErrors;

    // Everything acknowledged is on the server, once.
    const seen = new Map<string, number>();
    let changes = 0;
    for (const team of teams) {
      const reader = device(team.lead.session);
      for (const c of await t.pull(reader)) {
        changes++;
        if (c.entity === 'idea' && !team.shortlist.includes(c.entityId as IdeaId)) {
          seen.set(c.entityId, (seen.get(c.entityId) ?? 0) + 1);
        }
        if (c.entity === 'vote') seen.set(c.entityId, (seen.get(c.entityId) ?? 0) + 1);
      }
    }
    const expected = [...captured, ...voted];
    const lost = expected.filter((id) => !seen.has(id));
    // A capture is one change; a vote made once is one change.
    const duplicated = [...seen].filter(([, n]) => n > 1).map(([id]) => id);

    // Live updates across processes, on a quiet system.
    const liveMs: number[] = [];
    let liveMissed = 0;
    const direct = new Traffic(bases[0]!, agent);
    for (let i = 0; i < opts.liveSamples && bases.length > 1; i++) {
      const team = teams[i % teams.length]!;
      const watcher = team.devices[team.devices.length - 1]!;
      let changed: () => void = () => undefined;
      const s = await stream(bases[1 + (i % (bases.length - 1))]!, watcher, () => changed());
      closers.push(s.close);
      await s.ready;
      const arrived = new Promise<number>((ok) => (changed = () => ok(performance.now())));
      const m = ideaMutation(team.lead, `Live ${i + 1}`);
      const pushed = performance.now();
      await direct.push(team.lead, [m]);
      const when = await Promise.race([arrived, sleep(10_000).then(() => null)]);
      if (when === null) liveMissed++;
      else liveMs.push(Math.max(0, when - pushed));
      s.close();
    }
    return {
      servers: opts.servers,
      devices: opts.devices,
      teams: teams.length,
      streams,
      perServer: await proxy.sent(),
      push: spread(t.pushMs),
      checkedPushes: t.checkedPushes,
      probes: t.probes,
      pull: spread(t.pullMs),
      errors: dayErrors + direct.errors,
      errorSamples: [...t.errorSamples, ...direct.errorSamples],
      live: spread(liveMs),
      liveMissed,
      captured: captured.size,
      voted: voted.size,
      lost,
      duplicated,
      changes,
      databaseBytes: await databaseBytes(opts.pgUrl, opts.pgSchema),
      wallMs: Math.round(performance.now() - started),
    };
  } finally {
    agent.destroy();
    for (const close of closers) close();
    await proxy?.close();
    for (const c of children) {
      c.process.kill('SIGTERM');
      await c.exited;
    }
    await store.close();
  }
}
