/**
 * The numbers Making Data Count's SPC tools run on, as set in NHS England's SPC
 * SQL query v2.6 (10/01/2024), steps 2A, 2B and 4E. One place, so that a change
 * of MDC guidance is a change here.
 */
export const MDC_XMR_RULES = {
  /** Fewer non-ghosted points than this: a run chart instead (@SettingMinimumPoints). */
  minimumPoints: 13,
  /** A period with fewer non-ghosted points gets a warning (@SettingMinimumPointsPartition). */
  advisedPeriodPoints: 12,
  /** Points in a row on one side of the mean (@SettingSpecialCauseShiftPoints; v2.6 default). */
  shiftPoints: 6,
  /** Points in a row rising or falling, endpoints included (@SettingSpecialCauseTrendPoints). */
  trendPoints: 6,
  /** Limits at mean ± 2.66 × mean moving range (3 / d2, with d2 = 1.128 for ranges of 2). */
  limitFactor: 2.66,
} as const;
