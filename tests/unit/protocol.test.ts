/**
 * The wire schemas: what the server accepts into a team's data and what the
 * client accepts from the server. A bad mutation must be rejected with the field
 * named (the person sees which part of their idea needs attention); a good one
 * must never be rejected (it would sit in "needs attention" for ever).
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  categoriesSchema,
  mutationSchema,
  parseMutation,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
} from '../../src/domain/protocol.ts';
import { createTeamRequestSchema, joinRequestSchema } from '../../src/domain/teamRequests.ts';
import { describeIssues } from '../../src/domain/issues.ts';
import { DEFAULT_CATEGORIES, LIMITS } from '../../src/domain/records.ts';
import { DEVICE_A, NOW, newId, stamp } from './fixtures.ts';

const HLC = stamp(NOW, 0, DEVICE_A);

function ideaCreate(fields: Record<string, unknown> = {}, top: Record<string, unknown> = {}) {
  return {
    id: newId(),
    entity: 'idea',
    entityId: newId(),
    hlc: HLC,
    fields: {
      title: 'Move the hoist to bay 2',
      detail: '',
      category: 'safety',
      status: 'new',
      anonymous: false,
      authorId: newId(),
      authorName: 'Sam',
      createdAt: NOW,
      deleted: false,
      ...fields,
    },
    ...top,
  };
}

/** The field describeIssues names for a rejected input (throws if it was accepted). */
function rejection(schema: v.GenericSchema, input: unknown): { field: string; message: string } {
  const result = v.safeParse(schema, input);
  if (result.success) throw new Error(`accepted: ${JSON.stringify(input)}`);
  return describeIssues(result.issues);
}

describe('mutationSchema', () => {
  it('accepts a complete idea create', () => {
    const input = ideaCreate();
    const result = v.safeParse(mutationSchema, input);
    expect(result.success).toBe(true);
    if (result.success) expect(result.output).toEqual(input);
  });

  it('accepts an edit of a single field, a comment and a team rename', () => {
    for (const input of [
      {
        id: newId(),
        entity: 'idea',
        entityId: newId(),
        hlc: HLC,
        fields: { status: 'shortlisted' },
      },
      { id: newId(), entity: 'idea', entityId: newId(), hlc: HLC, fields: { deleted: true } },
      {
        id: newId(),
        entity: 'comment',
        entityId: newId(),
        hlc: HLC,
        fields: {
          ideaId: newId(),
          body: 'Tried it',
          authorId: null,
          authorName: null,
          createdAt: NOW,
          deleted: false,
        },
      },
      { id: newId(), entity: 'team', entityId: newId(), hlc: HLC, fields: { name: 'Ward 7' } },
    ]) {
      expect(v.safeParse(mutationSchema, input).success).toBe(true);
    }
  });

  it('rejects an unknown field and names it', () => {
    expect(rejection(mutationSchema, ideaCreate({ patientName: 'Mrs K' })).field).toBe(
      'fields.patientName',
    );
  });

  it('rejects an unknown top-level key and names it', () => {
    expect(rejection(mutationSchema, ideaCreate({}, { extra: 1 })).field).toBe('extra');
  });

  it.each([
    ['title', 42],
    ['anonymous', 'yes'],
    ['deleted', 0],
    ['createdAt', '2024-03-01'],
    ['createdAt', NOW + 0.5],
    ['status', 'done'],
    ['authorName', 7],
  ])('rejects %s = %j and names fields.%s', (field, value) => {
    expect(rejection(mutationSchema, ideaCreate({ [field]: value })).field).toBe(`fields.${field}`);
  });

  it('rejects a title one character over the limit, naming fields.title', () => {
    const result = rejection(
      mutationSchema,
      ideaCreate({ title: 'a'.repeat(LIMITS.ideaTitle + 1) }),
    );
    expect(result.field).toBe('fields.title');
    expect(result.message).toBe(`fields.title must be at most ${LIMITS.ideaTitle} characters`);
  });

  it('accepts a title at the limit, and one that fits once trimmed, trimming it', () => {
    expect(
      v.safeParse(mutationSchema, ideaCreate({ title: 'a'.repeat(LIMITS.ideaTitle) })).success,
    ).toBe(true);
    const padded = parseMutation(ideaCreate({ title: `  ${'a'.repeat(LIMITS.ideaTitle)}  ` }));
    expect(padded.success).toBe(true);
    if (padded.success && padded.output.entity === 'idea') {
      expect(padded.output.fields.title).toBe('a'.repeat(LIMITS.ideaTitle));
    }
  });

  it('rejects a blank title', () => {
    expect(rejection(mutationSchema, ideaCreate({ title: '   ' }))).toEqual({
      field: 'fields.title',
      message: 'fields.title must not be empty',
    });
  });

  it('rejects a time outside 2020..2100', () => {
    expect(rejection(mutationSchema, ideaCreate({ createdAt: Date.UTC(2019, 11, 31) })).field).toBe(
      'fields.createdAt',
    );
    expect(rejection(mutationSchema, ideaCreate({ createdAt: Date.UTC(2100, 0, 2) })).field).toBe(
      'fields.createdAt',
    );
  });

  it.each([
    ['a short wall', '1709283600000-0000-00000000000000aa'],
    ['an upper-case device id', `${HLC.slice(0, 21)}00000000000000AA`],
    ['a number', 1709283600000],
    ['an ISO date', '2024-03-01T09:00:00Z'],
  ])('rejects an HLC that is %s', (_label, hlc) => {
    expect(rejection(mutationSchema, ideaCreate({}, { hlc })).field).toBe('hlc');
  });

  it.each([
    ['id', 'a UUIDv4', '0b7f1b3c-1f0e-4c52-9a3e-3f1b2d9e8c71'],
    ['id', 'an upper-case UUIDv7', newId<string>().toUpperCase()],
    ['entityId', 'a UUIDv4', '0b7f1b3c-1f0e-4c52-9a3e-3f1b2d9e8c71'],
    ['entityId', 'not a UUID', 'idea-1'],
  ])('rejects %s that is %s', (key, _label, value) => {
    expect(rejection(mutationSchema, ideaCreate({}, { [key]: value })).field).toBe(key);
  });

  it('rejects an author id that is not a UUIDv7', () => {
    expect(rejection(mutationSchema, ideaCreate({ authorId: 'sam' })).field).toBe(
      'fields.authorId',
    );
  });

  it('rejects a mutation that changes nothing', () => {
    const result = rejection(mutationSchema, {
      id: newId(),
      entity: 'idea',
      entityId: newId(),
      hlc: HLC,
      fields: {},
    });
    expect(result).toEqual({ field: 'fields', message: 'fields must change at least one field' });
  });

  it('rejects an unknown entity', () => {
    expect(rejection(mutationSchema, ideaCreate({}, { entity: 'patient' })).field).toBe('entity');
  });

  it('checks comment and team fields by their own rules', () => {
    const comment = (fields: Record<string, unknown>) => ({
      id: newId(),
      entity: 'comment',
      entityId: newId(),
      hlc: HLC,
      fields,
    });
    expect(
      rejection(mutationSchema, comment({ body: 'x'.repeat(LIMITS.commentBody + 1) })).field,
    ).toBe('fields.body');
    expect(rejection(mutationSchema, comment({ title: 'ideas only' })).field).toBe('fields.title');
    expect(rejection(mutationSchema, comment({ ideaId: 'idea-1' })).field).toBe('fields.ideaId');
  });
});

