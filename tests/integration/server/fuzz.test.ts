// Hostile input on every API route (fast-check, through app.request): the
// server never answers 5xx, every refusal is a JSON error in words (naming the
// field when a field is at fault), every success matches the wire schema, and
// afterwards every row it stored is well formed and holds no raw token.
// FUZZ_REQUESTS sets the number of requests per backend (default 1000).
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../server/http/headers.ts';
import {
  inviteResponseSchema,
  memberRemovedResponseSchema,
  roleChangedResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  sessionResponseSchema,
  teamResponseSchema,
  type ErrorCode,
} from '../../../src/domain/protocol.ts';
import { BACKENDS } from './backends.ts';
import { fuzzRequest, type FuzzContext, type FuzzRequest } from './fuzzInput.ts';
import { device, harness, type Harness, type Reply } from './harness.ts';
import { malformedRows } from './storedRows.ts';
import { everyValue, openInspectable, type InspectableStore } from './tables.ts';

const REQUESTS = Number(process.env['FUZZ_REQUESTS'] ?? 1000);
const CODES: readonly ErrorCode[] = [
  'bad_request',
  'unauthorised',
  'forbidden',
  'not_found',
  'too_large',
  'rate_limited',
];

const SUCCESS: Record<string, v.GenericSchema> = {
  teams: sessionResponseSchema,
  join: sessionResponseSchema,
  team: teamResponseSchema,
  push: pushResponseSchema,
  pull: pullResponseSchema,
  invite: inviteResponseSchema,
  remove: memberRemovedResponseSchema,
  role: roleChangedResponseSchema,
};

/** Everything wrong with one answer; [] when it is what the person and the device need. */
function problemsWith(req: FuzzRequest, r: Reply): string[] {
  const out: string[] = [];
  if (r.status >= 500) out.push(`answered ${r.status}: ${r.text.slice(0, 200)}`);
  if (r.headers.get('content-security-policy') !== CONTENT_SECURITY_POLICY)
    out.push('no Content-Security-Policy');
  if (r.headers.get('x-content-type-options') !== 'nosniff') out.push('no X-Content-Type-Options');
  if (r.status >= 400) {
    const error = (r.body as { error?: { code?: unknown; message?: unknown; field?: unknown } })
      ?.error;
    if (!error || !CODES.includes(error.code as ErrorCode))
      out.push(`${r.status} without a JSON error: ${r.text.slice(0, 200)}`);
    else if (typeof error.message !== 'string' || error.message.trim().length < 5)
      out.push(`${r.status} without words: ${r.text.slice(0, 200)}`);
    else if (error.field !== undefined && (typeof error.field !== 'string' || error.field === ''))
      out.push(`${r.status} with an empty field`);
    const fieldProblem =
      r.status === 400 &&
      (req.objectBody || req.route === 'pull' || req.route === 'remove') &&
      error?.message !== 'body is not valid JSON';
    if (fieldProblem && typeof error?.field !== 'string')
      out.push(`400 without naming the field: ${r.text.slice(0, 200)}`);
  } else if (r.status < 300) {
    const schema = SUCCESS[req.route];
    if (schema && !v.is(schema, r.body))
      out.push(`${r.status} not in the wire shape: ${r.text.slice(0, 200)}`);
    if (req.route === 'push') {
      const sent = (JSON.parse(req.body ?? '{}') as { mutations: unknown[] }).mutations.length;
      const results = (r.body as { results: { kind: string; reason?: string }[] }).results;
      if (results.length !== sent) out.push(`push answered ${results.length} of ${sent}`);
      if (results.some((x) => x.kind === 'rejected' && (x.reason ?? '').trim().length < 5))
        out.push('a rejection without words');
    }
  }
  return out;
}

