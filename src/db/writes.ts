/**
 * Every local write: the domain builds the mutation, and the record and its
 * outbox row are written in ONE strict-durability transaction. If the app dies
 * at any point, either both are on disk or neither is.
 */
import type { Author, IdeaEdit, NewIdeaInput } from '../domain/idea.ts';
import { createCommentMutation, createIdeaMutation, editIdeaMutation } from '../domain/idea.ts';
import type { Hlc } from '../domain/hlc.ts';
import type { CommentId, DeviceId, IdeaId, MemberId, MutationId } from '../domain/ids.ts';
import { mutationOf, type Mutation } from '../domain/protocol.ts';
import type { EntityName, MutationFields } from '../domain/entities.ts';
import { newDeviceId, newId } from '../lib/id.ts';
import { withNode } from '../domain/hlc.ts';
import { applyChange } from './apply.ts';
import { advanceClock } from './device.ts';
import { describeWriteError, type WriteResult } from './errors.ts';
import { getSession } from './session.ts';
import { syncedTables } from './syncedTables.ts';
import type { GroundUpDb } from './schema.ts';

export type Build = (ctx: { hlc: Hlc; author: Author; now: number }) => Mutation;

/**
 * Stamp, build, apply and queue one mutation atomically. `mine`: an idea
 * captured here under a fresh id (see apply.ts).
 */
export async function commit(
  db: GroundUpDb,
  build: Build,
  now: number,
  mine = false,
): Promise<Mutation> {
  return db.transaction('rw', [...syncedTables(db), db.outbox, db.meta], async () => {
    // Requests that do not wait on each other are made together: IndexedDB runs a
    // transaction's requests in order, and each await is a round trip to the
    // browser's database process, which on Save's path was most of its time.
    const [session, { stamp: hlc, kept }] = await Promise.all([
      getSession(db),
      advanceClock(db, now),
    ]);
    const author: Author = session
      ? { id: session.member.id as MemberId, name: session.member.displayName }
      : null;
    const built = build({ hlc, author, now });
    const { mutation, anonNode } = await anonymise(db, built, session?.member.id, mine);
    await Promise.all([
      kept,
      applyChange(db, mutation, session?.team.id ?? null, mine).then(async () => {
        if (anonNode) await db.ideas.update(mutation.entityId, { anonNode });
      }),
      db.outbox.add({
        mutationId: mutation.id,
        entity: mutation.entity,
        entityId: mutation.entityId,
        mutation,
        queuedAt: now,
      }),
    ]);
    return mutation;
  });
}

/**
 * An anonymous idea's own writes from the device that shared it carry nothing
 * a colleague can link to its author: its stamps a node made for this record
 * (not the device id that stamps the author's named ideas, comments and votes),
 * and a status move by its author names nobody. docs/decisions/0014-anonymity-and-names.md.
 */
async function anonymise(
  db: GroundUpDb,
  m: Mutation,
  me: string | undefined,
  creating: boolean,
): Promise<{ mutation: Mutation; anonNode?: string }> {
  if (m.entity !== 'idea') return { mutation: m };
  // A new idea (captured here, under a fresh id) has no row yet: no read on Save's path.
  const row = creating ? undefined : await db.ideas.get(m.entityId);
  const anonymous = m.fields.anonymous ?? row?.anonymous ?? false;
  const authorsOwn = creating || (row?.mine ?? 0) > 0;
  if (!anonymous || !authorsOwn) return { mutation: m };
  const node = (row?.anonNode ?? newDeviceId()) as DeviceId;
  const fields =
    m.fields.statusBy !== undefined && m.fields.statusBy === me
      ? { ...m.fields, statusBy: null }
      : m.fields;
  return { mutation: { ...m, fields, hlc: withNode(m.hlc, node) }, anonNode: node };
}

