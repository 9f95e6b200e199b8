/**
 * A lead hides an idea or comment (or shows it again), saved on the device and
 * synced like any other change: the server's rule (rules/ideaRules.ts) checks
 * that only a facilitator or sponsor does it and names them as who hid it.
 */
import type { ErasableKind } from '../domain/moderation.ts';
import { getSession } from './session.ts';
import { attempt, build, commit } from './writes.ts';
import type { GroundUpDb } from './schema.ts';

export function setHidden(
  db: GroundUpDb,
  kind: ErasableKind,
  id: string,
  hidden: boolean,
  reason: string,
  now: number,
) {
  return attempt(async () => {
    const session = await getSession(db);
    const by = session?.member.id ?? null;
    const fields = hidden
      ? { hidden: true, hiddenReason: reason.trim(), hiddenBy: by }
      : { hidden: false, hiddenBy: by };
    await commit(db, build(kind, id, fields), now);
    return {};
  });
}
