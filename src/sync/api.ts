/**
 * The HTTP client for the sync server. Every answer is turned into a
 * discriminated outcome; a response body is trusted only after the shared wire
 * schema has validated it. Network failures are outcomes, not exceptions: a
 * phone in a corridor is offline as a matter of course.
 */
import { holdFor, retryAfterSeconds } from './hold.ts';
import { compressedBody, type Body } from './compress.ts';
import * as v from 'valibot';
import { t } from './sync.en.ts';
import {
  inviteResponseSchema,
  memberRemovedResponseSchema,
  roleChangedResponseSchema,
  eraseResponseSchema,
  type EraseResponse,
  pullResponseSchema,
  pushResponseSchema,
  sessionResponseSchema,
  teamDeletionSchema,
  teamResponseSchema,
  teamSignInSchema,
  signInStartSchema,
  type SignInStart,
  type CreateTeamRequest,
  type SetSignInRequest,
  type TeamSignIn,
  type TeamDeletion,
  type InviteResponse,
  type JoinRequest,
  type MemberRemovedResponse,
  type PullResponse,
  type RoleChangedResponse,
  type PushRequest,
  type PushResponse,
  type SessionResponse,
  type TeamResponse,
} from '../domain/protocol.ts';
import type { Role } from '../domain/records.ts';
import type { DeviceId } from '../domain/ids.ts';
import {
  boardSchema,
  displayCreatedSchema,
  displayListSchema,
  type Board,
  type DisplayCreated,
  type DisplayList,
} from '../domain/display.ts';

export type ApiFailure =
  | { readonly kind: 'offline'; readonly message: string }
  | { readonly kind: 'unauthorised'; readonly message: string }
  | { readonly kind: 'forbidden'; readonly message: string }
  | { readonly kind: 'too-large'; readonly message: string }
  | { readonly kind: 'rate-limited'; readonly message: string; readonly retryAfterSeconds: number }
  | {
      readonly kind: 'bad-request';
      readonly message: string;
      readonly field?: string;
      /** 404 only: the route is not on this server. */
      readonly status?: 404;
    }
  | { readonly kind: 'server-error'; readonly message: string; readonly status: number };

/** Where this phone last saw the server: its epoch, and the team's log position pulled to. */
export type Since = { readonly epoch: string; readonly cursor: number };

/**
 * A push that named `since` and was not applied: the server is not where the
 * phone last saw it (`restored`: from a backup), or it cannot check (`unchecked`:
 * a server from before the check). Either way the phone asks with a pull first.
 */
export type PushNotTaken = { readonly kind: 'restored' | 'unchecked'; readonly message: string };

/** A push request as it goes on the wire (Api.ready). */
export type ReadyPush = { readonly text: string; readonly sent: Body };

export type ApiResult<T> = { readonly kind: 'ok'; readonly body: T } | ApiFailure;

