/**
 * Runs a batch of seeded fault runs against one backend as vitest tests, and
 * adds up the figures. Environment:
 *   FAULT_RUNS      runs on this backend (default: the suite's own number)
 *   FAULT_FIRST_SEED  the first seed of the sequence (default: the suite's own)
 *   FAULT_SEED      replay this one seed only
 *   FAULT_BACKEND   sqlite | postgres: run only that backend's suite
 *   FAULT_TRACE=1   print every step of a failing run
 *   SOAK_OUT        a directory to write this backend's figures to (npm run test:soak)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Store } from '../../server/store/index.ts';
import { addTally, emptyTally } from './faults.ts';
import { ENTITY_NAMES } from '../../src/domain/entities.ts';
import { OPS } from './ops.ts';
import { faultRun, type RunReport } from './run.ts';

export type SuiteOptions = {
  readonly backend: 'sqlite' | 'postgres';
  /** Runs when FAULT_RUNS is not set. */
  readonly runs: number;
  readonly firstSeed: number;
  /** A store for one run (SQLite: a fresh one) or shared by all (PostgreSQL). */
  readonly openStore: () => Promise<Store>;
  readonly closeStore: (store: Store) => Promise<void>;
  /** Whether runs share one store (each run makes a fresh team in it). */
  readonly shared: boolean;
  /** Why the suite cannot run here, if it cannot. */
  readonly unavailable?: string | null;
  /**
   * This file's share of the backend's runs: every `of`-th seed from `index`.
   * A backend's runs are spread over files so that vitest runs them on both cores.
   */
  readonly part?: { readonly index: number; readonly of: number };
};

const BATCH = 50;
/** Runs after which every operation and kind of record must have turned up. */
const COVERAGE_RUNS = 200;
// Every kind the phones make: a team's, and an organisation's (share, take).
const RECORDS = ENTITY_NAMES.filter((kind) => kind !== 'team');

export type Figures = {
  backend: string;
  runs: number;
  operations: number;
  operationsByKind: Record<string, number>;
  faults: ReturnType<typeof emptyTally>;
  lost: number;
  duplicated: number;
  diverged: number;
  /** Voters found holding more dots than their huddle gives. */
  overBudget: number;
  /** Records the runs built and every device ended up holding, by entity. */
  recordsHeld: Record<string, number>;
  rejectedAndShown: number;
  /** A hostile member's attempts, and those applied though they must fail (must be 0). */
  hostileAttempts: number;
  hostileSuccesses: number;
  /** Why they were refused: each must be a rule a person broke, never a fault. */
  rejectionReasons: Record<string, number>;
  failedRuns: number;
  wallSeconds: number;
};

export function addCounts(into: Record<string, number>, from: Readonly<Record<string, number>>) {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
}

function replay(backend: string, seed: number): string {
  return `FAULT_SEED=${seed} FAULT_BACKEND=${backend} FAULT_TRACE=1 npx vitest run --project fault`;
}

function describeFailure(backend: string, r: RunReport): string {
  const lines = [
    `seed ${r.seed} on ${backend}: lost ${r.lost}, duplicated ${r.duplicated}, diverged ${r.diverged}, over budget ${r.overBudget}`,
    `  replay: ${replay(backend, r.seed)}`,
    ...r.problems.slice(0, 8).map((p) => `  - ${p}`),
  ];
  if (process.env['FAULT_TRACE']) lines.push('  trace:', ...r.trace.map((t) => `    ${t}`));
  return lines.join('\n');
}

