/**
 * The server process SIGKILLed at seeded random moments while phones push and
 * pull, on SQLite (WAL) and PostgreSQL (tests/kill/run.ts). 10 kills per
 * database here; `npm run test:kill` runs KILLS (200) per database.
 * SEED replays a run.
 */
import { describe, expect, it } from 'vitest';
import { runKills } from '../../kill/run.ts';
import { dropSchema, PG_AVAILABLE, PG_URL, uniqueSchema } from './backends.ts';

const KILLS = Number(process.env['KILLS'] ?? 10);
const SEED = Number(process.env['SEED'] ?? 18);
const databases = PG_AVAILABLE ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

describe.each(databases)('server killed with SIGKILL on %s', (database) => {
  it(
    `${KILLS} kills: every phone equals the server, 0 lost, 0 applied twice`,
    { timeout: 600_000 + KILLS * 10_000 },
    async () => {
      const schema = uniqueSchema();
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
