// Seeded fault injection on sqlite, part 1 of 2 of the seeds (see backends.ts,
// suite.ts for the knobs, run.ts for what a run does). Ids are seeded too, so
// a failing seed replays exactly (on SQLite).
import { vi } from 'vitest';
import { sqliteFaults } from './backends.ts';

vi.mock('../../src/lib/id.ts', () => import('./ids.ts'));

sqliteFaults({ index: 0, of: 2 });
