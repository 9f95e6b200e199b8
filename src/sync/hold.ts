/**
 * The server's last "wait" on push or pull (429, fair use): until when, and
 * its words. The push and pull steps report it as a failed pass with those
 * words; the scheduler waits it out and the sync bar shows the words. Kept
 * apart from api.ts (and its wire schemas) so the sync bar, on the capture
 * screen's first load, can read it cheaply.
 */
export type ServerHold = { readonly untilMs: number; readonly message: string };

let hold: ServerHold | null = null;

/** The server asked this phone to wait `seconds` (Retry-After), saying `message`. */
export function holdFor(seconds: number, message: string, now: number = Date.now()): void {
  hold = { untilMs: now + seconds * 1000, message };
}

/** The hold in force at `now`, or null once it has run out. */
export function serverHold(now: number = Date.now()): ServerHold | null {
  if (hold !== null && hold.untilMs <= now) hold = null;
  return hold;
}

/** Forgets the hold (tests; a good pass). */
export function clearServerHold(): void {
  hold = null;
}

/** Retry-After as seconds (a number, or an HTTP date); 60 when missing or unreadable. */
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number {
  if (header === null || header.trim() === '') return 60;
  if (/^\d+$/.test(header.trim())) return Math.max(1, Number(header.trim()));
  const at = Date.parse(header);
  return Number.isNaN(at) ? 60 : Math.max(1, Math.ceil((at - now) / 1000));
}