export type Api = {
  createTeam(body: CreateTeamRequest): Promise<ApiResult<SessionResponse>>;
  join(body: JoinRequest): Promise<ApiResult<SessionResponse>>;
  team(token: string): Promise<ApiResult<TeamResponse>>;
  /**
   * A push made ready to send (its JSON, packed where it pays), so that the next
   * one is made while the one before is in flight. `push` takes either.
   */
  ready(body: PushRequest): Promise<ReadyPush>;
  /**
   * `since`: where this phone last saw the server, which checks it and applies
   * nothing when it no longer stands there (`PushNotTaken`).
   */
  push(
    token: string,
    body: PushRequest | ReadyPush,
    since?: Since,
  ): Promise<ApiResult<PushResponse> | PushNotTaken>;
  /**
   * `limit` at most LIMITS.pullPage (the server's default); the answer may name the server's epoch.
   * `own`: this device's id; the server leaves out its changes applied exactly as sent (it has them).
   */
  pull(
    token: string,
    teamId: string,
    cursor: number,
    limit?: number,
    opts?: { readonly own: DeviceId },
  ): Promise<ApiResult<PullPage>>;
  /** Facilitator only: a new invite code; the old one stops working. */
  rotateInvite(token: string): Promise<ApiResult<InviteResponse>>;
  /** Facilitator only: signs the member's device out (their token gets 401). */
  removeMember(token: string, memberId: string): Promise<ApiResult<MemberRemovedResponse>>;
  /** Facilitator only: makes a member a facilitator, member or sponsor. */
  setRole(token: string, memberId: string, role: Role): Promise<ApiResult<RoleChangedResponse>>;
  /** Facilitator only: erases the words of an idea or comment on the server and every phone. */
  erase(
    token: string,
    entity: 'idea' | 'comment',
    id: string,
    reason: string,
  ): Promise<ApiResult<EraseResponse>>;
  /** Facilitator only: everything of the team, as one JSON document to save. */
  exportTeam(token: string): Promise<ApiResult<unknown>>;
  /** Facilitator only: schedules the team's deletion; the team's name confirms it. */
  deleteTeam(token: string, confirmTeamName: string): Promise<ApiResult<TeamDeletion>>;
  /** Facilitator only: calls a scheduled deletion off. */
  keepTeam(token: string): Promise<ApiResult<unknown>>;
  /** Everything the server holds about this member (subject access). */
  exportMine(token: string): Promise<ApiResult<unknown>>;
  /** This member's name becomes "Former member" everywhere. */
  eraseName(token: string): Promise<ApiResult<unknown>>;
  /** Facilitator only: a new board link for a TV (its token is shown once). */
  createDisplay(token: string): Promise<ApiResult<DisplayCreated>>;
  /** Facilitator only: the team's live board links. */
  listDisplays(token: string): Promise<ApiResult<DisplayList>>;
  /** Facilitator only: withdraws a board link; the TV showing it stops. */
  revokeDisplay(token: string, id: string): Promise<ApiResult<unknown>>;
  /** A TV's read of the team's board, with a board link's token. */
  board(displayToken: string): Promise<ApiResult<Board>>;
  /** Whether the team asks for staff sign-in to join (decision 0020). */
  signInRule(token: string): Promise<ApiResult<TeamSignIn>>;
  /** Facilitator only: sets whether joining needs sign-in, and whether codes alone still do. */
  setSignInRule(token: string, body: SetSignInRequest): Promise<ApiResult<TeamSignIn>>;
  /** Starts staff sign-in for an invite code: where to send the browser (or a refusal in words). */
  startSignIn(inviteCode: string): Promise<ApiResult<SignInStart>>;
};

export { clearServerHold, retryAfterSeconds, serverHold, type ServerHold } from './hold.ts';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * A pull answer with the server's epoch, which servers since migration 0005
 * add (decision 0010). Read here, not in protocol.ts, so older servers and
 * older clients stay compatible both ways: the field is optional.
 */
const pullPageSchema = v.object({ ...pullResponseSchema.entries, epoch: v.optional(v.string()) });
export type PullPage = PullResponse & { readonly epoch?: string | undefined };

async function errorMessage(res: Response): Promise<{ message: string; field?: string }> {
  try {
    const body = (await res.json()) as { error?: { message?: unknown; field?: unknown } };
    const message = typeof body.error?.message === 'string' ? body.error.message : res.statusText;
    return typeof body.error?.field === 'string'
      ? { message, field: body.error.field }
      : { message };
  } catch {
    return { message: res.statusText || `HTTP ${res.status}` };
  }
}

/**
 * How long one request of a sync pass may take, its answer read to the end,
 * before the phone gives it up as unanswered. A pass holds the sync lock
 * (lock.ts) across its requests, so a request that never ends would hold back
 * every later pass, the service worker's too: a connection dropped without a
 * reset can leave one waiting for many minutes. Two minutes carries the largest
 * push or pull page (a few hundred KB packed) over a weak 2G signal. An answer
 * given up is safe: the push is idempotent by mutation id, the pulls and reads
 * change nothing. Other requests (start a team, an export) have no limit: some
 * are not safe to send twice, and an export is one long answer.
 */
export const REQUEST_TIME_LIMIT_MS = 120_000;

/** Every request of a sync pass now on its way from this page or worker. */
const inFlight = new Set<AbortController>();

/**
 * Gives up every request of a sync pass now on its way, each answered
 * `offline`. The page calls it when the browser says the connection is gone
 * (page.ts), so a pass waiting on an answer that cannot come lets go of the
 * sync lock at once.
 */
export function abortRequests(): void {
  for (const c of inFlight) c.abort();
}

/**
 * How a call goes. `holds`: a 429 holds this phone back (serverHold). `inPass`:
 * a sync pass's request, safe to send again, so it has the time limit and
 * `abortRequests` ends it.
 */
type Opts = { readonly holds?: boolean; readonly inPass?: boolean };

/**
 * The one way this client calls the server: each answer an outcome, a body
 * trusted only once its schema has read it. Also used by orgApi.ts.
 * @param baseUrl origin of the server, '' for same-origin.
 * @param limits.timeLimitMs a sync pass's request's time limit (REQUEST_TIME_LIMIT_MS; tests shorten it).
 */
