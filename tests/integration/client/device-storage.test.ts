/**
 * "What this app keeps on your phone" lists every IndexedDB table the app
 * declares: a table added to src/db/schema.ts without words on that page fails
 * here, and so does a listed table that no longer exists.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, it } from 'vitest';
import { GroundUpDb } from '../../../src/db/schema.ts';
import { DEVICE_TABLES } from '../../../src/ui/screens/legal/deviceTables.ts';

it('the storage page names every table of the device database, and only those', async () => {
  const db = new GroundUpDb('device-storage-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  const declared = db.tables.map((t) => t.name).sort();
  db.close();
  expect(DEVICE_TABLES.map((t) => t.name).sort()).toEqual(declared);
});
