/**
 * The server process SIGKILLed at seeded random moments while phones push and
 * pull, on SQLite (WAL) and PostgreSQL (tests/kill/run.ts). 10 kills per
 * database here; `npm run test:kill` and `npm run test:soak` run KILLS (200)
 * per database and collect the figures written to SOAK_OUT. SEED replays a run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKills } from '../../kill/run.ts';
import { dropSchema, PG_AVAILABLE, PG_URL, uniqueSchema } from './backends.ts';

const KILLS = Number(process.env['KILLS'] ?? 10);
const SEED = Number(process.env['SEED'] ?? 18);
const databases = PG_AVAILABLE ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

describe.each(databases)('server killed with SIGKILL on %s', (database) => {
  it(
    `${KILLS} kills: every phone equals the server, 0 lost, 0 applied twice`,
    { timeout: 600_000 + KILLS * 30_000 },
    async () => {
      const schema = uniqueSchema();
      const started = performance.now();
      try {
        const report = await runKills({
          database,
          kills: KILLS,
          seed: SEED,
          ...(database === 'postgres' ? { pgUrl: PG_URL, pgSchema: schema } : {}),
        });
        console.log(
          `kill ${database} seed ${report.seed}: ${report.kills} kills, ${report.operations} operations, ${report.ideas} ideas, ` +
            `lost ${report.lost.length}, duplicated ${report.duplicated.length}, diverged ${report.diverged.length}, ` +
            `integrity ${report.integrity}, restart median ${report.restartMs.median} ms (max ${report.restartMs.max})`,
        );
        const out = process.env['SOAK_OUT'];
        if (out) {
          mkdirSync(out, { recursive: true });
          const { lost, duplicated, diverged, ...rest } = report;
          const figures = {
            ...rest,
            lost: lost.length,
            duplicated: duplicated.length,
            diverged: diverged.length,
            samples: [...lost, ...duplicated, ...diverged].slice(0, 5),
            wallSeconds: Math.round((performance.now() - started) / 1000),
          };
          writeFileSync(join(out, `kill-${database}.json`), JSON.stringify(figures, null, 2));
        }
        expect(report.lost).toEqual([]);
        expect(report.duplicated).toEqual([]);
        expect(report.diverged).toEqual([]);
        expect(report.ideas).toBeGreaterThan(0);
        if (database === 'sqlite') expect(report.integrity).toBe('ok');
      } finally {
        if (database === 'postgres') await dropSchema(schema);
      }
    },
  );
});
