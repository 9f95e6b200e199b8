/**
 * The table for "too few or too many runs" on a run chart. Convention (as in
 * the paper's Table 1): with n useful observations (points not on the median),
 * FEWER THAN `lower` runs signals too few, MORE THAN `upper` runs too many;
 * `lower` and `upper` themselves are expected.
 *
 * Sources, row by row (RUNS_TABLE says which):
 *
 * - 'perla': Perla, Provost & Murray, "The run chart: a simple analytical tool
 *   for learning from variation in healthcare processes", BMJ Qual Saf
 *   2011;20:46-51, Table 1 (adapted from Swed & Eisenhart, Ann Math Stat
 *   1943;14:66-87), copied verbatim in PERLA_RUNS_TABLE. Used wherever the
 *   paper's row keeps the risk it states, about 5%: at most 2.5% in each tail.
 * - 'exact': computed from the exact distribution of the number of runs when
 *   the points fall at random about the median, with half the useful points on
 *   each side (n/2 and n/2; floor(n/2) and ceil(n/2) when n is odd): `lower`
 *   is the largest number with P(runs < lower) <= 2.5%, `upper` the smallest
 *   with P(runs > upper) <= 2.5%. Used where the paper's row puts more than
 *   2.5% in a tail: at 29, 34, 36, 38 and 40 to 60 (the end comment on each
 *   row gives the paper's limits and their two tail risks; at 41 the paper's
 *   16 to 26 would raise a false signal about 8% of the time, not 5%).
 *
 * Every other row (10 to 28, 30 to 33, 35, 37, 39) is the paper's; where the
 * paper is stricter than 2.5% in a tail (e.g. 11, 12, 17, 32) its row is kept,
 * so a reviewer can set it beside the paper. The choice is recorded in
 * docs/decisions/0011-runs-table.md; tests/unit/charts/runsTable.property.test.ts
 * recomputes the distribution with exact integers and checks every row.
 * Outside 10 to 60 useful observations no limits are given and the rule is not
 * used.
 */

type Row = readonly [n: number, lower: number, upper: number];

/** Perla, Provost & Murray 2011, Table 1, verbatim: [useful observations, lower, upper]. */
export const PERLA_RUNS_TABLE: readonly Row[] = [
  [10, 3, 9],
  [11, 3, 10],
  [12, 3, 11],
  [13, 4, 11],
  [14, 4, 12],
  [15, 5, 12],
  [16, 5, 13],
  [17, 5, 13],
  [18, 6, 14],
  [19, 6, 15],
  [20, 6, 16],
  [21, 7, 16],
  [22, 7, 17],
  [23, 7, 17],
  [24, 8, 18],
  [25, 8, 18],
  [26, 9, 19],
  [27, 10, 19],
  [28, 10, 20],
  [29, 10, 20],
  [30, 11, 21],
  [31, 11, 22],
  [32, 11, 22],
  [33, 11, 23],
  [34, 12, 23],
  [35, 13, 24],
  [36, 13, 24],
  [37, 13, 25],
  [38, 14, 25],
  [39, 14, 26],
  [40, 15, 26],
  [41, 16, 26],
  [42, 16, 27],
  [43, 17, 27],
  [44, 17, 28],
  [45, 17, 29],
  [46, 17, 30],
  [47, 18, 30],
  [48, 18, 31],
  [49, 19, 31],
  [50, 19, 32],
  [51, 20, 32],
  [52, 20, 33],
  [53, 21, 33],
  [54, 21, 34],
  [55, 22, 34],
  [56, 22, 35],
  [57, 23, 35],
  [58, 23, 36],
  [59, 24, 36],
  [60, 24, 37],
];

