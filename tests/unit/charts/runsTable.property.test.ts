/**
 * Every row of the runs table, checked against the exact distribution of the
 * number of runs, computed here independently of the table with whole numbers
 * (BigInt, no rounding): count the arrangements of a points above and b below
 * the median by how many runs they make, by dynamic programming, and check the
 * counts against brute-force enumeration for small n. With n useful
 * observations, a = floor(n / 2) and b = ceil(n / 2) (half each side).
 *
 * The rule the table follows (src/domain/charts/runsTable.ts): fewer than
 * `lower` runs is too few, more than `upper` too many; each tail may hold at
 * most 2.5% of the arrangements; a row is the paper's (Perla, Provost & Murray
 * 2011, Table 1) when the paper's row keeps to that, else the exact limits.
 */
import { describe, expect, it } from 'vitest';
import { PERLA_RUNS_TABLE, RUNS_TABLE } from '../../../src/domain/charts/index.ts';
import { range } from './helpers.ts';

/** counts[r] = arrangements of `a` As and `b` Bs that make exactly r runs. */
function runCounts(a: number, b: number): bigint[] {
  // ways[i][j][last][r]: sequences using i As and j Bs, ending in `last`, with r runs
  const n = a + b;
  const empty = () => Array.from({ length: n + 1 }, () => 0n);
  const ways = Array.from({ length: a + 1 }, () =>
    Array.from({ length: b + 1 }, () => [empty(), empty()]),
  );
  const at = (i: number, j: number, last: 0 | 1) => {
    const cell = ways[i]?.[j]?.[last];
    if (cell === undefined) throw new Error('out of range');
    return cell;
  };
  const add = (cell: bigint[], r: number, w: bigint) => (cell[r] = (cell[r] ?? 0n) + w);
  if (a > 0) at(1, 0, 0)[1] = 1n;
  if (b > 0) at(0, 1, 1)[1] = 1n;
  for (let i = 0; i <= a; i++) {
    for (let j = 0; j <= b; j++) {
      for (const last of [0, 1] as const) {
        const from = at(i, j, last);
        for (let r = 1; r <= n; r++) {
          const w = from[r] ?? 0n;
          if (w === 0n) continue;
          // add an A (a new run unless the last was an A), or a B likewise
          if (i < a) add(at(i + 1, j, 0), last === 0 ? r : r + 1, w);
          if (j < b) add(at(i, j + 1, 1), last === 1 ? r : r + 1, w);
        }
      }
    }
  }
  const end = empty();
  for (const last of [0, 1] as const)
    at(a, b, last).forEach((w, r) => (end[r] = (end[r] ?? 0n) + w));
  return end;
}

/** The same counts by listing every arrangement (only for small n). */
function bruteForce(a: number, b: number): bigint[] {
  const n = a + b;
  const counts = Array.from({ length: n + 1 }, () => 0n);
  for (let mask = 0; mask < 1 << n; mask++) {
    let ones = 0;
    for (let k = 0; k < n; k++) ones += (mask >> k) & 1;
    if (ones !== b) continue;
    let runs = 1;
    for (let k = 1; k < n; k++) if (((mask >> k) & 1) !== ((mask >> (k - 1)) & 1)) runs++;
    counts[runs] = (counts[runs] ?? 0n) + 1n;
  }
  return counts;
}

function binomial(n: number, k: number): bigint {
  let out = 1n;
  for (let i = 1; i <= k; i++) out = (out * BigInt(n - k + i)) / BigInt(i);
  return out;
}

/** Arrangements with fewer than `lower` runs, and with more than `upper`. */
function tails(counts: readonly bigint[], lower: number, upper: number): [bigint, bigint] {
  let low = 0n;
  let high = 0n;
  counts.forEach((c, r) => {
    if (r < lower) low += c;
    if (r > upper) high += c;
  });
  return [low, high];
}

/** At most 2.5% of `total`: 40 × part ≤ total, in whole numbers. */
const withinRisk = (part: bigint, total: bigint) => 40n * part <= total;

/** The tightest limits with each tail at most 2.5%. */
function exactLimits(counts: readonly bigint[], total: bigint): [number, number] {
  let lower = 1;
  while (withinRisk(tails(counts, lower + 1, Infinity)[0], total)) lower++;
  let upper = counts.length;
  while (withinRisk(tails(counts, -Infinity, upper - 1)[1], total)) upper--;
  return [lower, upper];
}

describe('the exact distribution of runs', () => {
  it('matches listing every arrangement for up to 14 points', () => {
    for (let n = 2; n <= 14; n++) {
      const a = Math.floor(n / 2);
      expect(runCounts(a, n - a)).toEqual(bruteForce(a, n - a));
    }
  });

  it('counts every arrangement once, C(n, n/2) in all', () => {
    for (let n = 10; n <= 60; n++) {
      const a = Math.floor(n / 2);
      expect(runCounts(a, n - a).reduce((x, y) => x + y, 0n)).toBe(binomial(n, a));
    }
  });
});

describe('every row of the runs table, 10 to 60', () => {
  it('has one row per count of useful observations', () => {
    expect(RUNS_TABLE.map(([n]) => n)).toEqual(range(10, 60));
    expect(PERLA_RUNS_TABLE.map(([n]) => n)).toEqual(range(10, 60));
  });

  for (const [n, lower, upper, source] of RUNS_TABLE) {
    it(`n = ${n}: ${lower} to ${upper} (${source})`, () => {
      const a = Math.floor(n / 2);
      const counts = runCounts(a, n - a);
      const total = binomial(n, a);
      const [low, high] = tails(counts, lower, upper);
      // each tail holds at most 2.5% of the arrangements
      expect(withinRisk(low, total), `P(runs < ${lower})`).toBe(true);
      expect(withinRisk(high, total), `P(runs > ${upper})`).toBe(true);
      const paper = PERLA_RUNS_TABLE.find(([m]) => m === n);
      const [pl, pu] = [paper?.[1] ?? NaN, paper?.[2] ?? NaN];
      const [paperLow, paperHigh] = tails(counts, pl, pu);
      const paperKeepsRisk = withinRisk(paperLow, total) && withinRisk(paperHigh, total);
      if (source === 'perla') {
        expect([lower, upper]).toEqual([pl, pu]);
      } else {
        expect(paperKeepsRisk, "the paper's row is replaced only when it breaks 2.5%").toBe(false);
        expect([lower, upper]).toEqual(exactLimits(counts, total));
      }
      expect(source).toBe(paperKeepsRisk ? 'perla' : 'exact');
    });
  }

  it("n = 41: the paper's 16 to 26 risks about 8%; the table gives 15 to 28", () => {
    const counts = runCounts(20, 21);
    const total = binomial(41, 20);
    const [low, high] = tails(counts, 16, 26);
    const risk = Number((10000n * (low + high)) / total) / 100;
    expect(risk).toBeGreaterThan(8);
    expect(risk).toBeLessThan(8.5);
    expect(RUNS_TABLE.find(([n]) => n === 41)).toEqual([41, 15, 28, 'exact']);
  });
});
