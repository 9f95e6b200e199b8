/**
 * Starting the sync server: one Node process that serves the built PWA and the
 * API, on SQLite under ./data by default or PostgreSQL when DATABASE_URL says
 * so. Run as `node --import tsx server/main.ts`; e2e tests and benchmarks call
 * `startServer` instead (port 0 picks a free port).
 *
 * Environment: PORT (8080), HOST (127.0.0.1), DATABASE_URL (postgres://…),
 * DATA_DIR (./data, for the SQLite file), STATIC_DIR (./dist), PG_SCHEMA (a
 * PostgreSQL schema to create and use instead of the search_path's), TRUST_PROXY
 * (none; see http/clientAddress.ts), the LIMIT_* settings (http/limits.ts) and
 * HSTS (1 sends Strict-Transport-Security: http/headers.ts), NOTIFICATIONS (off
 * turns Web Push off; on by default) and VAPID_SUBJECT (a mailto: or https:
 * address push services can reach the operator at: server/notify/), and the
 * SMTP_* settings for the weekly digest email (off without SMTP_HOST:
 * server/digest/), and for staff sign-in OIDC_ISSUER, OIDC_CLIENT_ID,
 * OIDC_CLIENT_SECRET, OIDC_ALLOWED_DOMAINS, PUBLIC_URL, OIDC_PROVIDER_NAME and
 * OIDC_RECHECK_MINUTES (server/signIn/settings.ts; off without them).
 */
import { serve, type ServerType } from '@hono/node-server';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { createApp, DEFAULT_RETENTION } from './app.ts';
import { retentionFromEnv, startSweeps } from './ops/retention.ts';
import { parseTrustProxy, type TrustProxy } from './http/clientAddress.ts';
import {
  DEFAULT_LIMITS,
  limitsFromEnv,
  memoryLimits,
  postgresLimits,
  type LimitSettings,
} from './http/limits.ts';
import {
  isPostgresUrl,
  openStore,
  withPgUser,
  type RetentionPolicy,
  type Store,
} from './store/index.ts';
import { memoryNotifier, pgNotifier } from './live/notifier.ts';
import { startNotifications, type Notifications } from './notify/index.ts';
import { createDigestSender, smtpFromEnv, type SmtpSettings } from './digest/index.ts';
import { pgApplicationName } from './store/open.ts';
import { startupProblem } from './http/unavailable.ts';
import { pidFileFor, sqlitePathFor } from './ops/target.ts';
import { createProvider } from './signIn/provider.ts';
import { signInFromEnv, type SignInSettings } from './signIn/settings.ts';

export type ServerOptions = {
  /** 0 picks a free port. Default 8080. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** postgres://… selects PostgreSQL; otherwise SQLite. */
  readonly databaseUrl?: string;
  /** SQLite file; ':memory:' allowed. Default `${dataDir}/ground-up.sqlite`. */
  readonly sqlitePath?: string;
  /** Directory for the default SQLite file, created if missing. Default ./data. */
  readonly dataDir?: string;
  /** PostgreSQL schema to use (test isolation). */
  readonly pgSchema?: string;
  /**
   * PostgreSQL for the few connections that need a session of their own: the
   * one that LISTENs for other processes' writes (live updates) and the shared
   * limits' (named prepared statements), when `databaseUrl` goes through a
   * pooler in transaction mode (PgBouncer), which keeps neither. Default:
   * `databaseUrl`. README "Several servers".
   */
  readonly sessionDatabaseUrl?: string;
  /** The built app. Not served if the directory does not exist. Default ./dist. */
  readonly staticDir?: string;
  readonly log?: (line: string) => void;
  readonly now?: () => number;
  /** Which proxies may name the client (TRUST_PROXY). Default: none. */
  readonly trustProxy?: TrustProxy;
  /** The limits (LIMIT_*). Default DEFAULT_LIMITS. */
  readonly limits?: LimitSettings;
  /** Send Strict-Transport-Security (HSTS=1). Default false. */
  readonly hsts?: boolean;
  /** TEAM_RETENTION_DAYS, TEAM_DELETION_GRACE_DAYS. Default: keep inactive teams; 7 days' grace. */
  readonly retention?: RetentionPolicy;
  /** Web Push: false turns it off (NOTIFICATIONS=off). Default on. */
  readonly notifications?: boolean;
  /** VAPID subject (VAPID_SUBJECT). */
  readonly vapidSubject?: string;
  /** Accept http: push endpoints (tests with a local push service only). */
  readonly allowHttpPushEndpoints?: boolean;
  /** SMTP for the weekly digest (SMTP_*). Default: no digest. */
  readonly smtp?: SmtpSettings | null;
  /** Staff sign-in (OIDC_*, PUBLIC_URL). Default: off. */
  readonly signIn?: SignInSettings | null;
};