describe('team categories', () => {
  const team = (categories: string) => ({
    id: newId(),
    entity: 'team',
    entityId: newId(),
    hlc: HLC,
    fields: { categories },
  });

  it('accepts the default categories as JSON', () => {
    expect(v.safeParse(mutationSchema, team(JSON.stringify(DEFAULT_CATEGORIES))).success).toBe(
      true,
    );
    expect(v.safeParse(categoriesSchema, DEFAULT_CATEGORIES).success).toBe(true);
  });

  it.each([
    ['not JSON', '[{"id":"safety",'],
    ['JSON but not a list', '{"id":"safety","label":"Safety"}'],
    ['an empty list', '[]'],
    ['a category without a label', '[{"id":"safety"}]'],
    ['a blank label', '[{"id":"safety","label":"  "}]'],
    ['an extra key', '[{"id":"safety","label":"Safety","colour":"red"}]'],
    [
      'more than the limit',
      JSON.stringify(
        Array.from({ length: LIMITS.categories + 1 }, (_, i) => ({ id: `c${i}`, label: `C ${i}` })),
      ),
    ],
  ])('rejects categories that are %s, naming fields.categories', (_label, categories) => {
    const result = rejection(mutationSchema, team(categories));
    expect(result).toEqual({
      field: 'fields.categories',
      message: 'fields.categories must be a JSON list of categories',
    });
  });
});

describe('join and create requests', () => {
  it('normalises an invite code as a person might type it', () => {
    const result = v.safeParse(joinRequestSchema, {
      inviteCode: 'abcd-efgh 23',
      displayName: ' Sam ',
    });
    expect(result.success).toBe(true);
    if (result.success)
      expect(result.output).toEqual({ inviteCode: 'ABCDEFGH23', displayName: 'Sam' });
  });

  it.each(['abc', 'ABCD-EFG!', '', 'x'.repeat(33)])(
    'rejects the invite code %j, naming it',
    (inviteCode) => {
      expect(rejection(joinRequestSchema, { inviteCode, displayName: 'Sam' }).field).toBe(
        'inviteCode',
      );
    },
  );

  it('rejects a blank or over-long display name', () => {
    expect(rejection(joinRequestSchema, { inviteCode: 'ABCDEFGH', displayName: '   ' }).field).toBe(
      'displayName',
    );
    expect(
      rejection(createTeamRequestSchema, {
        teamName: 'Ward 7',
        displayName: 'x'.repeat(LIMITS.displayName + 1),
      }).field,
    ).toBe('displayName');
  });
});