/** Several mutations in one strict transaction: all saved, or none. */
export async function commitAll(db: GroundUpDb, builds: readonly Build[], now: number) {
  await db.transaction('rw', [...syncedTables(db), db.outbox, db.meta], async () => {
    for (const b of builds) await commit(db, b, now);
  });
}

/** A change to one record of kind `K` with a fresh mutation id, stamped at commit. */
export function build<K extends EntityName>(
  entity: K,
  entityId: string,
  fields: MutationFields<K>,
): Build {
  return ({ hlc }) => mutationOf(entity, entityId, fields, newId<MutationId>(), hlc);
}

/** A write's outcome: saved (with what it returns), or the failure in words. */
export async function attempt<T extends object>(run: () => Promise<T>): Promise<WriteResult<T>> {
  try {
    return { kind: 'saved', ...(await run()) };
  } catch (e) {
    return describeWriteError(e);
  }
}

export function captureIdea(db: GroundUpDb, input: NewIdeaInput, now: number) {
  const ideaId = newId<IdeaId>();
  return attempt(async () => {
    await commit(
      db,
      ({ hlc, author, now: t }) =>
        createIdeaMutation(input, { ideaId, mutationId: newId<MutationId>() }, author, hlc, t),
      now,
      true,
    );
    return { id: ideaId };
  });
}

export function editIdea(db: GroundUpDb, ideaId: IdeaId, edit: IdeaEdit, now: number) {
  return attempt(async () => {
    await commit(db, ({ hlc }) => editIdeaMutation(ideaId, edit, newId<MutationId>(), hlc), now);
    return { id: ideaId };
  });
}

export function addComment(db: GroundUpDb, ideaId: IdeaId, body: string, now: number) {
  const commentId = newId<CommentId>();
  return attempt(async () => {
    await commit(
      db,
      ({ hlc, author, now: t }) =>
        createCommentMutation(
          ideaId,
          body,
          { commentId, mutationId: newId<MutationId>() },
          author,
          hlc,
          t,
        ),
      now,
    );
    return { id: commentId };
  });
}

export function deleteComment(db: GroundUpDb, commentId: CommentId, now: number) {
  return attempt(async () => {
    await commit(
      db,
      ({ hlc }) => ({
        id: newId<MutationId>(),
        entity: 'comment',
        entityId: commentId,
        fields: { deleted: true },
        hlc,
      }),
      now,
    );
    return { id: commentId };
  });
}

/** Rename the team's categories (facilitators only; the server checks). */
export function renameCategories(
  db: GroundUpDb,
  teamId: string,
  categories: readonly { id: string; label: string }[],
  now: number,
) {
  return attempt(async () => {
    await commit(
      db,
      ({ hlc }) => ({
        id: newId<MutationId>(),
        entity: 'team',
        entityId: teamId,
        fields: { categories: JSON.stringify(categories) },
        hlc,
      }),
      now,
    );
    return { id: teamId };
  });
}

/**
 * Put a rejected mutation back in the outbox after the person fixed it (or as
 * is), under a new mutation id: the server answers the refused id the same
 * way for good (decision 0024), so the person's "Try again" is a new change.
 */
export async function retryRejected(
  db: GroundUpDb,
  mutationId: string,
  now: number,
): Promise<void> {
  await db.transaction('rw', [db.rejected, db.outbox, ...syncedTables(db), db.meta], async () => {
    const row = await db.rejected.get(mutationId);
    if (!row) return;
    await db.rejected.delete(mutationId);
    const session = await getSession(db);
    const mutation = { ...row.mutation, id: newId<MutationId>() };
    await applyChange(db, mutation, session?.team.id ?? null);
    await db.outbox.add({
      mutationId: mutation.id,
      entity: row.entity,
      entityId: row.entityId,
      mutation,
      queuedAt: now,
    });
  });
}

/** Discard a rejected mutation deliberately: the person pressed "Discard". */
export async function discardRejected(db: GroundUpDb, mutationId: string): Promise<void> {
  await db.rejected.delete(mutationId);
}
