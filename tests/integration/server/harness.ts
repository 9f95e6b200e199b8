/**
 * Driving the server app in-process (app.request) the way a device would: a
 * clock the test controls, a client key per simulated device (for the rate
 * limits), collected log lines, and builders for the mutations a device sends.
 */
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe } from 'vitest';
import { createApp, type AppDeps } from '../../../server/app.ts';
import type { Limits } from '../../../server/http/limits.ts';
import type { Notifications } from '../../../server/notify/index.ts';
import type { Store } from '../../../server/store/index.ts';
import { formatHlc } from '../../../src/domain/hlc.ts';
import { voteIdOf, type VoteFields } from '../../../src/domain/huddle.ts';
import type { CommentId, DeviceId, IdeaId, MemberId, MutationId } from '../../../src/domain/ids.ts';
import {
  createCommentMutation,
  createIdeaMutation,
  editIdeaMutation,
  type IdeaEdit,
} from '../../../src/domain/idea.ts';
import type {
  MutationInput,
  PullResponse,
  PushResult,
  SessionResponse,
} from '../../../src/domain/protocol.ts';
import type { OrgSession } from '../../../src/domain/orgProtocol.ts';
import { BACKENDS } from './backends.ts';

export const T0 = Date.UTC(2026, 2, 2, 7, 30);

/** A session as create/join answer it: the invite code is always there. */
export type Session = SessionResponse & { team: { inviteCode: string } };

function asSession(body: unknown): Session {
  const s = body as SessionResponse;
  if (typeof s.team.inviteCode !== 'string') throw new Error('session without an invite code');
  return s as Session;
}

export type Reply = { status: number; body: unknown; headers: Headers; text: string };

export function harness(
  store: Store,
  opts: {
    staticDir?: string;
    limits?: Limits;
    notifications?: Notifications;
    signIn?: NonNullable<AppDeps['signIn']>;
  } = {},
) {
  let time = T0;
  const logs: string[] = [];
  const app = createApp({
    store,
    now: () => time,
    log: (line) => logs.push(line),
    clientKey: (c) => c.req.header('x-test-client') ?? 'device-1',
    ...opts,
  });

  async function request(
    method: string,
    path: string,
    init: {
      body?: unknown;
      raw?: BodyInit;
      token?: string;
      client?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token !== undefined) headers['authorization'] = `Bearer ${init.token}`;
    if (init.client !== undefined) headers['x-test-client'] = init.client;
    let body: BodyInit | undefined = init.raw;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] = 'application/json';
    }
    const res = await app.request(path, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed, headers: res.headers, text };
  }

  const defaultJoins = new Map<string, number>();
  return {
    app,
    logs,
    request,
    advance(ms: number) {
      time += ms;
    },
    async createTeam(
      teamName = 'Ward 7',
      displayName = 'Priya (charge nurse)',
      client?: string,
    ): Promise<Session> {
      const r = await request('POST', '/api/v1/teams', {
        body: { teamName, displayName },
        ...(client ? { client } : {}),
      });
      if (r.status !== 201) throw new Error(`create team: ${r.status} ${r.text}`);
      return asSession(r.body);
    },
    /** A new organisation, its creator's session (a leader's). */
    async createOrg(
      orgName = 'North Trust',
      displayName = 'Dr Okafor (director)',
    ): Promise<OrgSession> {
      const r = await request('POST', '/api/v1/orgs', { body: { orgName, displayName } });
      if (r.status !== 201) throw new Error(`create organisation: ${r.status} ${r.text}`);
      return r.body as OrgSession;
    },
    /** Joins as `displayName`; by default "Sam (HCA)", then "Sam (HCA) 2"… (a team refuses a name twice). */
    async join(inviteCode: string, displayName?: string): Promise<Session> {
      const n = (defaultJoins.get(inviteCode) ?? 0) + 1;
      if (displayName === undefined) defaultJoins.set(inviteCode, n);
      const name = displayName ?? (n === 1 ? 'Sam (HCA)' : `Sam (HCA) ${n}`);
      const r = await request('POST', '/api/v1/join', { body: { inviteCode, displayName: name } });
      if (r.status !== 200) throw new Error(`join: ${r.status} ${r.text}`);
      return asSession(r.body);
    },
    async push(session: SessionResponse, mutations: readonly unknown[]): Promise<PushResult[]> {
      const r = await request('POST', '/api/v1/sync/push', {
        token: session.token,
        body: { teamId: session.team.id, mutations },
      });
      if (r.status !== 200) throw new Error(`push: ${r.status} ${r.text}`);
      return (r.body as { results: PushResult[] }).results;
    },
    async pull(session: SessionResponse, cursor = 0, limit?: number): Promise<PullResponse> {
      const q = `team=${session.team.id}&cursor=${cursor}${limit === undefined ? '' : `&limit=${limit}`}`;
      const r = await request('GET', `/api/v1/sync/pull?${q}`, { token: session.token });
      if (r.status !== 200) throw new Error(`pull: ${r.status} ${r.text}`);
      return r.body as PullResponse;
    },
  };
}

