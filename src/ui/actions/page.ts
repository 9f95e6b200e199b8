/**
 * The injection itself, kept tiny because the capture screen's first bundle
 * carries it: a write gets the page's database and clock, and an outcome of
 * kind `done` starts ONE sync. Throws pass through; run.ts turns them into words.
 */
import type { GroundUpDb } from '../../db/index.ts';
import { database } from '../reads/database.ts';
import { now } from '../clock.ts';
import { requestSync } from '../syncClient.ts';

export type Write<R> = (db: GroundUpDb, at: number) => Promise<R>;

export async function onPage<R extends { readonly kind: string }>(
  run: Write<R>,
  done = 'saved',
): Promise<R> {
  const db = (await database()).appDb();
  const result = await run(db, now());
  if (result.kind === done) requestSync();
  return result;
}
