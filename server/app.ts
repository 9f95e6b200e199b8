/**
 * The HTTP face of the sync server: the JSON API under /api/v1, /healthz, and
 * (when given a directory) the built PWA. Every response carries the security
 * headers and one log line. A database that is away (PostgreSQL down, a
 * full disk) is a 503 or 507 with Retry-After and words (http/unavailable.ts);
 * any other error that is not the client's is a 500 with no detail for the
 * client and the stack in the log.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { ApiError, SERVER_ERROR } from './http/errors.ts';
import { databaseTrouble, databaseWatch, unavailableError } from './http/unavailable.ts';
import { securityHeaders } from './http/headers.ts';
import { compressJson } from './http/compress.ts';
import { clientAddress, type TrustProxy } from './http/clientAddress.ts';
import { memoryLimits, type Limits } from './http/limits.ts';
import { loggablePath, requestLog } from './http/log.ts';
import { mountStatic } from './http/static.ts';
import { sessionRoutes } from './routes/session.ts';
import { syncRoutes } from './routes/sync.ts';
import { recordRoutes } from './routes/records.ts';
import { teamRoutes } from './routes/team.ts';
import { eventRoutes } from './routes/events.ts';
import { teamDataRoutes } from './routes/teamData.ts';
import { pushRoutes } from './routes/push.ts';
import { digestRoutes } from './routes/digest.ts';
import { displayRoutes } from './routes/displays.ts';
import { signInRoutes } from './routes/signIn.ts';
import type { Provider } from './signIn/provider.ts';
import type { SignInSettings } from './signIn/settings.ts';
import { orgRoutes } from './routes/orgs.ts';
import type { Notifications } from './notify/index.ts';
import { memoryNotifier, orgChannel, type Notifier } from './live/notifier.ts';
import type { RetentionPolicy, Store } from './store/index.ts';

/** No inactivity deletion; a requested deletion waits 7 days. */
export const DEFAULT_RETENTION: RetentionPolicy = { retentionDays: null, graceDays: 7 };

export type AppDeps = {
  readonly store: Store;
  /** The clock, in ms since the epoch. Default Date.now. */
  readonly now?: () => number;
  /** Where log lines go. Default console.log. */
  readonly log?: (line: string) => void;
  /** The built app to serve (e.g. ./dist). Default: serve only the API. */
  readonly staticDir?: string;
  /** The key address limits count by. Default: the client address (`trustProxy` decides it). */
  readonly clientKey?: (c: Context) => string;
  /** Which proxies may name the client in X-Forwarded-For (TRUST_PROXY). Default: none. */
  readonly trustProxy?: TrustProxy;
  /** Where the limits count. Default: this process's memory, with the default settings. */
  readonly limits?: Limits;
  /** Send Strict-Transport-Security (HSTS=1). Default false. */
  readonly hsts?: boolean;
  /** Tells event streams a team has something new. Default: in this process only. */
  readonly live?: Notifier;
  /** TEAM_RETENTION_DAYS and TEAM_DELETION_GRACE_DAYS. Default DEFAULT_RETENTION. */
  readonly retention?: RetentionPolicy;
  /** Web Push (server/notify/). Default: none, and the /api/v1/push routes answer 404. */
  readonly notifications?: Notifications;
  /** The weekly digest email is on (SMTP settings given): mount its routes. Default false. */
  readonly digest?: boolean;
  /** Staff sign-in by OpenID Connect (OIDC_*, PUBLIC_URL). Default: not set up. */
  readonly signIn?: { readonly settings: SignInSettings; readonly provider: Provider } | null;
};

export function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // In-process requests (app.request) have no socket.
  }
}

