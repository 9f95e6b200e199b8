/**
 * Every IndexedDB table the app keeps on the phone, in words, for "What this
 * app keeps on your phone". A client test (tests/integration/client/
 * device-storage.test.ts) compares this list with src/db/schema.ts, so a new
 * table cannot be added without saying here what it holds.
 */
import type { en } from './legal.en.ts';

/** A table and the catalogue's words for what it holds (legal.en.ts, keyed by the table's name). */
export type DeviceTable = { readonly name: keyof typeof en & string };

export const DEVICE_TABLES: readonly DeviceTable[] = (
  [
    'ideas',
    'comments',
    'teams',
    'members',
    'huddles',
    'votes',
    'statusLog',
    'pdsas',
    'measures',
    'points',
    'taps',
    'challenges',
    'asks',
    'shares',
    'takes',
    'outbox',
    'rejected',
    'ackedPushes',
    'serverEpochs',
    'inboxRead',
    'meta',
  ] as const
).map((name) => ({ name }));
