/**
 * What a failed local write means to a person. IndexedDB failures arrive as
 * Dexie errors whose `name` (or inner error's name) says what happened.
 */
export type WriteFailure =
  | { readonly kind: 'quota'; readonly message: string }
  | { readonly kind: 'blocked'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

export type WriteResult<T> = ({ readonly kind: 'saved' } & T) | WriteFailure;

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
  const n = names(e);
  if (n.includes('QuotaExceededError')) {
    return {
      kind: 'quota',
      message:
        'This phone is out of storage space, so this was not saved. Everything you saved before is still safe. Free some space (photos, other apps) and press Save again — your text is still in the box.',
    };
  }
  if (n.some((x) => x === 'VersionError' || x === 'DatabaseClosedError' || x === 'BlockedError')) {
    return {
      kind: 'blocked',
      message:
        'Ground Up is open in another tab with an older version. Close the other tab, then press Save again. Nothing you saved before is lost.',
    };
  }
  return {
    kind: 'error',
    message:
      'This could not be saved on the device. Your text is still in the box: press Save to try again.',
  };
}
