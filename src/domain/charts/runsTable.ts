/**
 * The table for "too few or too many runs" on a run chart: Perla, Provost &
 * Murray, "The run chart: a simple analytical tool for learning from variation
 * in healthcare processes", BMJ Qual Saf 2011;20:46-51, Table 1, which adapts
 * Swed & Eisenhart, "Tables for testing randomness of grouping in a sequence of
 * alternatives", Ann Math Stat 1943;14:66-87, for about a 5% risk of a false
 * signal when the points fall at random about the median.
 *
 * Kept as data so a reviewer can set it beside the paper row by row. Outside 10
 * to 60 useful observations the paper gives no limits and the rule is not used.
 */

/** [useful observations (points not on the median), lower limit, upper limit]. */
export const PERLA_RUNS_TABLE: readonly (readonly [number, number, number])[] = [
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

/**
 * The expected range of runs for this many useful observations: fewer than
 * `lower` is too few, more than `upper` too many. Null outside the table.
 */
export function expectedRuns(
  usefulObservations: number,
): { readonly lower: number; readonly upper: number } | null {
  const row = PERLA_RUNS_TABLE.find(([n]) => n === usefulObservations);
  return row ? { lower: row[1], upper: row[2] } : null;
}