export function apiCaller(
  baseUrl = '',
  fetchImpl: Fetch = (i, init) => fetch(i, init),
  limits: { timeLimitMs?: number } = {},
) {
  const limitMs = limits.timeLimitMs ?? REQUEST_TIME_LIMIT_MS;
  async function call<T>(
    path: string,
    schema: v.GenericSchema<unknown, T>,
    init: RequestInit,
    opts: Opts = {},
  ): Promise<ApiResult<T>> {
    if (!opts.inPass) return exchange(path, schema, init, opts);
    const stop = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stop.abort();
    }, limitMs);
    inFlight.add(stop);
    // The signal also ends the fetch; the race ends a wait it does not reach
    // (an answer that stops half-way, in a runtime that leaves its body open).
    const givenUp = new Promise<never>((_, fail) =>
      stop.signal.addEventListener('abort', () => fail(new Error('given up')), { once: true }),
    );
    try {
      return await Promise.race([
        exchange(path, schema, { ...init, signal: stop.signal }, opts),
        givenUp,
      ]);
    } catch (e) {
      if (!stop.signal.aborted) throw e;
      return { kind: 'offline', message: noAnswer(timedOut) };
    } finally {
      clearTimeout(timer);
      inFlight.delete(stop);
    }
  }
  /** Why a request ended with no answer, for the log (the status bar words it by `reach`). */
  const noAnswer = (timedOut: boolean) =>
    timedOut
      ? `no answer within ${Math.round(limitMs / 1000)} s`
      : 'given up: the connection is gone';
  /** One request and its outcome. */
  async function exchange<T>(
    path: string,
    schema: v.GenericSchema<unknown, T>,
    init: RequestInit,
    opts: Opts,
  ): Promise<ApiResult<T>> {
    let res: Response;
    try {
      res = await fetchImpl(baseUrl + path, { ...init, cache: 'no-store' });
    } catch (e) {
      return { kind: 'offline', message: e instanceof Error ? e.message : 'network error' };
    }
    if (res.ok) {
      let json: unknown;
      try {
        json = await res.json();
      } catch {
        return {
          kind: 'server-error',
          status: res.status,
          message: t('unreadable'),
        };
      }
      const parsed = v.safeParse(schema, json);
      if (!parsed.success) {
        return {
          kind: 'server-error',
          status: res.status,
          message: t('unexpected'),
        };
      }
      return { kind: 'ok', body: parsed.output };
    }
    const { message, field } = await errorMessage(res);
    switch (res.status) {
      case 400:
        return field === undefined
          ? { kind: 'bad-request', message }
          : { kind: 'bad-request', message, field };
      case 401:
        return { kind: 'unauthorised', message };
      case 403:
        return { kind: 'forbidden', message };
      case 404:
        return { kind: 'bad-request', message, status: 404 };
      case 413:
        return { kind: 'too-large', message };
      case 429: {
        const seconds = retryAfterSeconds(res.headers.get('retry-after'));
        if (opts.holds) holdFor(seconds, message);
        return { kind: 'rate-limited', message, retryAfterSeconds: seconds };
      }
      default:
        return { kind: 'server-error', status: res.status, message };
    }
  }
  const json = (body: unknown, token?: string): RequestInit => ({
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const auth = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } });
  return { call, json, auth };
}

