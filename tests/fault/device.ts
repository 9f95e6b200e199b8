/**
 * A simulated phone: the real src/db and src/sync code over its own
 * fake-indexeddb factory, talking through the fault layer. It can crash at a
 * chosen point (a Dexie middleware fails the next matching write, which aborts
 * that transaction as a real crash would, and every write after it) and then
 * restart by closing its database and opening the same one again.
 *
 * It also keeps the record the checks need: every mutation whose outbox row
 * was committed (seen through the same middleware, counted only when its
 * transaction completes), i.e. every change the person was told is saved.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { GroundUpDb } from '../../src/db/schema.ts';
import type { Mutation } from '../../src/domain/protocol.ts';
import { createApi, type Api } from '../../src/sync/api.ts';
import { createOrgApi, type OrgApi } from '../../src/sync/orgApi.ts';
import { syncOnce, type SyncOutcome } from '../../src/sync/engine.ts';
import { SimulatedCrash, type FaultName, type Tally } from './faults.ts';
import type { Network } from './network.ts';
import type { Random } from './prng.ts';

/** Fail the `countdown`-th write of `type` to one of `tables` from now on. */
export type Trap = {
  readonly at: FaultName;
  readonly tables: readonly string[];
  readonly type: DBCoreMutateRequest['type'];
  countdown: number;
};

export type Device = {
  readonly name: string;
  readonly random: Random;
  db: GroundUpDb;
  readonly api: Api;
  /** The organisations' routes, through the same faulty network. */
  readonly orgApi: OrgApi;
  crashed: boolean;
  trap: Trap | null;
  /** Signed out by a 401: must join again before it can sync. */
  signedOut: boolean;
  /** Every mutation committed to this device's outbox, by id. */
  readonly created: Map<string, Mutation>;
  /** Errors that were not simulated crashes: bugs. */
  readonly errors: unknown[];
  crash(at: FaultName): void;
  /** Starts a sync pass after any running one (one sender per device). */
  startSync(): void;
  /** A sync pass, awaited: the outcome, or null if the device crashed during it. */
  sync(): Promise<SyncOutcome | null>;
  /** Waits for the running sync pass, if any. */
  idle(): Promise<void>;
  /** Stops whatever the device was doing and opens its database again. */
  restart(): Promise<void>;
  close(): void;
};

function isCrash(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    if (cur instanceof SimulatedCrash) return true;
    const c = cur as { inner?: unknown; cause?: unknown };
    cur = c.inner ?? c.cause;
  }
  return false;
}

export function createDevice(opts: {
  readonly name: string;
  readonly random: Random;
  readonly network: Network;
  readonly tally: Tally;
  readonly now: () => number;
  /** Mutations per push request (small, so a drain takes several). */
  readonly batchSize: number;
}): Device {
  const factory = new IDBFactory();
  let running: Promise<unknown> = Promise.resolve();

  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'simulated-crash',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(req) {
            if (d.crashed) return Promise.reject(new SimulatedCrash('crash-mid-local-commit'));
            const trap = d.trap;
            if (trap && trap.type === req.type && trap.tables.includes(name)) {
              trap.countdown--;
              if (trap.countdown <= 0) {
                d.trap = null;
                d.crash(trap.at);
                return Promise.reject(new SimulatedCrash(trap.at));
              }
            }
            if (name === 'outbox' && req.type === 'add') {
              const values = req.values as readonly { mutation: Mutation }[];
              const trans = req.trans as unknown as IDBTransaction;
              trans.addEventListener('complete', () => {
                for (const v of values) d.created.set(v.mutation.id, v.mutation);
              });
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };

  const open = () => {
    const db = new GroundUpDb(`ground-up-${opts.name}`, { indexedDB: factory, IDBKeyRange });
    db.use(middleware);
    return db;
  };

  const lock = <T>(run: () => Promise<T>): Promise<T> => {
    const next = running.then(run, run);
    running = next.catch(() => undefined);
    return next;
  };

  const pass = async (): Promise<SyncOutcome | null> => {
    try {
      const outcome = await syncOnce({
        db: d.db,
        api: d.api,
        orgApi: d.orgApi,
        now: opts.now,
        lock,
        batchSize: opts.batchSize,
      });
      if (outcome.kind === 'signed-out') d.signedOut = true;
      return outcome;
    } catch (e) {
      if (!d.crashed && !isCrash(e)) d.errors.push(e);
      return null;
    }
  };

  const settled = async () => {
    for (let seen = running; ; seen = running) {
      await seen;
      if (seen === running) return;
    }
  };

  const d: Device = {
    name: opts.name,
    random: opts.random,
    db: open(),
    api: createApi('http://server.test', (input, init) => opts.network.fetchFor(d)(input, init)),
    orgApi: createOrgApi('http://server.test', (input, init) =>
      opts.network.fetchFor(d)(input, init),
    ),
    crashed: false,
    trap: null,
    signedOut: false,
    created: new Map(),
    errors: [],
    crash(at) {
      if (d.crashed) return;
      d.crashed = true;
      opts.tally[at]++;
    },
    startSync() {
      void pass();
    },
    sync: pass,
    idle: settled,
    async restart() {
      d.crashed = true; // anything still running stops at its next write or request
      await settled();
      d.db.close();
      d.db = open();
      d.crashed = false;
      d.trap = null;
    },
    close() {
      d.db.close();
    },
  };
  return d;
}
