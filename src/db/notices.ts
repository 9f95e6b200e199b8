/**
 * What the database needs a person to do about other tabs, outside any Save.
 * IndexedDB can only upgrade a database's schema once every connection to it
 * has closed, so a tab running an older version and a tab running a newer one
 * get in each other's way:
 *
 * - the old tab receives `versionchange`: it closes its connection at once
 *   (so the update can finish) and must be reloaded to keep working;
 * - the new tab's open is `blocked` while an old tab will not let go.
 *
 * The UI shows these with `onDatabaseNotice`. Nothing saved is lost either way:
 * the upgrade runs on the data as it is, and a Save the old tab attempts after
 * closing fails in words (describeWriteError) with the text still in the box.
 */
import type { Dexie } from 'dexie';
import { t } from './errors.en.ts';

export type DatabaseNotice =
  | {
      /** This tab is older than another one that has just upgraded the database. */
      readonly kind: 'newer-version';
      readonly message: string;
      readonly database: string;
    }
  | {
      /** This tab is upgrading the database and an older tab is holding it open. */
      readonly kind: 'blocked';
      readonly message: string;
      readonly database: string;
    };

type Listener = (notice: DatabaseNotice) => void;
const listeners = new Set<Listener>();

/** Calls `listener` with every notice from now on. Returns the function that stops it. */
export function onDatabaseNotice(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function announce(notice: DatabaseNotice): void {
  for (const listener of listeners) listener(notice);
}

/** Wires a database's versionchange and blocked events to the notices. Called once per database. */
export function watchOtherTabs(db: Dexie): void {
  db.on('versionchange', (event) => {
    // A deletion (newVersion null) is not an update: Dexie's own handler closes for it.
    if (!event.newVersion) return;
    // Stay closed: Dexie 4 would otherwise reopen on the next write at the newer
    // version, and old code would go on writing into a database it does not know.
    db.close({ disableAutoOpen: true });
    announce({ kind: 'newer-version', message: t('otherTabNewer'), database: db.name });
    // Handlers run newest first; false stops Dexie's own, which closes with auto-open on.
    return false;
  });
  db.on('blocked', (event) => {
    if (!event.newVersion) return;
    announce({ kind: 'blocked', message: t('otherTabBlocked'), database: db.name });
  });
}
