/**
 * Building ideas and comments from what a person typed. The mutation built here
 * is what the outbox stores and the server validates, so it must always pass the
 * wire schema (or the idea sits in "needs attention"), and an anonymous idea
 * must carry nothing that names its author to the team.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Hlc } from '../../src/domain/hlc.ts';
import {
  applyFields,
  createCommentMutation,
  createIdeaMutation,
  editIdeaMutation,
  type Author,
} from '../../src/domain/idea.ts';
import type { CommentId, IdeaId, MemberId, MutationId } from '../../src/domain/ids.ts';
import { mutationSchema } from '../../src/domain/protocol.ts';
import { CREATE_FIELDS } from '../../src/domain/entities.ts';
import { DEVICE_A, DEVICE_B, NOW, newId, stamp } from './fixtures.ts';

const SAM: Author = { id: newId<MemberId>(), name: 'Sam Patel' };
const INPUT = {
  title: '  Move the hoist to bay 2  ',
  detail: '\nIt blocks the fire exit at night.  ',
  category: 'safety',
  anonymous: false,
};

function newIdea(author: Author = SAM, anonymous = false, hlc: Hlc = stamp(NOW, 0, DEVICE_A)) {
  return createIdeaMutation(
    { ...INPUT, anonymous },
    { ideaId: newId<IdeaId>(), mutationId: newId<MutationId>() },
    author,
    hlc,
    NOW,
  );
}

/** The mutation as the server sees it: serialised, then validated. */
function overTheWire(mutation: unknown) {
  return v.safeParse(mutationSchema, JSON.parse(JSON.stringify(mutation)));
}

describe('createIdeaMutation', () => {
  it('trims the title and detail, starts the idea as new and stamps it with the time given', () => {
    const m = newIdea();
    expect(m.fields).toEqual({
      title: 'Move the hoist to bay 2',
      detail: 'It blocks the fire exit at night.',
      category: 'safety',
      status: 'new',
      anonymous: false,
      authorId: SAM?.id,
      authorName: 'Sam Patel',
      createdAt: NOW,
      deleted: false,
    });
    expect(m.entity).toBe('idea');
    expect(m.hlc).toBe(stamp(NOW, 0, DEVICE_A));
  });

  it('names no author on an anonymous idea, not even by id', () => {
    const m = newIdea(SAM, true);
    expect(m.fields.anonymous).toBe(true);
    expect(m.fields.authorId).toBeNull();
    expect(m.fields.authorName).toBeNull();
    expect(JSON.stringify(m)).not.toContain(SAM?.id);
    expect(JSON.stringify(m)).not.toContain('Sam');
  });

  it('names no author when captured before joining a team', () => {
    const m = newIdea(null, false);
    expect(m.fields.authorId).toBeNull();
    expect(m.fields.authorName).toBeNull();
    expect(overTheWire(m).success).toBe(true);
  });

  it('builds a mutation the server accepts unchanged, named or anonymous', () => {
    for (const m of [newIdea(SAM, false), newIdea(SAM, true), newIdea(null, true)]) {
      const result = overTheWire(m);
      expect(result.success).toBe(true);
      if (result.success) expect(result.output).toEqual(m);
    }
  });

  it('carries every field the server needs to create the idea', () => {
    expect(Object.keys(newIdea().fields)).toEqual(expect.arrayContaining([...CREATE_FIELDS.idea]));
  });

  it('builds a fresh record from the mutation, with every field stamped', () => {
    const m = newIdea();
    const record = applyFields(undefined, m.fields, m.hlc);
    expect(record.fields).toEqual(m.fields);
    expect(Object.values(record.stamps)).toEqual(Object.keys(m.fields).map(() => m.hlc));
  });
});

describe('editIdeaMutation', () => {
  const ideaId = newId<IdeaId>();

  it('carries only the fields that changed, trimmed', () => {
    const m = editIdeaMutation(
      ideaId,
      { title: ' Hoist to bay 3 ' },
      newId<MutationId>(),
      stamp(NOW + 1, 0, DEVICE_A),
    );
    expect(m).toMatchObject({
      entity: 'idea',
      entityId: ideaId,
      fields: { title: 'Hoist to bay 3' },
    });
    expect(Object.keys(m.fields)).toEqual(['title']);
    expect(overTheWire(m).success).toBe(true);
  });

  it('deletes with a tombstone and sets a status that the server accepts', () => {
    const del = editIdeaMutation(
      ideaId,
      { deleted: true },
      newId<MutationId>(),
      stamp(NOW + 1, 0, DEVICE_A),
    );
    const status = editIdeaMutation(
      ideaId,
      { status: 'shortlisted' },
      newId<MutationId>(),
      stamp(NOW + 2, 0, DEVICE_A),
    );
    expect(del.fields).toEqual({ deleted: true });
    expect(status.fields).toEqual({ status: 'shortlisted' });
    expect(overTheWire(del).success).toBe(true);
    expect(overTheWire(status).success).toBe(true);
  });

  it('does not change the edit it was given', () => {
    const edit = { title: '  spaced  ' };
    editIdeaMutation(ideaId, edit, newId<MutationId>(), stamp(NOW, 0, DEVICE_A));
    expect(edit.title).toBe('  spaced  ');
  });
});

