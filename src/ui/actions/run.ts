/**
 * How every write from the page runs: with this device's database and clock
 * (page.ts), a failure turned into words (src/db/errors.ts) instead of a
 * throw, and ONE sync started after each write that saved. Screens call the
 * actions built on this (src/ui/actions/*) and only read the outcome.
 */
import { describeWriteError, type WriteFailure, type WriteResult } from '../../db/errors.ts';
import { onPage, type Write } from './page.ts';

/** What an action answers: saved (with what it made), or why not in words. */
export type Outcome<T extends object = object> = WriteResult<T>;

export const SAVED = { kind: 'saved' } as const;

/**
 * Run one write against the page's database at the page's time. A throw (the
 * database closed, storage full) becomes a failure in words; an outcome of
 * kind `done` ('saved', or 'ok' for joining a team) starts one sync.
 */
export async function write<R extends { readonly kind: string }>(
  run: Write<R>,
  done = 'saved',
): Promise<R | WriteFailure> {
  try {
    return await onPage(run, done);
  } catch (e) {
    return describeWriteError(e);
  }
}

/** A write kept on this device (nothing to send): the same words on failure, no sync. */
export function attempt<T extends object>(run: Write<T>): Promise<Outcome<T> | WriteFailure> {
  return write(async (db, at) => ({ kind: 'saved', ...(await run(db, at)) }), 'no sync');
}
