/**
 * The faults a run can inject, and the tally of how many of each it did: the
 * figures `npm run test:soak` reports. Network faults happen to one request;
 * crashes stop a device at a point of the sync loop; the rest are things
 * people do (a facilitator removing a member, rotating the invite code).
 */
export const FAULT_NAMES = [
  /** The request never reaches the server (no signal). */
  'drop',
  /** The server commits, the answer is lost on the way back. */
  'lose-response',
  /** The request arrives twice (a browser resending a POST on a reset connection). */
  'duplicate',
  /** The server (or a proxy) answers 500 without doing anything. */
  'server-500',
  /** A proxy lets only a few mutations through per request: 413 for bigger batches. */
  'too-large',
  /**
   * A push arrives, and a copy of it again later, after other devices' requests
   * (a request the network resent and held up): its refused changes must stay
   * refused, since the phone undid them.
   */
  'late-copy',
  /** The device's token was revoked (member removed): 401 until it joins again. */
  'token-revoked',
  /** The facilitator rotated the invite code; a re-join needs the new one. */
  'invite-rotated',
  /** A request or its answer was held back while other devices' requests ran. */
  'latency',
  /** A request started while another device's was in flight at the server. */
  'interleaved',
  /** The app died right after a Save committed. */
  'crash-after-local-commit',
  /** The app died during a Save's transaction (nothing of it may survive). */
  'crash-mid-local-commit',
  /** The app died with a push in flight, before the server saw it. */
  'crash-mid-push',
  /** The app died after the server committed a push, before the answer arrived. */
  'crash-after-server-commit',
  /** The app died while clearing acknowledged rows from the outbox. */
  'crash-before-outbox-delete',
  /** The app died while applying a pulled page. */
  'crash-mid-pull-apply',
  /**
   * The server compacted every change log up to now (decision 0025), removing
   * or shortening at least one change, while devices were pushing and
   * pulling, some of them far behind.
   */
  'compact',
] as const;

export type FaultName = (typeof FAULT_NAMES)[number];
export type Tally = Record<FaultName, number>;

export function emptyTally(): Tally {
  return Object.fromEntries(FAULT_NAMES.map((n) => [n, 0])) as Tally;
}

export function addTally(into: Tally, from: Tally): void {
  for (const n of FAULT_NAMES) into[n] += from[n];
}

/** Thrown by a simulated crash; anything a crashed device was doing stops with it. */
export class SimulatedCrash extends Error {
  constructor(at: FaultName) {
    super(`simulated crash: ${at}`);
    this.name = 'SimulatedCrash';
  }
}