describe('push', () => {
  it('accepts a batch and refuses an empty one', () => {
    expect(
      v.safeParse(pushRequestSchema, { teamId: newId(), mutations: [ideaCreate()] }).success,
    ).toBe(true);
    expect(rejection(pushRequestSchema, { teamId: newId(), mutations: [] }).field).toBe(
      'mutations',
    );
    expect(
      rejection(pushRequestSchema, { teamId: 'ward-7', mutations: [ideaCreate()] }).field,
    ).toBe('teamId');
  });

  it('accepts each kind of per-mutation result', () => {
    const body = {
      results: [
        { id: newId(), kind: 'applied', seq: 12 },
        { id: newId(), kind: 'duplicate' },
        {
          id: newId(),
          kind: 'rejected',
          reason: 'fields.title must not be empty',
          field: 'fields.title',
        },
        { id: newId(), kind: 'rejected', reason: 'not allowed' },
      ],
    };
    expect(v.safeParse(pushResponseSchema, body).success).toBe(true);
  });

  it.each([
    ['no results list', {}],
    ['an unknown kind', { results: [{ id: 'm', kind: 'lost' }] }],
    ['applied without a sequence number', { results: [{ id: 'm', kind: 'applied' }] }],
    ['rejected without a reason', { results: [{ id: 'm', kind: 'rejected' }] }],
    ['a result without an id', { results: [{ kind: 'duplicate' }] }],
  ])('rejects a response with %s', (_label, body) => {
    expect(v.safeParse(pushResponseSchema, body).success).toBe(false);
  });
});

describe('pull', () => {
  const change = (extra: Record<string, unknown> = {}) => ({
    seq: 1,
    mutationId: newId(),
    entity: 'idea',
    entityId: newId(),
    fields: { title: 'Hoist', authorId: null, createdAt: NOW, deleted: false },
    hlc: HLC,
    ...extra,
  });

  it('accepts a page of changes, and an empty last page', () => {
    expect(
      v.safeParse(pullResponseSchema, {
        changes: [change(), change({ seq: 2 })],
        cursor: 2,
        more: true,
      }).success,
    ).toBe(true);
    expect(v.safeParse(pullResponseSchema, { changes: [], cursor: 0, more: false }).success).toBe(
      true,
    );
  });

  it.each([
    ['a negative cursor', { changes: [], cursor: -1, more: false }],
    ['a fractional cursor', { changes: [], cursor: 1.5, more: false }],
    ['no more flag', { changes: [], cursor: 0 }],
    [
      'a change with a bad stamp',
      { changes: [change({ hlc: 'yesterday' })], cursor: 1, more: false },
    ],
    [
      'a change to an unknown entity',
      { changes: [change({ entity: 'patient' })], cursor: 1, more: false },
    ],
    [
      'a field holding an object',
      { changes: [change({ fields: { title: { a: 1 } } })], cursor: 1, more: false },
    ],
    ['a fractional sequence number', { changes: [change({ seq: 1.5 })], cursor: 1, more: false }],
  ])('rejects a response with %s', (_label, body) => {
    expect(v.safeParse(pullResponseSchema, body).success).toBe(false);
  });
});

describe('describeIssues', () => {
  it('names the body when the problem is the whole input', () => {
    expect(rejection(joinRequestSchema, 'not an object').field).toBe('');
    expect(rejection(joinRequestSchema, 'not an object').message).toMatch(/^body /);
  });

  it('falls back to a plain sentence when there are no issues', () => {
    expect(describeIssues([])).toEqual({ field: '', message: 'is not valid' });
  });
});

describe('describeIssues in words a person can read (found by the API fuzz)', () => {
  it('says a field is missing, or is not something the request can carry', () => {
    expect(rejection(createTeamRequestSchema, { teamName: 'Ward 7' })).toEqual({
      field: 'displayName',
      message: 'displayName is missing',
    });
    expect(
      rejection(createTeamRequestSchema, { teamName: 'Ward 7', displayName: 'P', role: 'admin' }),
    ).toEqual({ field: 'role', message: 'role is not something this request can carry' });
  });

  it('names a key that is the empty string, rather than blaming the whole body', () => {
    expect(rejection(createTeamRequestSchema, { teamName: 'W', displayName: 'P', '': 1 })).toEqual({
      field: '""',
      message: '"" is not something this request can carry',
    });
    expect(rejection(mutationSchema, ideaCreate({ '': 'x' })).field).toBe('fields.""');
  });

  it('refuses control characters in a team or member name, which a database cannot keep', () => {
    for (const name of ['Ward\u00007', 'Bell\u0007', 'Half \ud800']) {
      expect(rejection(createTeamRequestSchema, { teamName: name, displayName: 'P' })).toEqual({
        field: 'teamName',
        message: 'teamName must not contain control characters',
      });
    }
    expect(v.is(createTeamRequestSchema, { teamName: 'Ward 7 — Øst 👍', displayName: 'Zoë' })).toBe(
      true,
    );
  });
});