/** The table the run chart uses: [useful observations, lower, upper, source]. */
export const RUNS_TABLE: readonly (readonly [...Row, source: 'perla' | 'exact'])[] = [
  [10, 3, 9, 'perla'],
  [11, 3, 10, 'perla'],
  [12, 3, 11, 'perla'],
  [13, 4, 11, 'perla'],
  [14, 4, 12, 'perla'],
  [15, 5, 12, 'perla'],
  [16, 5, 13, 'perla'],
  [17, 5, 13, 'perla'],
  [18, 6, 14, 'perla'],
  [19, 6, 15, 'perla'],
  [20, 6, 16, 'perla'],
  [21, 7, 16, 'perla'],
  [22, 7, 17, 'perla'],
  [23, 7, 17, 'perla'],
  [24, 8, 18, 'perla'],
  [25, 8, 18, 'perla'],
  [26, 9, 19, 'perla'],
  [27, 10, 19, 'perla'],
  [28, 10, 20, 'perla'],
  [29, 10, 21, 'exact'], // paper: 10 to 20, 1.1% + 2.7%
  [30, 11, 21, 'perla'],
  [31, 11, 22, 'perla'],
  [32, 11, 22, 'perla'],
  [33, 11, 23, 'perla'],
  [34, 12, 24, 'exact'], // paper: 12 to 23, 1.1% + 2.7%
  [35, 13, 24, 'perla'],
  [36, 13, 25, 'exact'], // paper: 13 to 24, 1.3% + 3.0%
  [37, 13, 25, 'perla'],
  [38, 14, 26, 'exact'], // paper: 14 to 25, 1.5% + 3.5%
  [39, 14, 26, 'perla'],
  [40, 15, 27, 'exact'], // paper: 15 to 26, 1.8% + 3.8%
  [41, 15, 28, 'exact'], // paper: 16 to 26, 2.8% + 5.5%
  [42, 16, 28, 'exact'], // paper: 16 to 27, 2.0% + 4.3%
  [43, 16, 29, 'exact'], // paper: 17 to 27, 3.2% + 6.1%
  [44, 17, 29, 'exact'], // paper: 17 to 28, 2.3% + 4.6%
  [45, 17, 30, 'exact'], // paper: 17 to 29, 1.7% + 3.4%
  [46, 17, 31, 'exact'], // paper: 17 to 30, 1.2% + 2.5%
  [47, 18, 31, 'exact'], // paper: 18 to 30, 1.9% + 3.7%
  [48, 18, 32, 'exact'], // paper: 18 to 31, 1.4% + 2.9%
  [49, 19, 32, 'exact'], // paper: 19 to 31, 2.1% + 4.1%
  [50, 19, 33, 'exact'], // paper: 19 to 32, 1.6% + 3.1%
  [51, 20, 33, 'exact'], // paper: 20 to 32, 2.3% + 4.4%
  [52, 20, 34, 'exact'], // paper: 20 to 33, 1.7% + 3.4%
  [53, 20, 35, 'exact'], // paper: 21 to 33, 2.6% + 4.7%
  [54, 21, 35, 'exact'], // paper: 21 to 34, 1.9% + 3.6%
  [55, 21, 36, 'exact'], // paper: 22 to 34, 2.8% + 5.0%
  [56, 22, 36, 'exact'], // paper: 22 to 35, 2.1% + 4.0%
  [57, 22, 37, 'exact'], // paper: 23 to 35, 3.0% + 5.4%
  [58, 23, 37, 'exact'], // paper: 23 to 36, 2.3% + 4.2%
  [59, 23, 38, 'exact'], // paper: 24 to 36, 3.2% + 5.7%
  [60, 24, 38, 'exact'], // paper: 24 to 37, 2.5% + 4.5%
];

/**
 * The expected range of runs for this many useful observations: fewer than
 * `lower` is too few, more than `upper` too many. Null outside the table.
 */
export function expectedRuns(
  usefulObservations: number,
): { readonly lower: number; readonly upper: number } | null {
  const row = RUNS_TABLE.find(([n]) => n === usefulObservations);
  return row ? { lower: row[1], upper: row[2] } : null;
}
