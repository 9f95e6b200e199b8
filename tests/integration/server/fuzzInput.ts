/**
 * Hostile requests for the API fuzz: every route, with bodies that start from
 * a valid request and are then broken (wrong types, huge strings, deep
 * nesting, unknown fields, other teams' ids, replayed mutation ids), or are
 * not JSON at all; with tokens that are missing, forged, malformed, revoked
 * or another team's; and with methods and paths that lead nowhere.
 */
import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import type { Session } from './harness.ts';
import { device } from './harness.ts';
import { LIMITS } from '../../../src/domain/records.ts';

/** What the fuzz knows about the server it is attacking. */
export type FuzzContext = {
  readonly a: Session;
  readonly aMember: Session;
  readonly b: Session;
  readonly revokedToken: string;
  readonly aIdea: string;
  readonly bIdea: string;
  readonly aComment: string;
  readonly aMutation: string;
  readonly bMutation: string;
};

export type FuzzRequest = {
  readonly route: string;
  readonly method: string;
  readonly path: string;
  readonly body?: string;
  readonly headers: Record<string, string>;
  readonly client: string;
  /** The body was a JSON object, so a 400 must name the field at fault. */
  readonly objectBody: boolean;
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));

/** Strings that have broken servers: control characters, lone surrogates, huge ones. */
const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.constantFrom('\u0000', '\u0007', '\n', '\ud800', '\udc00', 'a', ' ', 'é', '👍'), {
        minLength: 1,
        maxLength: 8,
      })
      .map((parts) => parts.join('')),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'Ward\u00007',
      'tab\there',
      '\u202egnp.exe',
      '<script>alert(1)</script>',
      "'; drop table ideas; --",
      '__proto__',
      'constructor',
      'x'.repeat(61),
      'x'.repeat(201),
      'x'.repeat(4001),
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 700_000 }).map((n) => 'y'.repeat(n)) },
);

function nest(depth: number, asObject: boolean): Json {
  let v: Json = 1;
  for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v];
  return v;
}

const hostileValue = (ctx: FuzzContext): fc.Arbitrary<Json> =>
  fc.oneof(
    // Fresh each time (a shared [] would end up inside itself).
    {
      weight: 4,
      arbitrary: fc.jsonValue({ maxDepth: 3 }).map((j) => JSON.parse(JSON.stringify(j)) as Json),
    },
    { weight: 3, arbitrary: hostileString },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 10, max: 3000 }), fc.boolean())
        .map(([d, o]) => nest(d, o)),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom<Json>(
        ctx.b.team.id,
        ctx.a.team.id,
        ctx.bIdea,
        ctx.aIdea,
        ctx.aComment,
        ctx.b.member.id,
        ctx.bMutation,
        1e308,
        -1,
        0.5,
        Number.MAX_SAFE_INTEGER + 2,
        true,
      ),
    },
  );

/** Changes to a valid body: set, delete or add a key somewhere in it. */
/** `text`: replace one string already in the body (a name, a title) with a hostile one. */
type Breakage = {
  at: number;
  op: 'set' | 'delete' | 'add' | 'text';
  key: string;
  value: Json;
  text: string;
};

const KEYS = [
  'id',
  'hlc',
  'entity',
  'entityId',
  'fields',
  'title',
  'detail',
  'status',
  'deleted',
  'authorId',
  'ideaId',
  'body',
  'teamId',
  'mutations',
  'teamName',
  'displayName',
  'inviteCode',
  '__proto__',
];

const breakage = (ctx: FuzzContext): fc.Arbitrary<Breakage> =>
  fc.record({
    at: fc.nat(),
    op: fc.constantFrom<Breakage['op']>('text', 'text', 'text', 'set', 'set', 'delete', 'add'),
    key: fc.oneof(fc.constantFrom(...KEYS), printable(12)),
    value: hostileValue(ctx),
    text: hostileString,
  });

/** Mostly one thing wrong at a time, so each reaches as far into the server as it can. */
const breakages = (ctx: FuzzContext): fc.Arbitrary<Breakage[]> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant<Breakage[]>([]) },
    { weight: 5, arbitrary: breakage(ctx).map((b) => [b]) },
    { weight: 1, arbitrary: fc.array(breakage(ctx), { minLength: 2, maxLength: 3 }) },
  );

