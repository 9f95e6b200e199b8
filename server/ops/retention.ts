/**
 * Retention, as the person running the server sets it: TEAM_RETENTION_DAYS
 * (a team with no change for that many days is warned in the app, then
 * deleted; unset keeps teams) and TEAM_DELETION_GRACE_DAYS (days between the
 * warning or a facilitator's request and the deletion; default 7). The sweep
 * runs on start and then daily.
 */
import type { RetentionPolicy, Store } from '../store/index.ts';
import { DAY_MS } from '../store/teamLifecycle.ts';

function days(env: NodeJS.ProcessEnv, name: string): number | null {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`${name} must be a whole number of days, 1 or more (it is "${raw}").`);
  }
  return n;
}

export function retentionFromEnv(env: NodeJS.ProcessEnv): RetentionPolicy {
  return {
    retentionDays: days(env, 'TEAM_RETENTION_DAYS'),
    graceDays: days(env, 'TEAM_DELETION_GRACE_DAYS') ?? 7,
  };
}

/** One sweep now and one a day; a failed sweep is logged and tried again the next day. */
export function startSweeps(
  store: Store,
  policy: RetentionPolicy,
  now: () => number,
  log: (line: string) => void,
): { stop(): void } {
  const sweep = () =>
    store.sweepTeams(now(), policy).then(
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
  void sweep();
  const timer = setInterval(() => void sweep(), DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
