/**
 * Moderation of what people write: a facilitator or sponsor hides an idea or
 * comment (with a reason its author sees), and a facilitator erases its words
 * everywhere (an NHS number typed by mistake). Pure: which fields carry
 * words, what an erase writes over them, and who sees a hidden record. The
 * server's erase (server/store/erase.ts) and the device's purge
 * (src/db/erase.ts) both use these, so "the words" mean the same everywhere.
 * See docs/decisions/0015-erasure.md.
 */
import type { FieldValue, Fields } from './merge.ts';

/** What an erased idea or comment shows instead of its words. */
export const ERASED_TEXT = '[erased]';

/** The kinds whose words can be erased, and what an erase writes over each field of words. */
export const ERASED_FIELDS = {
  idea: { title: ERASED_TEXT, detail: '', authorName: null, hiddenReason: null },
  comment: { body: ERASED_TEXT, authorName: null, hiddenReason: null },
} as const satisfies Record<string, Fields>;

export type ErasableKind = keyof typeof ERASED_FIELDS;

export function isErasable(kind: string): kind is ErasableKind {
  return kind === 'idea' || kind === 'comment';
}

/** Fields only a lead may set (hiding), and fields only the server's erase sets. */
export const HIDE_FIELDS = ['hidden', 'hiddenReason', 'hiddenBy'] as const;
export const ERASE_FIELDS = ['erased', 'erasedBy', 'erasedAt', 'erasedReason'] as const;

/**
 * The same fields with every field of words that is present replaced by what
 * an erase writes there; the rest (stamps, status, ids) untouched. Used to
 * rewrite the change log, the outbox and "needs attention".
 */
export function scrubFields<F extends Readonly<Record<string, unknown>>>(
  kind: ErasableKind,
  fields: F,
): F {
  const out: Record<string, unknown> = { ...fields };
  for (const [key, blank] of Object.entries(ERASED_FIELDS[kind]) as [string, FieldValue][])
    if (key in out) out[key] = blank;
  return out as F;
}

/** Does this record (fields as held) still carry words an erase would remove? */
export function holdsWords(kind: ErasableKind, fields: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(ERASED_FIELDS[kind]).some(
    ([key, blank]) => key in fields && fields[key] !== blank && fields[key] !== undefined,
  );
}

/** The fields of the change an erase appends: the blanks and who erased it, when and why. */
export function eraseChangeFields(
  kind: ErasableKind,
  by: string,
  at: number,
  reason: string,
): Fields {
  return {
    ...ERASED_FIELDS[kind],
    erased: true,
    erasedBy: by,
    erasedAt: at,
    erasedReason: reason,
  };
}

/**
 * May this person see a hidden record in lists? Its author and the team's
 * leads see it (with why it was hidden); everyone else does not.
 */
export function showsHidden(
  record: { readonly hidden?: boolean | null | undefined },
  viewer: { readonly isAuthor: boolean; readonly leads: boolean },
): boolean {
  return record.hidden !== true || viewer.isAuthor || viewer.leads;
}

/** The line the author and leads read on a hidden record. */
export function hiddenNote(reason: string | null | undefined): string {
  const why = (reason ?? '').trim();
  return why === '' ? 'Hidden by a facilitator.' : `Hidden by a facilitator: ${why}`;
}
