/**
 * The page's (and the service worker's) one database handle. Tests build their
 * own GroundUpDb over fake-indexeddb instead.
 */
import { GroundUpDb } from './schema.ts';
import { declareRestoreTables } from './restoreTables.ts';

let instance: GroundUpDb | null = null;

export function appDb(): GroundUpDb {
  // Version 5 (restoreTables.ts) until schema.ts declares it itself.
  instance ??= declareRestoreTables(new GroundUpDb());
  return instance;
}

export { GroundUpDb } from './schema.ts';
export type { IdeaRow, CommentRow, RejectedRow, OutboxRow } from './schema.ts';
export { onDatabaseNotice, type DatabaseNotice } from './notices.ts';
