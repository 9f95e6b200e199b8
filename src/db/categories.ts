/**
 * The team's categories for the capture screen, in a module of its own so the
 * first load carries this and not every list query (queries.ts re-exports it).
 */
import { DEFAULT_CATEGORIES, LIMITS, type Category } from '../domain/records.ts';
import type { GroundUpDb } from './schema.ts';
import { getSession } from './session.ts';

/**
 * The team record's categories JSON, checked by shape. Deliberately not with
 * valibot: this runs on the capture screen, where valibot and the wire schemas
 * would cost about 3.5 KB gzipped of its 50 KB budget. The value was checked
 * against categoriesSchema by the server (or built by renameCategories) before
 * it reached this table; this only guards against a malformed row.
 */
function parseCategories(json: string): Category[] | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length === 0 || value.length > LIMITS.categories) return null;
  const valid = value.every((c: unknown) => {
    const { id, label } = (c ?? {}) as { id?: unknown; label?: unknown };
    return (
      typeof id === 'string' &&
      id.length > 0 &&
      typeof label === 'string' &&
      label.trim().length > 0
    );
  });
  return valid ? (value as Category[]) : null;
}

/** The team's categories: the synced team record's, else the session's, else the defaults. */
export async function categories(db: GroundUpDb): Promise<readonly Category[]> {
  const session = await getSession(db);
  if (session) {
    const team = await db.teams.get(session.team.id);
    const parsed = team?.categories ? parseCategories(team.categories) : null;
    if (parsed) return parsed;
    return session.team.categories;
  }
  return DEFAULT_CATEGORIES;
}
