// Huddles and votes on every backend: who may start and close a huddle, the
// vote rules (deterministic id, budget, closed huddle, someone else's vote),
// the idea status workflow with who moved it, and the live event stream.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { pgNotifier } from '../../../server/live/notifier.ts';
import { openStore, withPgUser, type Store } from '../../../server/store/index.ts';
import { voteIdOf, type VoteFields } from '../../../src/domain/huddle.ts';
import { HUDDLE_CLOSED, OVER_YOUR_DOTS } from '../../../src/domain/rules/huddleRules.ts';
import type { PushResult } from '../../../src/domain/protocol.ts';
import { BACKENDS, PG_AVAILABLE, PG_URL, dropSchema, uniqueSchema } from './backends.ts';
import { device, harness, newId, T0, type Harness, type Session } from './harness.ts';

const kinds = (rs: PushResult[]) => rs.map((r) => (r.kind === 'rejected' ? r.reason : r.kind));

describe.each(BACKENDS)('huddles on $name', (backend) => {
  let store: Store;
  let h: Harness;
  let lead: Session;
  let nurse: Session;
  const phone = device(7);
  let ideas: string[];
  beforeEach(async () => {
    store = await backend.open();
    h = harness(store);
    lead = await h.createTeam();
    nurse = await h.join(lead.team.inviteCode);
    const made = [phone.idea(lead, 'Fridge key'), phone.idea(lead, 'Bay 3 pumps')];
    await h.push(lead, made);
    ideas = made.map((m) => m.entityId);
  });
  afterEach(() => store.close());

  const huddle = (id: string, by: Session, fields: Record<string, unknown> = {}) =>
    phone.raw({
      entity: 'huddle',
      entityId: id,
      fields: {
        title: 'Monday huddle',
        dotsPerMember: 2,
        endsAt: T0 + 300_000,
        hidden: true,
        shortlist: JSON.stringify(ideas),
        state: 'open',
        startedBy: by.member.id,
        startedAt: T0,
        closedAt: null,
        outcome: '[]',
        ...fields,
      } as never,
    });
  const vote = (
    huddleId: string,
    idea: string,
    memberId: string,
    dots: number,
    proxyName?: string,
  ) => {
    const fields: VoteFields = {
      huddleId,
      ideaId: idea,
      memberId,
      dots,
      proxy: proxyName !== undefined,
      proxyName: proxyName ?? null,
    };
    return phone.raw({ entity: 'vote', entityId: voteIdOf(fields), fields });
  };

  it('lets only a facilitator start a huddle, on the team’s own ideas', async () => {
    const h1 = newId();
    expect(kinds(await h.push(nurse, [huddle(h1, nurse)]))).toEqual([
      'Only a facilitator can start or run a huddle',
    ]);
    const stranger = JSON.stringify([newId()]);
    expect(kinds(await h.push(lead, [huddle(h1, lead, { shortlist: stranger })]))).toEqual([
      'The shortlist names an idea your team does not have',
    ]);
    expect(kinds(await h.push(lead, [huddle(h1, nurse)]))[0]).toMatch(/only name you/);
    expect(kinds(await h.push(lead, [huddle(h1, lead)]))).toEqual(['applied']);
  });

  it('enforces the vote rules: id, budget, someone else’s vote, closed huddle', async () => {
    const h1 = newId();
    await h.push(lead, [huddle(h1, lead)]);
    const [a, b] = ideas as [string, string];
    const wrongId = { ...(vote(h1, a, nurse.member.id, 1) as object), entityId: newId() };
    const results = await h.push(nurse, [
      wrongId,
      vote(h1, a, nurse.member.id, 1),
      vote(h1, b, nurse.member.id, 1),
      vote(h1, b, nurse.member.id, 2), // would make 3 of 2
      vote(h1, a, lead.member.id, 1), // a member voting for someone else
      vote(h1, a, nurse.member.id, 1, 'Dev'), // a member recording a proxy
    ]);
    expect(kinds(results)).toEqual([
      'A vote’s id must be derived from its huddle, idea and voter',
      'applied',
      'applied',
      OVER_YOUR_DOTS,
      'Only a facilitator can record a vote for someone else',
      'Only a facilitator can record a vote for someone else',
    ]);
    // The facilitator (the tablet) may record both, and take the nurse's dot off.
    expect(
      kinds(
        await h.push(lead, [
          vote(h1, a, lead.member.id, 2),
          vote(h1, b, lead.member.id, 1, 'Dev'),
          vote(h1, b, nurse.member.id, 0),
        ]),
      ),
    ).toEqual(['applied', 'applied', 'applied']);

    expect(
      kinds(await h.push(nurse, [huddle(h1, lead, { state: 'closed', closedAt: T0 + 1 })])),
    ).toEqual(['Only a facilitator can start or run a huddle']);
    expect(
      kinds(
        await h.push(lead, [
          phone.raw({
            entity: 'huddle',
            entityId: h1,
            fields: { state: 'closed', closedAt: T0 + 1 },
          }),
        ]),
      ),
    ).toEqual(['applied']);
    expect(kinds(await h.push(nurse, [vote(h1, b, nurse.member.id, 1)]))).toEqual([HUDDLE_CLOSED]);
    expect(
      kinds(
        await h.push(lead, [
          phone.raw({ entity: 'huddle', entityId: h1, fields: { state: 'open' } }),
        ]),
      ),
    ).toEqual(['A reopened huddle must clear the time it closed']);
    const outcome = phone.raw({
      entity: 'huddle',
      entityId: h1,
      fields: { outcome: JSON.stringify([a]) },
    });
    expect(kinds(await h.push(lead, [outcome]))).toEqual(['applied']);
    // Closed by mistake: the facilitator reopens it, and a dot counts again.
    expect(
      kinds(
        await h.push(nurse, [
          phone.raw({ entity: 'huddle', entityId: h1, fields: { state: 'open', closedAt: null } }),
        ]),
      ),
    ).toEqual(['Only a facilitator can start or run a huddle']);
    expect(
      kinds(
        await h.push(lead, [
          phone.raw({ entity: 'huddle', entityId: h1, fields: { state: 'open', closedAt: null } }),
        ]),
      ),
    ).toEqual(['applied']);
    expect(kinds(await h.push(nurse, [vote(h1, b, nurse.member.id, 1)]))).toEqual(['applied']);
  });

  it('takes a colleague’s name typed two ways as one voter, but never moves a vote to someone else', async () => {
    const h1 = newId();
    await h.push(lead, [huddle(h1, lead)]);
    const [a] = ideas as [string];
    const first = vote(h1, a, lead.member.id, 1, 'Priya') as { entityId: string };
    // Two tablets (or one, typed again) record the same colleague's dots offline.
    const again = vote(h1, a, lead.member.id, 2, '  priya ') as { entityId: string };
    expect(again.entityId).toBe(first.entityId);
    expect(kinds(await h.push(lead, [first, again]))).toEqual(['applied', 'applied']);
    const moved = {
      ...(vote(h1, a, lead.member.id, 1, 'Dev') as object),
      entityId: first.entityId,
    };
    expect(kinds(await h.push(lead, [moved]))).toEqual([
      'A vote cannot be moved to another person or idea',
    ]);
    expect(
      (await store.readEntity(lead.team.id, 'vote', first.entityId))?.state.fields,
    ).toMatchObject({
      dots: 2,
      proxy: true,
    });
  });

  it('moves ideas along the workflow: members shortlist their own; only leads go further; statusBy is the pusher', async () => {
    const own = phone.idea(nurse, 'Nurse’s idea');
    await h.push(nurse, [own]);
    const move = (id: string, by: Session, status: string) =>
      phone.raw({
        entity: 'idea',
        entityId: id,
        fields: { status: status as 'new', statusBy: by.member.id, statusAt: T0 + 1 },
      });
    expect(
      kinds(
        await h.push(nurse, [
          move(own.entityId, nurse, 'shortlisted'),
          move(own.entityId, nurse, 'testing'),
          move(ideas[0]!, nurse, 'shortlisted'),
          move(own.entityId, lead, 'new'),
        ]),
      ),
    ).toEqual([
      'applied',
      'Only a facilitator or sponsor can move an idea past shortlisted',
      'Only a facilitator or sponsor can move someone else’s idea',
      'A status change can only name you as who moved it',
    ]);
    expect(kinds(await h.push(lead, [move(own.entityId, lead, 'testing')]))).toEqual(['applied']);
    const held = await store.readEntity(lead.team.id, 'idea', own.entityId);
    expect(held?.state.fields).toMatchObject({ status: 'testing', statusBy: lead.member.id });
  });

  it('tells the team’s event stream after a push that applied something', async () => {
    const res = await h.app.request(`/api/v1/events?team=${lead.team.id}`, {
      headers: { authorization: `Bearer ${nurse.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const next = async () => new TextDecoder().decode((await reader.read()).value);
    expect(await next()).toContain('event: ready');
    await h.push(lead, [phone.idea(lead, 'Something new')]);
    expect(await next()).toContain('event: change');
    await reader.cancel();

    const other = await h.createTeam('Ward 9', 'Bea');
    const forbidden = await h.app.request(`/api/v1/events?team=${lead.team.id}`, {
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(forbidden.status).toBe(403);
    const noToken = await h.app.request(`/api/v1/events?team=${lead.team.id}&token=${lead.token}`);
    expect(noToken.status).toBe(401);
  });
});

describe.skipIf(!PG_AVAILABLE)('live updates across server processes on PostgreSQL', () => {
  it('a push taken by one process reaches the event stream of another (LISTEN/NOTIFY)', async () => {
    const schema = uniqueSchema();
    const url = withPgUser(PG_URL).toString();
    const [storeA, storeB] = [
      await openStore({ databaseUrl: PG_URL, pgSchema: schema }),
      await openStore({ databaseUrl: PG_URL, pgSchema: schema }),
    ];
    const [liveA, liveB] = [await pgNotifier(url), await pgNotifier(url)];
    try {
      const a = harness(storeA);
      const appA = createApp({ store: storeA, live: liveA, log: () => undefined });
      const appB = createApp({ store: storeB, live: liveB, log: () => undefined });
      const lead = await a.createTeam();
      const res = await appB.request(`/api/v1/events?team=${lead.team.id}`, {
        headers: { authorization: `Bearer ${lead.token}` },
      });
      const reader = res.body!.getReader();
      const next = async () => new TextDecoder().decode((await reader.read()).value);
      expect(await next()).toContain('event: ready');
      const push = await appA.request('/api/v1/sync/push', {
        method: 'POST',
        headers: { authorization: `Bearer ${lead.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ teamId: lead.team.id, mutations: [device(3).idea(lead, 'Via A')] }),
      });
      expect(push.status).toBe(200);
      expect(await next()).toContain('event: change');
      await reader.cancel();
    } finally {
      await liveA.close();
      await liveB.close();
      await storeA.close();
      await storeB.close();
      await dropSchema(schema);
    }
  });
});
