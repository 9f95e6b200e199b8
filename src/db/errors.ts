/**
 * What a failed local write means to a person. IndexedDB failures arrive as
 * Dexie errors whose `name` (or inner error's name) says what happened.
 */
import { t } from './errors.en.ts';
export type WriteFailure =
  | { readonly kind: 'quota'; readonly message: string }
  | { readonly kind: 'blocked'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

export type WriteResult<T> = ({ readonly kind: 'saved' } & T) | WriteFailure;

/**
 * A write this phone turns down for a reason the person can act on (the team
 * is not linked, the shared change was withdrawn): thrown inside a write's
 * transaction, so nothing is saved, and its message is the person's words.
 */
export class Refused extends Error {
  override name = 'Refused';
}

function names(e: unknown): string[] {
  const out: string[] = [];
  for (let cur: unknown = e, depth = 0; cur && depth < 4; depth++) {
    const c = cur as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof c.name === 'string') out.push(c.name);
    cur = c.inner ?? c.cause;
  }
  return out;
}

export function describeWriteError(e: unknown): WriteFailure {
  if (e instanceof Refused) return { kind: 'error', message: e.message };
  const n = names(e);
  if (n.includes('QuotaExceededError')) {
    return {
      kind: 'quota',
      message: t('quota'),
    };
  }
  // This tab is the old one: a newer tab upgraded the database and this one closed (notices.ts).
  if (n.some((x) => x === 'VersionError' || x === 'DatabaseClosedError')) {
    return {
      kind: 'blocked',
      message: t('newer'),
    };
  }
  // This tab is the new one, waiting for an old tab to let the database update.
  if (n.includes('BlockedError')) {
    return {
      kind: 'blocked',
      message: t('blocked'),
    };
  }
  return {
    kind: 'error',
    message: t('error'),
  };
}
