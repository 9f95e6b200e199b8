/**
 * Every write the page makes, by area. Screens call these and read the
 * outcome; none of them touches the database, the clock or the sync itself
 * (run.ts injects all three and starts one sync per saved write).
 *
 * Capturing an idea is not here: it lives in capture.ts, imported directly by
 * the capture screen, so the first bundle does not pull in every write path.
 */
export type { Outcome } from './run.ts';
export * from './attention.ts';
export * from './challenge.ts';
export * from './huddles.ts';
export * from './ideas.ts';
export * from './improvement.ts';
export * from './inbox.ts';
export * from './team.ts';
export * from './storage.ts';
export * from './votes.ts';
export * from './teamData.ts';
