/**
 * The server's last "wait" on push or pull (429, fair use): until when, and
 * its words. The push and pull steps report it as a failed pass with those
 * words; the scheduler waits it out and the sync bar shows the words.
 *
 * Apart from api.ts so the sync bar can read it without pulling the wire
 * schemas (valibot) into the capture screen's first load
 * (tests/e2e/bundle.test.ts).
 */
export type ServerHold = { readonly untilMs: number; readonly message: string };

let hold: ServerHold | null = null;

/** The hold in force at `now`, or null once it has run out. */
export function serverHold(now: number = Date.now()): ServerHold | null {
  if (hold !== null && hold.untilMs <= now) hold = null;
  return hold;
}

/** Forgets the hold (tests; a good pass). */
export function clearServerHold(): void {
  hold = null;
}

/** The server asked this phone to wait until `untilMs`, saying `message`. */
export function holdUntil(untilMs: number, message: string): void {
  hold = { untilMs, message };
}