/** @param baseUrl origin of the server, '' for same-origin. */
export function createApi(
  baseUrl = '',
  fetchImpl: Fetch = (i, init) => fetch(i, init),
  limits: { timeLimitMs?: number } = {},
): Api {
  const { call, json, auth } = apiCaller(baseUrl, fetchImpl, limits);
  /** False once a server showed it reads only plain bodies (one from before issue 15). */
  let packs = true;
  /** False once a server showed it has no checked push (one from before decision 0036). */
  let checks = true;
  const pushInit = (token: string, b: Body): RequestInit => ({
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(b.encoding === null ? {} : { 'content-encoding': b.encoding }),
    },
    body: b.body,
  });
  async function ready(body: PushRequest): Promise<ReadyPush> {
    const text = JSON.stringify(body);
    return { text, sent: packs ? await compressedBody(text) : { body: text, encoding: null } };
  }
  async function push(
    token: string,
    body: PushRequest | ReadyPush,
    since?: Since,
  ): Promise<ApiResult<PushResponse> | PushNotTaken> {
    if (since !== undefined && !checks)
      return { kind: 'unchecked', message: 'This server has no checked push.' };
    const { text, sent } = 'text' in body ? body : await ready(body);
    // `refusals=final`: this phone sends "Try again" under a new mutation id (writes.ts
    // retryRejected), so the server may answer any later copy of a refused one the same way.
    // A checked push has its own path: a server from before the check answers 404
    // instead of applying it unchecked.
    const path =
      since === undefined
        ? '/api/v1/sync/push?refusals=final'
        : `/api/v1/sync/push/checked?refusals=final&epoch=${encodeURIComponent(since.epoch)}&cursor=${since.cursor}`;
    const send = (b: Body) =>
      call(path, pushResponseSchema, pushInit(token, b), { holds: true, inPass: true });
    const res = await send(sent);
    if (since !== undefined) {
      if (res.kind === 'server-error' && res.status === 409)
        return { kind: 'restored', message: res.message };
      if (res.kind === 'bad-request' && res.status === 404) {
        checks = false;
        return { kind: 'unchecked', message: res.message };
      }
      // A check the server could not read is no fault of the changes: never set them aside.
      if (res.kind === 'bad-request' && (res.field === 'epoch' || res.field === 'cursor'))
        return { kind: 'unchecked', message: res.message };
    }
    const unread =
      res.kind === 'bad-request' || (res.kind === 'server-error' && res.status === 415);
    if (sent.encoding === null || !unread) return res;
    // A server rolled back to a version that reads only plain JSON answers a packed
    // body "not valid JSON": send it plain, and plain from then on if that worked.
    const plain = await send({ body: text, encoding: null });
    if (plain.kind === 'ok') packs = false;
    return plain;
  }
  return {
    createTeam: (body) => call('/api/v1/teams', sessionResponseSchema, json(body)),
    join: (body) => call('/api/v1/join', sessionResponseSchema, json(body)),
    team: (token) => call('/api/v1/team', teamResponseSchema, auth(token), { inPass: true }),
    ready,
    push,
    pull: (token, teamId, cursor, limit, opts) =>
      call(
        `/api/v1/sync/pull?team=${encodeURIComponent(teamId)}&cursor=${cursor}${limit === undefined ? '' : `&limit=${limit}`}${opts === undefined ? '' : `&own=${opts.own}`}`,
        pullPageSchema,
        auth(token),
        { holds: true, inPass: true },
      ),
    rotateInvite: (token) =>
      call('/api/v1/team/invite', inviteResponseSchema, { ...auth(token), method: 'POST' }),
    removeMember: (token, memberId) =>
      call(`/api/v1/team/members/${encodeURIComponent(memberId)}`, memberRemovedResponseSchema, {
        ...auth(token),
        method: 'DELETE',
      }),
    setRole: (token, memberId, role) =>
      call(`/api/v1/team/members/${encodeURIComponent(memberId)}/role`, roleChangedResponseSchema, {
        ...json({ role }, token),
        method: 'PUT',
      }),
    erase: (token, entity, id, reason) =>
      call(
        `/api/v1/records/${entity}/${encodeURIComponent(id)}/erase`,
        eraseResponseSchema,
        json({ reason }, token),
      ),
    exportTeam: (token) => call('/api/v1/team/export', v.unknown(), auth(token)),
    deleteTeam: (token, confirmTeamName) =>
      call('/api/v1/team', teamDeletionSchema, {
        ...json({ confirmTeamName }, token),
        method: 'DELETE',
      }),
    keepTeam: (token) => call('/api/v1/team/keep', v.unknown(), { ...auth(token), method: 'POST' }),
    exportMine: (token) => call('/api/v1/me/export', v.unknown(), auth(token)),
    eraseName: (token) =>
      call('/api/v1/me/erase-name', v.unknown(), { ...auth(token), method: 'POST' }),
    createDisplay: (token) =>
      call('/api/v1/team/displays', displayCreatedSchema, { ...auth(token), method: 'POST' }),
    listDisplays: (token) => call('/api/v1/team/displays', displayListSchema, auth(token)),
    revokeDisplay: (token, id) =>
      call(`/api/v1/team/displays/${encodeURIComponent(id)}`, v.unknown(), {
        ...auth(token),
        method: 'DELETE',
      }),
    board: (displayToken) => call('/api/v1/display/board', boardSchema, auth(displayToken)),
    signInRule: (token) => call('/api/v1/team/sign-in', teamSignInSchema, auth(token)),
    setSignInRule: (token, body) =>
      call('/api/v1/team/sign-in', teamSignInSchema, { ...json(body, token), method: 'PUT' }),
    startSignIn: (inviteCode) =>
      call(`/api/v1/auth/start?code=${encodeURIComponent(inviteCode)}`, signInStartSchema, {
        headers: { accept: 'application/json' },
      }),
  };
}
