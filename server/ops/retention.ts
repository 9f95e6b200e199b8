/**
 * Retention, as the person running the server sets it: TEAM_RETENTION_DAYS
 * (a team with no change for that many days is warned in the app, then
 * deleted; unset keeps teams) and TEAM_DELETION_GRACE_DAYS (days between the
 * warning or a facilitator's request and the deletion; default 7), and
 * CHANGE_LOG_COMPACT_DAYS (change-log history older than that many days keeps
 * only each field's latest value, docs/decisions/0025-compacted-log-is-the-snapshot.md;
 * unset keeps it whole; 7 or more, as the weekly digest reads the last week).
 * The sweep runs on start and then daily.
 */
import type { RetentionPolicy, Store } from '../store/index.ts';
import { DAY_MS } from '../store/teamLifecycle.ts';

function days(env: NodeJS.ProcessEnv, name: string, least = 1, why = ''): number | null {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < least) {
    throw new Error(
      `${name} must be a whole number of days, ${least} or more (it is "${raw}")${why}.`,
    );
  }
  return n;
}

/** The digest (server/digest) reads the last week of changes whole. */
export const LEAST_COMPACT_DAYS = 7;

export function retentionFromEnv(env: NodeJS.ProcessEnv): RetentionPolicy {
  const compactAfterDays = days(
    env,
    'CHANGE_LOG_COMPACT_DAYS',
    LEAST_COMPACT_DAYS,
    ': the weekly digest reads the last week of changes; unset it to keep all history',
  );
  return {
    retentionDays: days(env, 'TEAM_RETENTION_DAYS'),
    graceDays: days(env, 'TEAM_DELETION_GRACE_DAYS') ?? 7,
    ...(compactAfterDays === null ? {} : { compactAfterDays }),
  };
}

/** One sweep now and one a day; a failed sweep is logged and tried again the next day. */
export function startSweeps(
  store: Store,
  policy: RetentionPolicy,
  now: () => number,
  log: (line: string) => void,
): { stop(): void } {
  // One after the other: a team deleted today is not compacted first.
  const sweep = () =>
    sweepTeams(store, policy, now, log).then(() => compact(store, policy, now, log));
  void sweep();
  const timer = setInterval(() => void sweep(), DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** Compacts history older than the policy's window, if it has one; a failure is logged. */
function compact(
  store: Store,
  policy: RetentionPolicy,
  now: () => number,
  log: (line: string) => void,
): Promise<void> {
  const keep = policy.compactAfterDays;
  if (keep === null || keep === undefined) return Promise.resolve();
  return store.compactLogs(now() - keep * DAY_MS).then(
    (r) => {
      if (r.removed + r.trimmed > 0)
        log(
          `retention: change history older than ${keep} days compacted in ${r.logs} logs (${r.removed} changes removed, ${r.trimmed} shortened)`,
        );
    },
    (err: unknown) =>
      log(
        `retention: compacting the change history failed (${err instanceof Error ? err.message : String(err)}); it runs again in a day`,
      ),
  );
}

function sweepTeams(
  store: Store,
  policy: RetentionPolicy,
  now: () => number,
  log: (line: string) => void,
): Promise<void> {
  return store.sweepTeams(now(), policy).then(
    (r) => {
      if (r.warned.length + r.kept.length + r.purged.length > 0) {
        log(
          `retention: ${r.warned.length} inactive teams warned, ${r.kept.length} kept, ${r.purged.length} deleted`,
        );
      }
    },
    (err: unknown) =>
      log(
        `retention: the sweep failed (${err instanceof Error ? err.message : String(err)}); it runs again in a day`,
      ),
  );
}
