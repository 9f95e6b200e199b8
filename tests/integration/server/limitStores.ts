/**
 * The limits a server test counts with, on the store's own kind of database:
 * in memory beside SQLite, in a fresh PostgreSQL schema beside PostgreSQL
 * (the table rate_limits, as a real deployment has it). `share` opens a
 * second set of limits on the same schema: another server process.
 */
import pg from 'pg';
import {
  DEFAULT_LIMITS,
  memoryLimits,
  postgresLimits,
  type LimitSettings,
  type Limits,
} from '../../../server/http/limits.ts';
import { withPgUser, type Store } from '../../../server/store/index.ts';
import { dropSchema, PG_URL, uniqueSchema } from './backends.ts';

export type LimitStore = {
  readonly limits: Limits;
  /** Another process's limits over the same count (PostgreSQL only; memory is per process). */
  share(): Promise<Limits>;
  close(): Promise<void>;
};

export async function openLimits(
  store: Store,
  settings: LimitSettings = DEFAULT_LIMITS,
): Promise<LimitStore> {
  if (store.dialect === 'sqlite') {
    const limits = memoryLimits(settings);
    return { limits, share: () => Promise.resolve(memoryLimits(settings)), close: async () => {} };
  }
  const schema = uniqueSchema();
  const admin = new pg.Client({ connectionString: withPgUser(PG_URL).toString() });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();
  const pools: pg.Pool[] = [];
  const open = () => {
    const pool = new pg.Pool({ connectionString: withPgUser(PG_URL).toString(), max: 2 });
    pools.push(pool);
    return postgresLimits(pool, settings, schema);
  };
  const limits = await open();
  return {
    limits,
    share: open,
    async close() {
      await Promise.all(pools.map((p) => p.end()));
      await dropSchema(schema);
    },
  };
}
