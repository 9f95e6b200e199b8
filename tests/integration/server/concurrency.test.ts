// Pushes that race: on PostgreSQL these run on separate connections at once,
// on SQLite they queue. Either way nothing is applied twice, lost, or skipped
// by a device pulling while others push.
import { DEFAULT_LIMITS, memoryLimits } from '../../../server/http/limits.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import pg from 'pg';
import {
  openStore,
  ServerMoved,
  withPgUser,
  type Actor,
  type Store,
  type StoreOptions,
} from '../../../server/store/index.ts';
import { pushesCommittedTogether, pushesRunAgainAlone } from '../../../server/store/push.ts';
import type { Change, SessionResponse } from '../../../src/domain/protocol.ts';
import { BACKENDS, databaseTargets, PG_AVAILABLE, PG_URL } from './backends.ts';
import { device, harness, T0 } from './harness.ts';

describe.each(BACKENDS)('concurrent pushes on $name', (backend) => {
  let store: Store;
  let lead: SessionResponse;
  let actor: Actor;
  beforeEach(async () => {
    store = await backend.open();
    lead = await store.createTeam({ teamName: 'Ward 7', displayName: 'Priya' }, T0);
    const found = await store.authenticate(lead.token);
    if (!found) throw new Error('no actor');
    actor = found;
  });
  afterEach(() => store.close());

  it('applies a mutation sent twice at the same moment exactly once', async () => {
    const phone = device(1);
    for (let round = 0; round < 5; round++) {
      const m = phone.idea(lead, `Idea ${round}`);
      const [one, two] = await Promise.all([
        store.push(actor, [m], T0),
        store.push(actor, [m], T0),
      ]);
      expect([one?.[0]?.kind, two?.[0]?.kind].sort()).toEqual(['applied', 'duplicate']);
    }
    const log = await store.pull(lead.team.id, 0, 100);
    expect(log.changes.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('numbers racing pushes 1..N with no gap, and a device pulling meanwhile sees every one', async () => {
    const pushes = Array.from({ length: 16 }, (_, p) => {
      const phone = device(p + 1);
      return Array.from({ length: 5 }, (_, i) => phone.idea(lead, `Phone ${p} idea ${i}`));
    });
    const seen: Change[] = [];
    let done = false;
    const puller = (async () => {
      let cursor = 0;
      for (;;) {
        const finished = done;
        const page = await store.pull(lead.team.id, cursor, 7);
        seen.push(...page.changes);
        cursor = page.cursor;
        if (finished && !page.more) return;
      }
    })();
    const results = await Promise.all(pushes.map((batch) => store.push(actor, batch, T0)));
    done = true;
    await puller;

    const seqs = results.flat().map((r) => (r.kind === 'applied' ? r.seq : -1));
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(seen.map((c) => c.seq)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    // Each push's mutations keep their order inside the log.
    for (const r of results) {
      const own = r.map((x) => (x.kind === 'applied' ? x.seq : 0));
      expect(own).toEqual([...own].sort((a, b) => a - b));
    }
  });

  it("commits pushes that queued behind a team's turn together, each answered as alone", async () => {
    const before = pushesCommittedTogether();
    // The first holds the team's turn; the four after it queue and go in one transaction.
    const ideas = Array.from({ length: 5 }, (_, p) => device(p + 1).idea(lead, `Idea ${p}`));
    const results = await Promise.all(ideas.map((m) => store.push(actor, [m], T0)));
    expect(results.map((r) => r[0])).toEqual(
      ideas.map((m, i) => ({ id: m.id, kind: 'applied', seq: i + 1 })),
    );
    expect(pushesCommittedTogether() - before).toBe(4);
    const log = await store.pull(lead.team.id, 0, 100);
    expect(log.changes.map((c) => [c.seq, c.fields['title']])).toEqual(
      ideas.map((m, i) => [i + 1, m.fields.title]),
    );
  });

  it('answers a push in a queued group that names a server this is not, and commits the rest together', async () => {
    const [together, alone] = [pushesCommittedTogether(), pushesRunAgainAlone()];
    const ideas = Array.from({ length: 5 }, (_, p) => device(p + 1).idea(lead, `Idea ${p}`));
    const moved = device(9).idea(lead, 'Sent to a server restored from a backup');
    const [first, second, third, ...rest] = ideas.map((m) => () => store.push(actor, [m], T0));
    // In one tick: the first takes the turn alone; the rest, the refused one among them, queue.
    const pending = [
      first!(),
      second!(),
      third!(),
      store.push(actor, [moved], T0, { since: { epoch: 'another server', cursor: 0 } }).then(
        () => 'applied',
        (err: unknown) => (err instanceof ServerMoved ? 'server moved' : String(err)),
      ),
      ...rest.map((push) => push()),
    ];
    const [a, b, c, refused, d, e] = await Promise.all(pending);
    expect(refused).toBe('server moved');
    expect([a, b, c, d, e].map((r) => (typeof r === 'string' ? r : r?.[0]))).toEqual(
      ideas.map((m, i) => ({ id: m.id, kind: 'applied', seq: i + 1 })),
    );
    expect([pushesCommittedTogether() - together, pushesRunAgainAlone() - alone]).toEqual([4, 0]);
    const log = await store.pull(lead.team.id, 0, 100);
    expect(log.changes.map((ch) => ch.fields['title'])).toEqual(ideas.map((m) => m.fields.title));
  });

  it('loses no edit when many devices retitle one idea at once: the latest stamp wins', async () => {
    const idea = device(99).idea(lead, 'Original');
    await store.push(actor, [idea], T0);
    const edits = Array.from({ length: 12 }, (_, i) =>
      device(i + 1).edit(idea.entityId, { title: `Title ${i}` }, T0 + 1000 + ((i * 7) % 12) * 1000),
    );
    await Promise.all(edits.map((e) => store.push(actor, [e], T0)));
    const latest = edits.reduce((a, b) => (a.hlc > b.hlc ? a : b));
    const held = await store.readEntity(lead.team.id, 'idea', idea.entityId);
    expect(held?.state.fields['title']).toBe(latest.fields.title);
    expect(held?.state.stamps['title']).toBe(latest.hlc);
  });
});

// The load a busy ward's server sees, on PostgreSQL (separate connections, real
// row locks): 10 devices each push 1,000 ideas in batches while a huddle board
// pulls without pause. The board must end with every idea, in order, once.
const postgres = () => {
  const pg = BACKENDS.find((b) => b.name === 'postgres');
  if (!pg) throw new Error('PostgreSQL is not available');
  return pg;
};

describe.runIf(PG_AVAILABLE)('10 devices × 1,000 ideas on PostgreSQL with a board pulling', () => {
  const DEVICES = 10;
  const EACH = 1000;
  const BATCH = 100;
  let store: Store;
  beforeEach(async () => {
    store = await postgres().open();
  });
  afterEach(() => store.close());

  it('gives the pulling board every idea exactly once, in sequence, with no gap', async () => {
    // The board pulls in a tight loop, far past the fair-use limit on pulls a
    // minute (a real board pulls on each event); this test is about order.
    const h = harness(store, {
      limits: memoryLimits({ ...DEFAULT_LIMITS, pulls: { points: 1_000_000, durationSec: 60 } }),
    });
    const lead = await h.createTeam();
    const members = [lead];
    for (let i = 1; i < DEVICES; i++)
      members.push(await h.join(lead.team.inviteCode, `Nurse ${i}`));
    const sent = members.map((m, i) => {
      const phone = device(i + 1);
      return Array.from({ length: EACH }, (_, n) => phone.idea(m, `Device ${i} idea ${n}`));
    });

    const seen: Change[] = [];
    let pushing = true;
    let pulls = 0;
    const board = (async () => {
      let cursor = 0;
      for (;;) {
        const finished = !pushing;
        const page = await h.pull(lead, cursor);
        pulls++;
        seen.push(...page.changes);
        cursor = page.cursor;
        if (finished && !page.more) return;
      }
    })();
    await Promise.all(
      sent.map(async (mutations, i) => {
        const member = members[i];
        if (!member) throw new Error('no member');
        for (let b = 0; b < mutations.length; b += BATCH) {
          const results = await h.push(member, mutations.slice(b, b + BATCH));
          expect(results.every((r) => r.kind === 'applied')).toBe(true);
        }
      }),
    );
    pushing = false;
    await board;

    const total = DEVICES * EACH;
    expect(pulls).toBeGreaterThan(DEVICES); // it really pulled while the pushes ran
    expect(seen.map((c) => c.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const ids = seen.map((c) => c.mutationId);
    expect(new Set(ids).size).toBe(total);
    expect(new Set(ids)).toEqual(new Set(sent.flat().map((m) => m.id)));
    // Each device's ideas reach the board in the order the device sent them.
    for (const mutations of sent) {
      const order = new Map(mutations.map((m, n) => [m.id as string, n]));
      const mine = seen.filter((c) => order.has(c.mutationId)).map((c) => order.get(c.mutationId));
      expect(mine).toEqual(Array.from({ length: EACH }, (_, n) => n));
    }
  }, 120_000);
});

/**
 * A statement that fails inside a group (here a trigger refusing one title, as
 * a full disk or a lost connection would fail it) rolls the whole group back;
 * each push then runs alone: the failing one fails, every other is applied
 * once, none twice, none lost.
 */
describe.each(databaseTargets('group'))('a group commit that fails on $name', (target) => {
  it('runs each push of the group again on its own', async () => {
    const { opts, done } = target.make();
    const store = await openStore(opts);
    try {
      await refuseTitle(target.name, opts, 'Refused by the database');
      const lead = await store.createTeam({ teamName: 'Ward 8', displayName: 'Priya' }, T0);
      const actor = await store.authenticate(lead.token);
      if (!actor) throw new Error('no actor');
      const [together, alone] = [pushesCommittedTogether(), pushesRunAgainAlone()];
      const titles = ['First', 'Second', 'Refused by the database', 'Fourth', 'Fifth'];
      const ideas = titles.map((title, p) => device(p + 1).idea(lead, title));
      const settled = await Promise.allSettled(ideas.map((m) => store.push(actor, [m], T0)));
      expect(settled.map((s) => s.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'rejected',
        'fulfilled',
        'fulfilled',
      ]);
      // The first alone; the four behind it together, failed, then each alone.
      expect([pushesCommittedTogether() - together, pushesRunAgainAlone() - alone]).toEqual([0, 4]);
      const log = await store.pull(lead.team.id, 0, 100);
      expect(log.changes.map((ch) => [ch.seq, ch.fields['title']])).toEqual([
        [1, 'First'],
        [2, 'Second'],
        [3, 'Fourth'],
        [4, 'Fifth'],
      ]);
    } finally {
      await store.close();
      await done();
    }
  });
});

/** A trigger that makes the database refuse a change log row holding `title`. */
async function refuseTitle(
  name: 'sqlite' | 'postgres',
  opts: StoreOptions,
  title: string,
): Promise<void> {
  if (name === 'sqlite') {
    const db = new Database(opts.sqlitePath ?? '');
    db.exec(`create trigger refuse before insert on change_log
             when new.fields like '%${title}%' begin select raise(abort, 'refused'); end`);
    db.close();
    return;
  }
  const c = new pg.Client({ connectionString: withPgUser(PG_URL).toString() });
  await c.connect();
  try {
    await c.query(`set search_path to "${opts.pgSchema}"`);
    await c.query(`create function refuse() returns trigger language plpgsql as $$
      begin
        if new.fields like '%${title}%' then raise exception 'refused'; end if;
        return new;
      end $$`);
    await c.query(
      'create trigger refuse before insert on change_log for each row execute function refuse()',
    );
  } finally {
    await c.end();
  }
}
