/**
 * Dot voting converges: whatever order the network delivers vote mutations in,
 * with duplicates, every device ends with the same tally, and it is the
 * server's. The server judges each mutation on arrival (the budget, the closed
 * huddle); devices then merge the change log in any order.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Hlc } from '../../src/domain/hlc.ts';
import { applyFields } from '../../src/domain/idea.ts';
import { voteIdOf, voterKey, type VoteLike } from '../../src/domain/huddle.ts';
import { checkVote } from '../../src/domain/rules/huddleRules.ts';
import { dotsUsed, tally } from '../../src/domain/huddleTally.ts';
import type { Stamped } from '../../src/domain/merge.ts';
import { DEVICE_A, DEVICE_B, DEVICE_C, NOW, stamp } from './fixtures.ts';

const H = '0190a1b2-0000-7000-8000-0000000000aa';
const IDEAS = [
  '0190a1b2-0000-7000-8000-000000000001',
  '0190a1b2-0000-7000-8000-000000000002',
  '0190a1b2-0000-7000-8000-000000000003',
];
const MEMBERS = ['0190a1b2-0000-7000-8000-0000000000b1', '0190a1b2-0000-7000-8000-0000000000b2'];
const BUDGET = 3;

type VoteMutation = { readonly id: string; readonly fields: VoteLike; readonly hlc: Hlc };

const mutationArb: fc.Arbitrary<VoteMutation> = fc
  .record({
    idea: fc.constantFrom(...IDEAS),
    member: fc.constantFrom(...MEMBERS),
    proxy: fc.option(fc.constantFrom('Dev', 'dev ', 'Sam'), { nil: undefined }),
    dots: fc.integer({ min: 0, max: BUDGET }),
    wall: fc.integer({ min: 0, max: 20 }),
    counter: fc.integer({ min: 0, max: 3 }),
    node: fc.constantFrom(DEVICE_A, DEVICE_B, DEVICE_C),
  })
  .map((r) => {
    const fields: VoteLike = {
      huddleId: H,
      ideaId: r.idea,
      memberId: r.member,
      dots: r.dots,
      proxy: r.proxy !== undefined,
      proxyName: r.proxy ?? null,
    };
    return { id: voteIdOf(fields), fields, hlc: stamp(NOW + r.wall, r.counter, r.node) };
  });

/** One delivery order of a set: a permutation with some items delivered twice. */
const deliveryArb = <T>(items: readonly T[]) =>
  fc
    .array(fc.nat({ max: Math.max(0, items.length - 1) }), { maxLength: items.length })
    .chain((dups) =>
      fc.shuffledSubarray([...items, ...dups.flatMap((i) => (items[i] ? [items[i]] : []))], {
        minLength: items.length + dups.length,
      }),
    );

const asVote = (s: Stamped): VoteLike => s.fields as unknown as VoteLike;

/** What a device holds after merging these, in this order. */
function mergeAll(changes: readonly VoteMutation[]): VoteLike[] {
  const records = new Map<string, Stamped>();
  for (const c of changes)
    records.set(c.id, applyFields(records.get(c.id), { ...c.fields }, c.hlc));
  return [...records.values()].map(asVote);
}

/** The server: judge each arrival against its merged state; log what it accepts. */
function serve(arrivals: readonly VoteMutation[]) {
  const records = new Map<string, Stamped>();
  const seen = new Set<string>();
  const log: VoteMutation[] = [];
  for (const m of arrivals) {
    const key = `${m.id}@${m.hlc}`; // a mutation id: one per write
    if (seen.has(key)) continue; // duplicate
    const before = records.get(m.id);
    const after = applyFields(before, { ...m.fields }, m.hlc);
    const verdict = checkVote({
      actor: { memberId: MEMBERS[0] ?? '', role: 'facilitator' },
      huddle: { state: 'open', dotsPerMember: BUDGET, shortlist: IDEAS },
      before: before ? asVote(before) : null,
      after: asVote(after),
      votes: [...records.values()].map(asVote),
    });
    if (!verdict.ok) continue;
    seen.add(key);
    records.set(m.id, after);
    log.push(m);
  }
  return { votes: [...records.values()].map(asVote), log };
}

it('any delivery order of any set of vote mutations gives the same tally everywhere', () => {
  fc.assert(
    fc.property(
      fc
        .uniqueArray(mutationArb, { maxLength: 14, selector: (m) => `${m.id}@${m.hlc}` })
        .chain((ms) =>
          fc.tuple(fc.constant(ms), deliveryArb(ms), deliveryArb(ms), deliveryArb(ms)),
        ),
      ([ms, toServer, d1, d2]) => {
        // Pure merge: any order, any duplicates, the same tally.
        expect(tally(IDEAS, mergeAll(d1), H)).toEqual(tally(IDEAS, mergeAll(ms), H));
        expect(tally(IDEAS, mergeAll(d2), H)).toEqual(tally(IDEAS, mergeAll(ms), H));

        // Through the server: devices pulling its log in any order agree with it.
        const server = serve(toServer);
        const expected = tally(IDEAS, server.votes, H);
        const shuffle = (order: readonly VoteMutation[]) => {
          const accepted = new Set(server.log);
          return order.filter((m) => accepted.has(m));
        };
        expect(tally(IDEAS, mergeAll(shuffle(d1)), H)).toEqual(expected);
        expect(tally(IDEAS, mergeAll(shuffle([...d2].reverse())), H)).toEqual(expected);

        // Nobody ever holds more than their dots.
        for (const voter of new Set(server.votes.map(voterKey)))
          expect(dotsUsed(server.votes, H, voter)).toBeLessThanOrEqual(BUDGET);
      },
    ),
    { numRuns: 500 },
  );
});