describe.each(BACKENDS)('hostile requests on $name', (backend) => {
  let db: InspectableStore;
  let h: Harness;
  let ctx: FuzzContext;
  const tokens: string[] = [];
  const statuses = new Map<number, number>();
  const serverErrors: string[] = [];
  let malformed: string[] | null = null;
  // Team B's own leader is one of the fuzz's senders, so B's idea may change
  // by B's hand; what must never happen is a change in B by anyone else.
  let bPushed = false;

  beforeAll(async () => {
    db = await openInspectable(backend.name);
    h = harness(db.store);
    const a = await h.createTeam('Ward 7', 'Priya', 'setup-a');
    const b = await h.createTeam('Ward 8', 'Olu', 'setup-b');
    const aMember = await h.join(a.team.inviteCode, 'Sam');
    const leaver = await h.join(a.team.inviteCode, 'Leaver');
    await h.request('DELETE', `/api/v1/team/members/${leaver.member.id}`, { token: a.token });
    const phone = device(1);
    const aIdea = phone.idea(a, 'Fridge key');
    const bIdea = phone.idea(b, 'Their idea');
    const aComment = phone.comment(a, aIdea.entityId, 'Yes please');
    await h.push(a, [aIdea, aComment]);
    await h.push(b, [bIdea]);
    tokens.push(a.token, b.token, aMember.token, leaver.token);
    ctx = {
      a,
      aMember,
      b,
      revokedToken: leaver.token,
      aIdea: aIdea.entityId,
      bIdea: bIdea.entityId,
      aComment: aComment.entityId,
      aMutation: aIdea.id,
      bMutation: bIdea.id,
    };
  });
  afterAll(async () => {
    await db.close();
    const out = process.env['SOAK_OUT'];
    if (!out) return;
    mkdirSync(out, { recursive: true });
    const figures = {
      backend: backend.name,
      requests: [...statuses.values()].reduce((a, b) => a + b, 0),
      byStatus: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
      serverErrors: [...statuses].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0),
      serverErrorSamples: serverErrors.slice(0, 5),
      malformedRows: malformed?.length ?? null,
    };
    writeFileSync(join(out, `fuzz-${backend.name}.json`), JSON.stringify(figures, null, 2));
  });

  it(
    `answers ${REQUESTS} hostile requests with no 5xx and a JSON error in words for every refusal`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fuzzRequest(ctx), async (req) => {
          const noBody = req.method === 'GET' || req.method === 'HEAD';
          const r = await h.request(req.method, req.path, {
            headers: req.headers,
            client: req.client,
            ...(noBody || req.body === undefined ? {} : { raw: req.body }),
          });
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          if (r.status < 300 && (req.route === 'teams' || req.route === 'join'))
            tokens.push((r.body as { token: string }).token);
          if (
            r.status < 300 &&
            req.route === 'push' &&
            req.headers['authorization'] === `Bearer ${ctx.b.token}`
          )
            bPushed = true;
          if (r.status >= 500)
            serverErrors.push(`${req.method} ${req.path.slice(0, 80)} ${r.text.slice(0, 120)}`);
          const problems = problemsWith(req, r);
          if (problems.length > 0) {
            throw new Error(
              `${req.method} ${req.path.slice(0, 120)} body ${String(req.body).slice(0, 300)}: ${problems.join('; ')}`,
            );
          }
        }),
        { numRuns: REQUESTS },
      );
      // The fuzz reached the routes' insides, not only their front doors.
      if (REQUESTS < 500) return;
      expect(statuses.get(200) ?? 0).toBeGreaterThan(REQUESTS / 20);
      expect(statuses.get(400) ?? 0).toBeGreaterThan(REQUESTS / 20);
      expect(statuses.get(401) ?? 0).toBeGreaterThan(0);
      // Not 413: fewer than 1 in 100 drawn requests is too large, so 1,000 draw none about
      // once in 5,000 runs of a correct build. limits.test.ts sends one every run.
    },
    Math.max(30_000, REQUESTS * 25),
  );

  it('leaves only well-formed rows, none written across teams, and no raw token', async () => {
    malformed = await malformedRows(db);
    expect(malformed).toEqual([]);
    const everything = await everyValue(db);
    expect(everything).toContain(ctx.a.member.id);
    for (const token of tokens) expect(everything).not.toContain(token);
    // Team B's idea is as B left it, whatever A's members sent at it (unless
    // B's own leader, one of the senders, pushed). A change written into a team
    // by a member of another is refused above, by malformedRows.
    const theirs = await db.store.readEntity(ctx.b.team.id, 'idea', ctx.bIdea);
    if (!bPushed) expect(theirs?.state.fields['title']).toBe('Their idea');
  });
});
