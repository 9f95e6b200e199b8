/**
 * The fault suites' backends. SQLite (the embedded default): a fresh in-memory
 * store per run, 1,000 runs in `npm test`. PostgreSQL: one schema per file, a
 * fresh team per run, devices pushing at once on separate connections, 200
 * runs. Each is spread over two files so that vitest keeps both cores busy.
 */
import { openStore } from '../../server/store/index.ts';
import { dropSchema, PG_AVAILABLE, PG_URL, uniqueSchema } from '../integration/server/backends.ts';
import { faultSuite } from './suite.ts';

type Part = { readonly index: number; readonly of: number };

export function sqliteFaults(part: Part): void {
  faultSuite({
    backend: 'sqlite',
    runs: 1000,
    firstSeed: 1,
    shared: false,
    part,
    openStore: () => openStore({ sqlitePath: ':memory:' }),
    closeStore: (store) => store.close(),
  });
}

export function postgresFaults(part: Part): void {
  const schema = uniqueSchema();
  faultSuite({
    backend: 'postgres',
    runs: 200,
    firstSeed: 1_000_001,
    shared: true,
    part,
    unavailable: PG_AVAILABLE ? null : `cannot reach ${PG_URL}`,
    openStore: () => openStore({ databaseUrl: PG_URL, pgSchema: schema }),
    async closeStore(store) {
      await store.close();
      await dropSchema(schema);
    },
  });
}
