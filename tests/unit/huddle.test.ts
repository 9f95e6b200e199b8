/**
 * Dot voting's pure rules: the deterministic vote id, counting dots, the
 * ranked result with ties, the budget and the status workflow.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  extendTimer,
  normaliseName,
  voteId,
  voteIdOf,
  voterKey,
  type VoteLike,
} from '../../src/domain/huddle.ts';
import { dotsLeft, dotsUsed, tally } from '../../src/domain/huddleTally.ts';
import {
  HUDDLE_CLOSED,
  OVER_YOUR_DOTS,
  allowedStatuses,
  checkStatusMove,
  checkVote,
  type VoteFacts,
} from '../../src/domain/rules/huddleRules.ts';
import { mutationSchema } from '../../src/domain/protocol.ts';
import { IDEA_STATUSES } from '../../src/domain/records.ts';
import { NOW, newId, stamp, DEVICE_A } from './fixtures.ts';

const H = newId<string>();
const [I1, I2, I3] = [newId<string>(), newId<string>(), newId<string>()];
const [ASHA, BEN, CHI] = [newId<string>(), newId<string>(), newId<string>()];

const vote = (ideaId: string, memberId: string, dots: number, proxyName?: string): VoteLike => ({
  huddleId: H,
  ideaId,
  memberId,
  dots,
  proxy: proxyName !== undefined,
  proxyName: proxyName ?? null,
});

describe('voteId', () => {
  it('is the same for the same huddle, idea and voter, and passes the wire id schema', () => {
    const id = voteId(H, I1, ASHA);
    expect(voteId(H, I1, ASHA)).toBe(id);
    const m = v.safeParse(mutationSchema, {
      id: newId(),
      hlc: stamp(NOW, 0, DEVICE_A),
      entity: 'vote',
      entityId: id,
      fields: { huddleId: H, ideaId: I1, memberId: ASHA, dots: 1, proxy: false, proxyName: null },
    });
    expect(m.success).toBe(true);
    // Sorts with its huddle: the first 48 bits are the huddle id's timestamp.
    expect(id.slice(0, 13)).toBe(H.slice(0, 13));
  });

  it('differs for another idea, voter or huddle', () => {
    const ids = new Set([
      voteId(H, I1, ASHA),
      voteId(H, I2, ASHA),
      voteId(H, I1, BEN),
      voteId(newId(), I1, ASHA),
      voteId(H, I1, 'proxy:dev'),
    ]);
    expect(ids.size).toBe(5);
  });

  it('names a colleague without the app by their name, however it was typed', () => {
    expect(normaliseName('  Dev   Patel ')).toBe('dev patel');
    expect(voterKey(vote(I1, ASHA, 1, 'Dev Patel'))).toBe('proxy:dev patel');
    expect(voteIdOf(vote(I1, ASHA, 1, ' dev  patel'))).toBe(
      voteIdOf(vote(I1, BEN, 1, 'Dev Patel')),
    );
    expect(voterKey(vote(I1, ASHA, 1))).toBe(ASHA);
  });
});

describe('tally', () => {
  it('ranks by dots, counts voters, and shows ties as ties (1, 1, 3)', () => {
    const votes = [
      vote(I1, ASHA, 2),
      vote(I2, BEN, 2),
      vote(I3, CHI, 1),
      vote(I1, CHI, 0),
      vote(I3, ASHA, 0),
    ];
    expect(tally([I3, I1, I2], votes, H)).toEqual([
      { ideaId: I1, dots: 2, voters: 1, rank: 1, tied: true },
      { ideaId: I2, dots: 2, voters: 1, rank: 1, tied: true },
      { ideaId: I3, dots: 1, voters: 1, rank: 3, tied: false },
    ]);
  });

  it('keeps the shortlist order among equals, counts proxies as voters, ignores other huddles and ideas', () => {
    const other = { ...vote(I1, ASHA, 3), huddleId: newId<string>() };
    const votes = [vote(I2, ASHA, 1), vote(I2, ASHA, 1, 'Dev'), other, vote(newId(), BEN, 3)];
    const rows = tally([I1, I2], votes, H);
    expect(rows.map((r) => [r.ideaId, r.dots, r.voters, r.rank])).toEqual([
      [I2, 2, 2, 1],
      [I1, 0, 0, 2],
    ]);
  });

  it('with no votes, every idea ties at rank 1', () => {
    expect(tally([I1, I2], [], H).map((r) => [r.rank, r.tied])).toEqual([
      [1, true],
      [1, true],
    ]);
  });
});

describe('budget', () => {
  it('counts a voter’s dots over every idea of the huddle', () => {
    const votes = [
      vote(I1, ASHA, 2),
      vote(I2, ASHA, 1),
      vote(I1, BEN, 1),
      vote(I3, ASHA, 1, 'Dev'),
    ];
    expect(dotsUsed(votes, H, ASHA)).toBe(3);
    expect(dotsLeft(votes, H, ASHA, 3)).toBe(0);
    expect(dotsLeft(votes, H, BEN, 3)).toBe(2);
    expect(dotsLeft(votes, H, 'proxy:dev', 3)).toBe(2);
  });
});

describe('checkVote', () => {
  const facts = (over: Partial<VoteFacts> = {}): VoteFacts => ({
    actor: { memberId: ASHA, role: 'member' },
    huddle: { state: 'open', dotsPerMember: 3, shortlist: [I1, I2, I3] },
    before: null,
    after: vote(I1, ASHA, 1),
    votes: [],
    ...over,
  });

  it('accepts a dot within the budget', () => {
    expect(checkVote(facts())).toEqual({ ok: true });
  });

  it('rejects going over your dots, counting the other ideas', () => {
    const votes = [vote(I2, ASHA, 2), vote(I1, ASHA, 1)];
    const r = checkVote(facts({ votes, before: vote(I1, ASHA, 1), after: vote(I1, ASHA, 2) }));
    expect(r).toMatchObject({ ok: false, reason: OVER_YOUR_DOTS, field: 'fields.dots' });
  });

  it('always lets you take a dot off, even when over (two devices voted offline)', () => {
    const votes = [vote(I2, ASHA, 3), vote(I1, ASHA, 2)];
    expect(
      checkVote(facts({ votes, before: vote(I1, ASHA, 2), after: vote(I1, ASHA, 1) })),
    ).toEqual({
      ok: true,
    });
  });

  it('rejects votes once the huddle has closed, and for unknown huddles or ideas', () => {
    const closed = { state: 'closed' as const, dotsPerMember: 3, shortlist: [I1] };
    expect(checkVote(facts({ huddle: closed }))).toMatchObject({
      ok: false,
      reason: HUDDLE_CLOSED,
    });
    expect(checkVote(facts({ huddle: null })).ok).toBe(false);
    expect(checkVote(facts({ after: vote(newId(), ASHA, 1) })).ok).toBe(false);
  });

  it('keeps dots within 0..dotsPerMember', () => {
    expect(checkVote(facts({ after: vote(I1, ASHA, 4) })).ok).toBe(false);
    expect(checkVote(facts({ after: vote(I1, ASHA, -1) })).ok).toBe(false);
    expect(checkVote(facts({ after: vote(I1, ASHA, 0) })).ok).toBe(true);
  });

  it('lets only a facilitator vote for someone else or for a colleague without the app', () => {
    expect(checkVote(facts({ after: vote(I1, BEN, 1) })).ok).toBe(false);
    expect(checkVote(facts({ after: vote(I1, ASHA, 1, 'Dev') })).ok).toBe(false);
    const lead = { memberId: ASHA, role: 'facilitator' as const };
    expect(checkVote(facts({ actor: lead, after: vote(I1, BEN, 1) })).ok).toBe(true);
    expect(checkVote(facts({ actor: lead, after: vote(I1, ASHA, 1, 'Dev') })).ok).toBe(true);
    expect(checkVote(facts({ actor: lead, after: vote(I1, ASHA, 1, '  ') })).ok).toBe(false);
  });
});

describe('status workflow', () => {
  it('lets a member move only their own idea, and only between new and shortlisted', () => {
    expect(checkStatusMove('member', true, 'new', 'shortlisted').ok).toBe(true);
    expect(checkStatusMove('member', true, 'shortlisted', 'new').ok).toBe(true);
    expect(checkStatusMove('member', true, 'shortlisted', 'testing').ok).toBe(false);
    expect(checkStatusMove('member', true, 'testing', 'shortlisted').ok).toBe(false);
    expect(checkStatusMove('member', false, 'new', 'shortlisted').ok).toBe(false);
    expect(checkStatusMove('member', true, undefined, 'new').ok).toBe(true);
  });

  it('lets facilitators and sponsors move any idea anywhere', () => {
    for (const role of ['facilitator', 'sponsor'] as const) {
      expect(allowedStatuses(role, false, 'new', IDEA_STATUSES)).toEqual([...IDEA_STATUSES]);
    }
    expect(allowedStatuses('member', true, 'new', IDEA_STATUSES)).toEqual(['new', 'shortlisted']);
    expect(allowedStatuses('member', true, 'testing', IDEA_STATUSES)).toEqual(['testing']);
  });
});

describe('extendTimer', () => {
  const MIN = 60_000;
  it('adds to a running timer, from its end', () => {
    expect(extendTimer(NOW + 3 * MIN, NOW, 2)).toBe(NOW + 5 * MIN);
  });
  it('starts from now when the timer has run out or was never set', () => {
    expect(extendTimer(NOW - 10 * MIN, NOW, 2)).toBe(NOW + 2 * MIN);
    expect(extendTimer(null, NOW, 2)).toBe(NOW + 2 * MIN);
    expect(extendTimer(undefined, NOW, 2)).toBe(NOW + 2 * MIN);
  });
  it('never runs past the longest timer from now', () => {
    expect(extendTimer(NOW + 59 * MIN, NOW, 2)).toBe(NOW + 60 * MIN);
  });
});