/** The objects and arrays of a body, down to a few levels (never into a deep value). */
function nodes(value: Json, depth = 0, out: (Json[] | { [k: string]: Json })[] = []) {
  if (value !== null && typeof value === 'object' && depth < 5) {
    out.push(value);
    for (const child of Object.values(value)) nodes(child, depth + 1, out);
  }
  return out;
}

function breakBody(body: Json, changes: readonly Breakage[]): Json {
  for (const c of changes) {
    const all = nodes(body);
    const node = all[c.at % Math.max(1, all.length)];
    if (!node) return c.value;
    const keys = Object.keys(node);
    const existing = keys[c.at % Math.max(1, keys.length)] ?? c.key;
    if (c.op === 'text') {
      const leaves = all.flatMap((n) =>
        Object.keys(n)
          .filter((k) => typeof (n as Record<string, Json>)[k] === 'string')
          .map((k) => ({ n: n as Record<string, Json>, k })),
      );
      const leaf = leaves[c.at % Math.max(1, leaves.length)];
      if (leaf) leaf.n[leaf.k] = c.text;
    } else if (Array.isArray(node)) {
      const i = c.at % Math.max(1, node.length);
      if (c.op === 'delete') node.splice(i, 1);
      else if (c.op === 'add') node.push(c.value);
      else node[i] = c.value;
    } else if (c.op === 'delete') {
      delete node[existing];
    } else {
      Object.defineProperty(node, c.op === 'add' ? c.key : existing, {
        value: c.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return body;
}

const phone = device(4242);

/** Valid mutations of team A (and some aimed at team B's records), built fresh each time. */
function mutationFor(ctx: FuzzContext, kind: number): Json {
  const edits = [
    () => phone.idea(ctx.a, `Idea ${uuidv7().slice(-6)}`),
    () => phone.idea(ctx.aMember, 'Anonymous one', { anonymous: true }),
    () => phone.edit(ctx.aIdea, { title: 'Retitled', status: 'testing' }),
    () => phone.edit(ctx.aIdea, { deleted: true }),
    () => phone.comment(ctx.a, ctx.aIdea, 'A comment'),
    () => phone.edit(ctx.bIdea, { title: 'Hijacked' }),
    () => phone.comment(ctx.a, ctx.bIdea, 'On their idea'),
    () => phone.raw({ entity: 'team', entityId: ctx.a.team.id, fields: { name: 'Ward 7b' } }),
    () => phone.raw({ entity: 'team', entityId: ctx.b.team.id, fields: { name: 'Mine now' } }),
    () => ({ ...phone.edit(ctx.aIdea, { status: 'parked' }), id: ctx.aMutation }),
    () => ({ ...phone.edit(ctx.aIdea, { status: 'parked' }), id: ctx.bMutation }),
  ];
  const make = edits[kind % edits.length] ?? edits[0];
  return JSON.parse(JSON.stringify(make?.())) as Json;
}

const tokenHeader = (ctx: FuzzContext): fc.Arbitrary<Record<string, string>> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .constantFrom(ctx.a.token, ctx.a.token, ctx.aMember.token, ctx.b.token, ctx.revokedToken)
        .map((t) => ({ authorization: `Bearer ${t}` })),
    },
    { weight: 1, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: fc
        .stringMatching(/^[A-Za-z0-9_-]{43}$/)
        .map((t) => ({ authorization: `Bearer ${t}` })),
    },
    { weight: 1, arbitrary: printable(200).map((t) => ({ authorization: t })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          'Basic YWxhZGRpbjpvcGVuc2VzYW1l',
          'Bearer',
          'bearer x',
          `Bearer ${'a'.repeat(129)}`,
        )
        .map((t) => ({ authorization: t })),
    },
  );

type Shape = 'json' | 'truncated' | 'garbage' | 'empty' | 'deep' | 'huge';

function serialise(body: Json, shape: Shape, cut: number, garbage: string): string {
  switch (shape) {
    case 'json':
      return JSON.stringify(body);
    case 'truncated': {
      const text = JSON.stringify(body);
      return text.slice(0, cut % Math.max(1, text.length));
    }
    case 'garbage':
      return garbage;
    case 'empty':
      return '';
    case 'huge':
      return JSON.stringify({ ...(body as object), padding: 'z'.repeat(520_000 + cut) });
    case 'deep':
      return '['.repeat(50_000 + cut) + ']'.repeat(50_000 + cut);
  }
}

const bodyShape = fc.oneof(
  { weight: 10, arbitrary: fc.constant<Shape>('json') },
  { weight: 1, arbitrary: fc.constantFrom<Shape>('truncated', 'garbage', 'empty', 'deep', 'huge') },
);

const ROUTES = [
  'teams',
  'join',
  'team',
  'push',
  'pull',
  'invite',
  'remove',
  'role',
  'nowhere',
] as const;

export function fuzzRequest(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      route: fc.constantFrom(...ROUTES),
      headers: tokenHeader(ctx),
      // Many clients, so the rate limits on creating and joining do not end the fuzz early.
      client: fc.nat({ max: 500 }).map((n) => `fuzz-${n}`),
      json: fc.boolean(),
      shape: bodyShape,
      cut: fc.nat({ max: 100_000 }),
      garbage: fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 })),
      changes: breakages(ctx),
      kinds: fc.oneof(
        { weight: 20, arbitrary: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }) },
        // One more than a push takes: 413.
        {
          weight: 1,
          arbitrary: fc.constant(Array.from({ length: LIMITS.pushBatch + 1 }, (_, i) => i)),
        },
      ),
      teamParam: fc.oneof(
        fc.constantFrom(ctx.a.team.id, ctx.b.team.id, ''),
        printable(40),
        fc.constant('%E0%A4%A'),
      ),
      cursor: fc.oneof(
        fc.nat().map(String),
        fc.constantFrom('-1', '1e3', '0x10', '', '99999999999999999999', '1.5', '%00'),
      ),
      limit: fc.option(fc.oneof(fc.nat({ max: 5000 }).map(String), printable(8)), {
        nil: undefined,
      }),
      memberId: fc.oneof(
        fc.constantFrom(ctx.aMember.member.id, ctx.a.member.id, ctx.b.member.id, uuidv7()),
        printable(60).map(encodeURIComponent),
        fc.constantFrom('%ZZ', '..%2F..%2Fteams', '%00'),
      ),
      otherMethod: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
      otherPath: fc.oneof(
        fc.constantFrom(
          '/api/v1/teams',
          '/api/v1/sync/push',
          '/api/v1/team/members',
          '/api',
          '/api/v2/teams',
        ),
        printable(40).map((p) => `/api/v1/${encodeURIComponent(p)}`),
      ),
    })
    .map((r): FuzzRequest => {
      const headers: Record<string, string> = { ...r.headers };
      if (r.json) headers['content-type'] = 'application/json';
      const withBody = (valid: Json, method = 'POST', path = '') => {
        const broken = breakBody(valid, r.changes);
        const text = serialise(broken, r.shape, r.cut, r.garbage);
        const objectBody =
          r.shape === 'json' &&
          broken !== null &&
          typeof broken === 'object' &&
          !Array.isArray(broken);
        return { route: r.route, method, path, body: text, headers, client: r.client, objectBody };
      };
      switch (r.route) {
        case 'teams':
          return withBody({ teamName: 'Ward 7', displayName: 'Priya' }, 'POST', '/api/v1/teams');
        case 'join':
          return withBody(
            { inviteCode: ctx.a.team.inviteCode, displayName: 'Sam' },
            'POST',
            '/api/v1/join',
          );
        case 'push':
          return withBody(
            { teamId: ctx.a.team.id, mutations: r.kinds.map((k) => mutationFor(ctx, k)) },
            'POST',
            '/api/v1/sync/push',
          );
        case 'team':
          return {
            route: r.route,
            method: 'GET',
            path: '/api/v1/team',
            headers,
            client: r.client,
            objectBody: false,
          };
        case 'pull': {
          const q = [`team=${r.teamParam}`, `cursor=${r.cursor}`];
          if (r.limit !== undefined) q.push(`limit=${r.limit}`);
          return {
            route: r.route,
            method: 'GET',
            path: `/api/v1/sync/pull?${q.join('&')}`,
            headers,
            client: r.client,
            objectBody: false,
          };
        }
        case 'invite':
          return {
            route: r.route,
            method: 'POST',
            path: '/api/v1/team/invite',
            headers,
            client: r.client,
            objectBody: false,
          };
        case 'remove':
          return {
            route: r.route,
            method: 'DELETE',
            path: `/api/v1/team/members/${r.memberId}`,
            headers,
            client: r.client,
            objectBody: false,
          };
        case 'role':
          return withBody({ role: 'sponsor' }, 'PUT', `/api/v1/team/members/${r.memberId}/role`);
        case 'nowhere':
          return withBody({ anything: true }, r.otherMethod, r.otherPath);
      }
    });
}
