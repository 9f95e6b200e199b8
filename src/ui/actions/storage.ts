/**
 * Persistent storage: asks the browser, once, not to clear our IndexedDB under
 * storage pressure (ideas waiting to sync live only here), and keeps the answer
 * in the meta table so Settings can show it and we do not ask on every start.
 */
import { database } from '../reads/database.ts';
import { now } from '../clock.ts';

export async function askPersistOnce(): Promise<void> {
  const row = await (await database()).appDb().meta.get('persist');
  if (row || !navigator.storage?.persist) return;
  await askPersist();
}

/** Ask now (the Settings button); returns the browser's answer. */
export async function askPersist(): Promise<boolean> {
  const granted = navigator.storage?.persist ? await navigator.storage.persist() : false;
  await (await database()).appDb().meta.put({ key: 'persist', granted, askedAt: now() });
  return granted;
}