export function faultSuite(opts: SuiteOptions): void {
  const wanted = process.env['FAULT_BACKEND'];
  const skip =
    (wanted !== undefined && wanted !== opts.backend) ||
    Boolean(opts.unavailable) ||
    (process.env['FAULT_SEED'] !== undefined && (opts.part?.index ?? 0) !== 0);
  if (opts.unavailable && !wanted && (opts.part?.index ?? 0) === 0) {
    console.warn(`fault suite on ${opts.backend} SKIPPED: ${opts.unavailable}`);
  }
  const only = process.env['FAULT_SEED'];
  const runs = Number(process.env['FAULT_RUNS'] ?? opts.runs);
  const first = Number(process.env['FAULT_FIRST_SEED'] ?? opts.firstSeed);
  const part = opts.part ?? { index: 0, of: 1 };
  const seeds =
    only !== undefined
      ? part.index === 0
        ? [Number(only)]
        : []
      : Array.from({ length: runs }, (_, i) => first + i).filter(
          (_, i) => i % part.of === part.index,
        );
  const figures: Figures = {
    backend: opts.backend,
    runs: 0,
    operations: 0,
    operationsByKind: {},
    faults: emptyTally(),
    lost: 0,
    duplicated: 0,
    diverged: 0,
    overBudget: 0,
    recordsHeld: {},
    rejectedAndShown: 0,
    hostileAttempts: 0,
    hostileSuccesses: 0,
    rejectionReasons: {},
    failedRuns: 0,
    wallSeconds: 0,
  };
  let shared: Store | null = null;
  const started = performance.now();

  const title = opts.part ? ` (part ${opts.part.index + 1} of ${opts.part.of})` : '';
  describe.skipIf(skip)(`seeded fault runs on ${opts.backend}${title}`, () => {
    beforeAll(async () => {
      // Phones push plain JSON here. Gzip runs on libuv's threads, on the phone and in
      // the server, so when a push lands among the devices' steps depended on real time,
      // and a SQLite seed did not replay (three seeds run twice each gave different
      // traces; with this, the same). Compressed pushes have their own tests
      // (tests/integration/*/compression.test.ts, offline-capture in the browser).
      vi.stubGlobal('CompressionStream', undefined);
      if (opts.shared) shared = await opts.openStore();
    });
    afterAll(async () => {
      if (shared) await opts.closeStore(shared);
      figures.wallSeconds = Math.round((performance.now() - started) / 100) / 10;
      const out = process.env['SOAK_OUT'];
      if (out) {
        mkdirSync(out, { recursive: true });
        const name = `fault-${opts.backend}-${opts.part?.index ?? 0}.json`;
        writeFileSync(join(out, name), JSON.stringify(figures, null, 2));
      }
    });

    if (seeds.length === 0) it.skip('has no seeds in this part', () => undefined);
    for (let b = 0; b < seeds.length; b += BATCH) {
      const batch = seeds.slice(b, b + BATCH);
      const name = batch.length === 1 ? `seed ${batch[0]}` : `seeds ${batch[0]}..${batch.at(-1)}`;
      it(`${name}: every saved change reaches the team once and every device agrees`, async () => {
        const failures: string[] = [];
        for (const seed of batch) {
          const store = shared ?? (await opts.openStore());
          let report: RunReport;
          try {
            report = await faultRun({ seed, store });
          } catch (e) {
            figures.failedRuns++;
            failures.push(
              `seed ${seed} on ${opts.backend} threw: ${e instanceof Error ? e.stack : String(e)}\n  replay: ${replay(opts.backend, seed)}`,
            );
            continue;
          } finally {
            if (!shared) await opts.closeStore(store);
          }
          if (only !== undefined && process.env['FAULT_TRACE']) {
            console.log(report.trace.join('\n'));
          }
          figures.runs++;
          figures.operations += report.operations;
          addTally(figures.faults, report.faults);
          figures.lost += report.lost;
          figures.duplicated += report.duplicated;
          figures.diverged += report.diverged;
          figures.overBudget += report.overBudget;
          addCounts(figures.operationsByKind, report.operationsByKind);
          addCounts(figures.recordsHeld, report.held);
          figures.rejectedAndShown += report.rejected;
          figures.hostileAttempts += report.hostileAttempts;
          figures.hostileSuccesses += report.hostileSuccesses;
          addCounts(figures.rejectionReasons, report.reasons);
          if (report.problems.length > 0) {
            figures.failedRuns++;
            failures.push(describeFailure(opts.backend, report));
          }
        }
        if (failures.length > 0) console.error(failures.join('\n\n'));
        expect(failures, 'failing seeds (replay commands above)').toEqual([]);
      });
    }

    // Checks that pass because nothing happened prove nothing: enough runs must
    // have done every operation and left every kind of record on every phone.
    it.skipIf(seeds.length < COVERAGE_RUNS)(
      'did every operation and built every kind of record',
      () => {
        for (const op of OPS) expect(figures.operationsByKind[op] ?? 0, op).toBeGreaterThan(0);
        expect(figures.hostileAttempts, 'hostile attempts').toBeGreaterThan(0);
        expect(figures.faults.compact, 'compactions that changed a log').toBeGreaterThan(0);
        for (const entity of RECORDS)
          expect(figures.recordsHeld[entity] ?? 0, entity).toBeGreaterThan(0);
      },
    );
  });
}