export type RunningServer = {
  /** e.g. http://127.0.0.1:43121, with the port actually bound. */
  readonly url: string;
  readonly port: number;
  readonly store: Store;
  /** Web Push, when on. */
  readonly notifications: Notifications | null;
  /** Stops accepting connections, lets requests in flight finish (up to 5 s), closes the database. */
  close(): Promise<void>;
};

function sqliteFile(opts: ServerOptions): string {
  if (opts.sqlitePath !== undefined) return opts.sqlitePath;
  const dir = resolve(opts.dataDir ?? './data');
  mkdirSync(dir, { recursive: true });
  return join(dir, 'ground-up.sqlite');
}

function listen(server: ServerType): Promise<AddressInfo> {
  return new Promise((ok, fail) => {
    const address = server.address();
    if (address !== null && typeof address === 'object') return ok(address);
    server.once('listening', () => ok(server.address() as AddressInfo));
    server.once('error', fail);
  });
}

/** Named like the pool's connections, so `npm run restore` sees a running server. */
function listenUrl(databaseUrl: string, schema: string | undefined): string {
  const url = withPgUser(databaseUrl);
  url.searchParams.set('application_name', pgApplicationName(schema));
  return url.toString();
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const store = await openStore(
    isPostgresUrl(opts.databaseUrl)
      ? {
          databaseUrl: opts.databaseUrl,
          ...(opts.pgSchema === undefined ? {} : { pgSchema: opts.pgSchema }),
        }
      : { sqlitePath: sqliteFile(opts) },
  );
  const staticDir = resolve(opts.staticDir ?? './dist');
  const serveApp = existsSync(join(staticDir, 'index.html'));
  if (!serveApp) log(`no built app in ${staticDir}: serving the API only (run npm run build)`);
  // On PostgreSQL every process LISTENs, so each tells its own clients of any write.
  const live = isPostgresUrl(opts.databaseUrl)
    ? await pgNotifier(listenUrl(opts.sessionDatabaseUrl ?? opts.databaseUrl, opts.pgSchema), log)
    : memoryNotifier();
  // On PostgreSQL the limits live in its table rate_limits, shared by every process.
  const settings = opts.limits ?? DEFAULT_LIMITS;
  const limitPool = isPostgresUrl(opts.databaseUrl)
    ? new pg.Pool({
        connectionString: withPgUser(opts.sessionDatabaseUrl ?? opts.databaseUrl).toString(),
        max: 2,
      })
    : null;
  const limits = limitPool
    ? await postgresLimits(limitPool, settings, opts.pgSchema)
    : memoryLimits(settings);
  const retention = opts.retention ?? DEFAULT_RETENTION;
  const notifications =
    opts.notifications === false
      ? null
      : await startNotifications(store, {
          log,
          ...(opts.now ? { now: opts.now } : {}),
          ...(opts.vapidSubject ? { subject: opts.vapidSubject } : {}),
          allowHttpEndpoints: opts.allowHttpPushEndpoints ?? false,
        });
  const digest = opts.smtp ? createDigestSender(store, opts.smtp, log) : null;
  // Hourly: each team that wants it gets its digest once a week.
  const digestTimer = digest
    ? setInterval(() => {
        digest.sendDue(Date.now()).catch((e: unknown) => log(`digest: ${String(e)}`));
      }, 3600_000)
    : null;
  digestTimer?.unref();
  const app = createApp({
    store,
    log,
    ...(notifications ? { notifications } : {}),
    digest: digest !== null,
    live,
    limits,
    ...(opts.trustProxy ? { trustProxy: opts.trustProxy } : {}),
    hsts: opts.hsts ?? false,
    ...(serveApp ? { staticDir } : {}),
    ...(opts.now ? { now: opts.now } : {}),
    retention,
    signIn: opts.signIn ? { settings: opts.signIn, provider: createProvider(opts.signIn) } : null,
  });
  const host = opts.host ?? '127.0.0.1';
  const server = serve({ fetch: app.fetch, port: opts.port ?? 8080, hostname: host });
  outliveProxies(server as Server);
  let address: AddressInfo;
  try {
    address = await listen(server);
  } catch (err) {
    await live.close();
    await limitPool?.end();
    await store.close();
    throw err;
  }
  // Retention: on start, then daily (teams due are purged, inactive ones warned).
  const sweeps = startSweeps(store, retention, opts.now ?? Date.now, log);
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    store,
    notifications,
    close() {
      closing ??= new Promise<void>((done) => {
        sweeps.stop();
        void live.close(); // ends the event streams, so they do not hold the close up
        notifications?.close();
        if (digestTimer) clearInterval(digestTimer);
        digest?.close();
        const force = setTimeout(
          () => 'closeAllConnections' in server && server.closeAllConnections(),
          5000,
        );
        server.close(() => {
          clearTimeout(force);
          done();
        });
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      })
        .then(() => limitPool?.end())
        .then(() => store.close());
      return closing;
    },
  };
}