describe('createCommentMutation', () => {
  it('trims the body, links the idea and names the author', () => {
    const ideaId = newId<IdeaId>();
    const commentId = newId<CommentId>();
    const m = createCommentMutation(
      ideaId,
      '  Tried it on nights: works  ',
      { commentId, mutationId: newId<MutationId>() },
      SAM,
      stamp(NOW, 0, DEVICE_A),
      NOW,
    );
    expect(m.entity).toBe('comment');
    expect(m.entityId).toBe(commentId);
    expect(m.fields).toEqual({
      ideaId,
      body: 'Tried it on nights: works',
      authorId: SAM?.id,
      authorName: 'Sam Patel',
      createdAt: NOW,
      deleted: false,
    });
    expect(Object.keys(m.fields)).toEqual(expect.arrayContaining([...CREATE_FIELDS.comment]));
    const wire = overTheWire(m);
    expect(wire.success).toBe(true);
    if (wire.success) expect(wire.output).toEqual(m);
  });

  it('leaves the author empty when the person has not joined a team', () => {
    const m = createCommentMutation(
      newId<IdeaId>(),
      'Good idea',
      { commentId: newId<CommentId>(), mutationId: newId<MutationId>() },
      null,
      stamp(NOW, 0, DEVICE_A),
      NOW,
    );
    expect(m.fields.authorId).toBeNull();
    expect(m.fields.authorName).toBeNull();
    expect(overTheWire(m).success).toBe(true);
  });
});

describe('applyFields', () => {
  const create = newIdea(SAM, false, stamp(NOW, 0, DEVICE_A));
  const record = applyFields(undefined, create.fields, create.hlc);

  it('lets a later edit win', () => {
    const edit = editIdeaMutation(
      create.entityId,
      { title: 'Hoist to bay 3' },
      newId<MutationId>(),
      stamp(NOW + 60_000, 0, DEVICE_B),
    );
    const next = applyFields(record, edit.fields, edit.hlc);
    expect(next.fields.title).toBe('Hoist to bay 3');
    expect(next.stamps.title).toBe(edit.hlc);
    expect(next.fields.detail).toBe(record.fields.detail);
    expect(next.stamps).not.toEqual(record.stamps);
  });

  it('ignores an edit stamped before the value it would replace (arriving late from another phone)', () => {
    const later = editIdeaMutation(
      create.entityId,
      { status: 'testing' },
      newId<MutationId>(),
      stamp(NOW + 2, 0, DEVICE_A),
    );
    const stale = editIdeaMutation(
      create.entityId,
      { status: 'parked' },
      newId<MutationId>(),
      stamp(NOW + 1, 0, DEVICE_B),
    );
    const next = applyFields(applyFields(record, later.fields, later.hlc), stale.fields, stale.hlc);
    expect(next.fields.status).toBe('testing');
    expect(next.stamps.status).toBe(later.hlc);
  });

  it('ignores an edit stamped before the create itself', () => {
    const stale = editIdeaMutation(
      create.entityId,
      { title: 'Old title' },
      newId<MutationId>(),
      stamp(NOW - 1, 0, DEVICE_B),
    );
    const next = applyFields(record, stale.fields, stale.hlc);
    expect(next).toEqual(record);
    expect(next.stamps).toEqual(record.stamps);
  });

  it('changes nothing when the same mutation is applied twice', () => {
    const again = applyFields(record, create.fields, create.hlc);
    expect(again).toEqual(record);
    expect(again.stamps).toEqual(record.stamps);
  });

  it('builds the same record when an edit arrives before its create', () => {
    const edit = editIdeaMutation(
      create.entityId,
      { title: 'Hoist to bay 3' },
      newId<MutationId>(),
      stamp(NOW + 5, 0, DEVICE_B),
    );
    const inOrder = applyFields(
      applyFields(undefined, create.fields, create.hlc),
      edit.fields,
      edit.hlc,
    );
    const reversed = applyFields(
      applyFields(undefined, edit.fields, edit.hlc),
      create.fields,
      create.hlc,
    );
    expect(reversed).toEqual(inOrder);
    expect(reversed.fields.title).toBe('Hoist to bay 3');
  });
});