export type Harness = ReturnType<typeof harness>;

/**
 * One describe block per backend (the title names it with `$name`), each test
 * with a fresh store and harness in `t.store` and `t.h`.
 */
export function describeOnBackends(
  title: string,
  define: (t: { store: Store; h: Harness }) => void,
): void {
  describe.each(BACKENDS)(title, (backend) => {
    const t = {} as { store: Store; h: Harness };
    beforeEach(async () => {
      t.store = await backend.open();
      t.h = harness(t.store);
    });
    afterEach(() => t.store?.close());
    define(t);
  });
}

/** A simulated device: its own HLC node id and clock. */
export function device(seed: number) {
  const node = seed.toString(16).padStart(16, '0') as DeviceId;
  let wall = T0;
  let counter = 0;
  const hlc = (at?: number) => {
    if (at !== undefined) return formatHlc({ wall: at, counter: 0, node });
    counter++;
    return formatHlc({ wall, counter, node });
  };
  return {
    hlc,
    later(ms: number) {
      wall += ms;
      counter = 0;
    },
    idea(
      session: SessionResponse | null,
      title: string,
      opts: { anonymous?: boolean; category?: string } = {},
    ) {
      const author = session ? { id: session.member.id, name: session.member.displayName } : null;
      return createIdeaMutation(
        {
          title,
          detail: '',
          category: opts.category ?? 'safety',
          anonymous: opts.anonymous ?? false,
        },
        { ideaId: uuidv7() as IdeaId, mutationId: uuidv7() as MutationId },
        author,
        hlc(),
        wall,
      );
    },
    edit(ideaId: string, edit: IdeaEdit, at?: number) {
      return editIdeaMutation(ideaId as IdeaId, edit, uuidv7() as MutationId, hlc(at));
    },
    comment(session: SessionResponse, ideaId: string, body: string) {
      return createCommentMutation(
        ideaId as IdeaId,
        body,
        { commentId: uuidv7() as CommentId, mutationId: uuidv7() as MutationId },
        { id: session.member.id as MemberId, name: session.member.displayName },
        hlc(),
        wall,
      );
    },
    /** `session`'s ask for support on an idea, as the app sends it (id: the ask's). */
    ask(session: SessionResponse, ideaId: string, text: string, id: string = uuidv7()): unknown {
      return {
        id: uuidv7(),
        hlc: hlc(),
        entity: 'ask',
        entityId: id,
        fields: {
          ideaId,
          kind: 'support',
          text,
          askedBy: session.member.id,
          createdAt: T0,
          deleted: false,
        },
      };
    },
    /** Any mutation, as raw wire input. */
    raw(m: Omit<MutationInput, 'id' | 'hlc'> & { id?: string; hlc?: string }): unknown {
      return { id: uuidv7(), hlc: hlc(), ...m };
    },
    /** A huddle started at T0 by `lead` on `ideas` (open, 5 minutes); `fields` override. */
    huddle(huddleId: string, lead: SessionResponse, ideas: readonly string[], fields = {}) {
      return this.raw({
        entity: 'huddle',
        entityId: huddleId,
        fields: {
          title: 'Monday huddle',
          dotsPerMember: 3,
          endsAt: T0 + 300_000,
          hidden: false,
          shortlist: JSON.stringify(ideas),
          state: 'open',
          startedBy: lead.member.id,
          startedAt: T0,
          closedAt: null,
          outcome: '[]',
          ...fields,
        } as never,
      });
    },
    /** `voter`'s own dots on an idea of a huddle. */
    vote(huddleId: string, ideaId: string, voter: SessionResponse, dots: number) {
      const fields: VoteFields = {
        huddleId,
        ideaId,
        memberId: voter.member.id,
        dots,
        proxy: false,
        proxyName: null,
      };
      return this.raw({ entity: 'vote', entityId: voteIdOf(fields), fields });
    },
  };
}

/** Reads an event stream's chunks as text; 'ended' once it closes. */
export function streamReader(res: Response): () => Promise<string> {
  const reader = res.body!.getReader();
  return async () => {
    const { value, done } = await reader.read();
    return done ? 'ended' : new TextDecoder().decode(value);
  };
}

export const newId = (): string => uuidv7();