async function main(): Promise<void> {
  const env = process.env;
  const running = await startServer({
    port: Number(env['PORT'] ?? 8080),
    host: env['HOST'] ?? '127.0.0.1',
    ...(env['DATABASE_URL'] ? { databaseUrl: env['DATABASE_URL'] } : {}),
    ...(env['PG_SCHEMA'] ? { pgSchema: env['PG_SCHEMA'] } : {}),
    ...(env['DATABASE_SESSION_URL'] ? { sessionDatabaseUrl: env['DATABASE_SESSION_URL'] } : {}),
    ...(env['DATA_DIR'] ? { dataDir: env['DATA_DIR'] } : {}),
    ...(env['STATIC_DIR'] ? { staticDir: env['STATIC_DIR'] } : {}),
    trustProxy: parseTrustProxy(env['TRUST_PROXY']),
    limits: limitsFromEnv(env),
    hsts: env['HSTS'] === '1',
    retention: retentionFromEnv(env),
    notifications: env['NOTIFICATIONS'] !== 'off',
    ...(env['VAPID_SUBJECT'] ? { vapidSubject: env['VAPID_SUBJECT'] } : {}),
    smtp: smtpFromEnv(env),
    signIn: signInFromEnv(env),
  });
  console.log(`Ground Up is running at ${running.url} (${running.store.dialect})`);
  // `npm run restore` refuses to replace the SQLite file while this process lives.
  const pidFile =
    running.store.dialect === 'sqlite' ? pidFileFor(sqlitePathFor(env['DATA_DIR'])) : null;
  if (pidFile !== null) writeFileSync(pidFile, `${process.pid}\n`);
  const stop = (signal: string) => {
    console.log(`${signal}: closing`);
    if (pidFile !== null) rmSync(pidFile, { force: true });
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  main().catch((err: unknown) => {
    // A database that is away at start gets words and what to do, not only a stack.
    const problem = startupProblem(err);
    console.error(problem ?? err);
    process.exit(1);
  });
}

/**
 * How long an idle kept-alive connection stays open. A proxy or load balancer
 * in front keeps its idle connections to us for up to a minute (nginx's
 * upstream keepalive, cloud load balancers' 60 s) and sends the next request
 * on one whenever it likes. Node's default of 5 s closes ours first: a request
 * sent just as we close is reset, and a phone sees a 502. The bench met it as
 * ECONNRESET between two requests five seconds apart. Ours outlives theirs.
 */
export const KEEP_ALIVE_MS = 65_000;

function outliveProxies(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Node requires the headers timeout to be longer than the keep-alive one.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
}