export function createApp(deps: AppDeps): Hono {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? ((line: string) => console.log(line));
  const app = new Hono();

  const watch = databaseWatch(log, now);

  app.use('*', requestLog(log));
  app.use('*', securityHeaders({ hsts: deps.hsts ?? false }));
  app.use('/api/*', async (c, next) => {
    await next();
    watch.answered(c.req.method, c.res.status);
  });
  app.use('/api/*', compressJson());

  app.get('/healthz', async (c) => {
    try {
      await deps.store.ping();
      watch.answered('GET', 200);
      // A full disk still answers `select 1`; only writes fail, so say so here.
      const full = watch.writeProblem();
      if (full !== null) {
        log(`healthz: ${full}`);
        return c.json({ ok: false, problem: full }, 503, { 'Retry-After': '60' });
      }
      return c.json({ ok: true });
    } catch (err) {
      // Words for the person running the server: what is wrong and what to do.
      const trouble = databaseTrouble(err);
      const problem = trouble
        ? trouble.advice
        : `The ${deps.store.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} database does not answer (${err instanceof Error ? err.message : String(err)}). Look at the server's log; restart the server if it does not recover.`;
      log(`healthz: ${problem}`);
      return c.json({ ok: false, problem }, 503, {
        'Retry-After': String(trouble?.retryAfterSeconds ?? 10),
      });
    }
  });
  const trust = deps.trustProxy ?? { kind: 'none' };
  const clientKey =
    deps.clientKey ??
    ((c: Context) => clientAddress(socketAddress(c), c.req.header('x-forwarded-for'), trust));
  const limits = deps.limits ?? memoryLimits();
  sessionRoutes(app, { store: deps.store, now, clientKey, limits });
  const live = deps.live ?? memoryNotifier();
  // Before the sync routes: its check of a signed-in member's account runs first.
  signInRoutes(app, {
    store: deps.store,
    now,
    log,
    clientKey,
    limits,
    signIn: deps.signIn ?? null,
    onDisabled: (teamId, memberId) => live.publishRemoved(teamId, memberId),
  });
  /** An organisation's log changed: its leaders' streams and every linked team's hear it. */
  const orgChanged = (orgId: string) => {
    live.publish(orgChannel(orgId));
    deps.store.orgs.orgTeams(orgId).then(
      (teams) => {
        for (const teamId of teams) live.publish(teamId);
      },
      (e: unknown) => log(`live: could not tell the organisation's teams: ${String(e)}`),
    );
  };
  syncRoutes(app, {
    store: deps.store,
    now,
    limits,
    onApplied: (teamId) => {
      live.publish(teamId);
      // After the push's transaction committed; never awaited, so it cannot slow the push.
      deps.notifications?.kick(teamId);
    },
    onOrgApplied: (teamId) => {
      deps.store.orgs.teamOrg(teamId).then(
        (org) => {
          if (org) orgChanged(org.id);
        },
        (e: unknown) => log(`live: could not find the team's organisation: ${String(e)}`),
      );
    },
  });
  eventRoutes(app, { store: deps.store, live, streamsPerMember: limits.settings.streamsPerMember });
  teamRoutes(app, {
    store: deps.store,
    now,
    onRemoved: (teamId, memberId) => live.publishRemoved(teamId, memberId),
  });
  displayRoutes(app, {
    store: deps.store,
    now,
    live,
    streamsPerDisplay: limits.settings.streamsPerMember,
  });
  recordRoutes(app, { store: deps.store, now, onApplied: (teamId) => live.publish(teamId) });
  teamDataRoutes(app, {
    store: deps.store,
    now,
    graceDays: (deps.retention ?? DEFAULT_RETENTION).graceDays,
    onChanged: (teamId) => live.publish(teamId),
  });
  orgRoutes(app, {
    store: deps.store,
    now,
    clientKey,
    limits,
    onApplied: (teamId) => {
      live.publish(teamId);
      deps.notifications?.kick(teamId);
    },
    onLinkChanged: (teamId, orgId) => {
      live.publish(teamId);
      orgChanged(orgId);
    },
  });
  if (deps.notifications)
    pushRoutes(app, { store: deps.store, now, notifications: deps.notifications });
  if (deps.digest) digestRoutes(app, { store: deps.store, now });
  if (deps.staticDir !== undefined) mountStatic(app, deps.staticDir);

  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: 'There is nothing at this address.' } }, 404),
  );
  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(err.body(), err.status, err.headers);
    const trouble = databaseTrouble(err);
    if (trouble) {
      watch.refused(trouble);
      log(`unavailable ${c.req.method} ${loggablePath(c.req.path)}: ${trouble.advice}`);
      const answer = unavailableError(trouble);
      return c.json(answer.body(), answer.status, answer.headers);
    }
    log(`error ${c.req.method} ${loggablePath(c.req.path)}: ${err.stack ?? String(err)}`);
    return c.json(SERVER_ERROR, 500);
  });
  return app;
}
