/**
 * Every limit the server keeps, counted with rate-limiter-flexible: in this
 * process's memory on SQLite (one process owns the file), in one PostgreSQL
 * table when PostgreSQL is the store, so every server process shares the
 * count. The routes ask a `Counter` how long a key must wait and add to it;
 * they never see which store holds the count.
 *
 * Counts are fixed windows that start at a key's first event (the library's
 * model), which is close enough for "ten wrong codes in ten minutes".
 */
import type pg from 'pg';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

export type LimitRule = { readonly points: number; readonly durationSec: number };

export type LimitSettings = {
  /** Wrong invite codes per client address. */
  readonly joinFailures: LimitRule;
  /** Teams created per client address. */
  readonly teamCreations: LimitRule;
  /**
   * Staff sign-ins started per client address (`/api/v1/auth/start`): each
   * one writes a flow row and asks the sign-in provider, so a script must not
   * start them without end.
   */
  readonly signInStarts: LimitRule;
  /** Bytes of push requests per member. */
  readonly pushBytes: LimitRule;
  /** Changes applied per member. */
  readonly records: LimitRule;
  /** Pull requests per member. */
  readonly pulls: LimitRule;
  /** Event streams open at once per member, in each server process. */
  readonly streamsPerMember: number;
};

export const DEFAULT_LIMITS: LimitSettings = {
  joinFailures: { points: 10, durationSec: 10 * 60 },
  teamCreations: { points: 20, durationSec: 60 * 60 },
  // A hospital's wards may share one address (its NAT): a ward signing in one
  // after another at the start of a shift, with a few tries each, fits.
  signInStarts: { points: 60, durationSec: 10 * 60 },
  // A busy phone sends a few KB an hour; 20 MB is 40 full 512 KB pushes.
  pushBytes: { points: 20 * 1024 * 1024, durationSec: 60 * 60 },
  // A ward's busiest person taps a tally a few hundred times a day.
  records: { points: 5_000, durationSec: 24 * 60 * 60 },
  // A huddle screen polls every 5 s and pulls on each event; a new phone pages
  // through the log 1,000 changes at a time.
  pulls: { points: 300, durationSec: 60 },
  streamsPerMember: 3,
};

/** The environment variables that set each limit. */
export const LIMIT_ENV = {
  pushBytes: 'LIMIT_PUSH_BYTES_PER_HOUR',
  records: 'LIMIT_RECORDS_PER_DAY',
  pulls: 'LIMIT_PULLS_PER_MINUTE',
  streamsPerMember: 'LIMIT_STREAMS_PER_MEMBER',
  signInStarts: 'LIMIT_SIGN_INS_PER_10_MINUTES',
} as const;

/** The count column in PostgreSQL is a 32-bit integer. */
const MAX_POINTS = 2_000_000_000;

function positive(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_POINTS) {
    throw new Error(`${name} must be a whole number from 1 to ${MAX_POINTS}; it is "${text}"`);
  }
  return n;
}

export function limitsFromEnv(env: Record<string, string | undefined>): LimitSettings {
  const d = DEFAULT_LIMITS;
  return {
    ...d,
    pushBytes: { ...d.pushBytes, points: positive(env, LIMIT_ENV.pushBytes, d.pushBytes.points) },
    records: { ...d.records, points: positive(env, LIMIT_ENV.records, d.records.points) },
    pulls: { ...d.pulls, points: positive(env, LIMIT_ENV.pulls, d.pulls.points) },
    signInStarts: {
      ...d.signInStarts,
      points: positive(env, LIMIT_ENV.signInStarts, d.signInStarts.points),
    },
    streamsPerMember: positive(env, LIMIT_ENV.streamsPerMember, d.streamsPerMember),
  };
}

export type Counter = {
  /** Seconds until `key` may go on (its count is at the limit), or 0. */
  wait(key: string): Promise<number>;
  /** Adds `points` to `key`'s count, never refusing. */
  add(key: string, points: number): Promise<void>;
  /** Counts one event for `key`; the seconds to wait if that went over the limit, or 0. */
  take(key: string): Promise<number>;
};

export type Limits = {
  readonly settings: LimitSettings;
  readonly joinFailures: Counter;
  readonly teamCreations: Counter;
  readonly signInStarts: Counter;
  readonly pushBytes: Counter;
  readonly records: Counter;
  readonly pulls: Counter;
};

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function counter(limiter: RateLimiterAbstract, rule: LimitRule): Counter {
  return {
    async wait(key) {
      const res = await limiter.get(key);
      if (res === null || res.msBeforeNext <= 0 || res.consumedPoints < rule.points) return 0;
      return seconds(res.msBeforeNext);
    },
    async add(key, points) {
      if (points > 0) await limiter.penalty(key, points);
    },
    async take(key) {
      try {
        await limiter.consume(key, 1);
        return 0;
      } catch (err) {
        if (err instanceof RateLimiterRes) return seconds(err.msBeforeNext);
        throw err;
      }
    },
  };
}

type Names = Exclude<keyof Limits, 'settings'>;
const NAMES: readonly Names[] = [
  'joinFailures',
  'teamCreations',
  'signInStarts',
  'pushBytes',
  'records',
  'pulls',
];

function build(
  settings: LimitSettings,
  make: (name: Names, rule: LimitRule) => RateLimiterAbstract,
): Limits {
  const entries = NAMES.map((name) => [name, counter(make(name, settings[name]), settings[name])]);
  return { settings, ...(Object.fromEntries(entries) as Record<Names, Counter>) };
}

export function memoryLimits(settings: LimitSettings = DEFAULT_LIMITS): Limits {
  return build(
    settings,
    (name, rule) =>
      new RateLimiterMemory({ keyPrefix: name, points: rule.points, duration: rule.durationSec }),
  );
}

export const LIMITS_TABLE = 'rate_limits';

/**
 * Limits kept in the table `rate_limits` (created if missing) through `pool`,
 * so every server process on this database counts together.
 */
export async function postgresLimits(
  pool: pg.Pool,
  settings: LimitSettings = DEFAULT_LIMITS,
  schemaName?: string,
): Promise<Limits> {
  const common = {
    storeClient: pool,
    storeType: 'pool',
    tableName: LIMITS_TABLE,
    ...(schemaName === undefined ? {} : { schemaName }),
  };
  // The first limiter creates the table; the others are told it exists.
  await new Promise<void>((ok, fail) => {
    new RateLimiterPostgres({ ...common, keyPrefix: 'setup', points: 1, duration: 1 }, (err) =>
      err ? fail(err instanceof Error ? err : new Error(String(err))) : ok(),
    );
  });
  return build(
    settings,
    (name, rule) =>
      new RateLimiterPostgres({
        ...common,
        tableCreated: true,
        keyPrefix: name,
        points: rule.points,
        duration: rule.durationSec,
      }),
  );
}
