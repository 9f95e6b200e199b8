/**
 * Huddles and their votes (dot voting): the records, their limits and the
 * deterministic vote id. A huddle is one LWW record; a vote is one record per
 * (huddle, idea, voter) holding a dot count, so however often sync delivers it
 * there is only ever one. Pure: no clock, no randomness.
 */
export const HUDDLE_LIMITS = {
  title: 120,
  minDots: 1,
  maxDots: 10,
  defaultDots: 3,
  /** Default timer, in minutes. */
  defaultMinutes: 5,
  maxMinutes: 60,
  /** Ideas on one huddle's shortlist. */
  shortlist: 20,
  proxyName: 60,
} as const;

export type HuddleState = 'open' | 'closed';

/** The synced fields of a huddle (each stamped separately; LWW per field). */
export type HuddleFields = {
  title: string;
  dotsPerMember: number;
  /** When the timer runs out, in ms since the epoch; null: no timer. */
  endsAt: number | null;
  /** True: tallies stay hidden until the huddle closes. */
  hidden: boolean;
  /** JSON of the shortlisted idea ids, in the facilitator's order (one LWW value). */
  shortlist: string;
  state: HuddleState;
  /** The facilitator who started it (member id). */
  startedBy: string;
  /** In ms since the epoch. */
  startedAt: number;
  closedAt: number | null;
  /** JSON of the idea ids chosen to test (one LWW value). */
  outcome: string;
};

/** The synced fields of a vote: one per (huddle, idea, voter). */
export type VoteFields = {
  huddleId: string;
  ideaId: string;
  /** The voter; for a proxy vote, the facilitator who recorded it. */
  memberId: string;
  /** 0..dotsPerMember; LWW, so the later tap wins. */
  dots: number;
  /** True: "a colleague without the app", recorded by a facilitator. */
  proxy: boolean;
  /** The colleague's name on a proxy vote; null otherwise. */
  proxyName: string | null;
};

export type VoteLike = Pick<VoteFields, 'huddleId' | 'ideaId' | 'memberId' | 'dots' | 'proxy'> & {
  readonly proxyName?: string | null | undefined;
};

/** The same person, however the name was typed ("  Dev  " and "dev"). */
export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
}

/**
 * Who a vote's dots belong to, for the budget: a member's id, or
 * `proxy:<name>` for a colleague without the app.
 */
export function voterKey(v: Pick<VoteLike, 'memberId' | 'proxy' | 'proxyName'>): string {
  return v.proxy ? `proxy:${normaliseName(v.proxyName ?? '')}` : v.memberId;
}

/** Four 32-bit lanes of a cyrb128-style string hash (not cryptographic; see ADR 0004). */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const hex = (n: number) => n.toString(16).padStart(8, '0');

/**
 * The vote's id, derived from `${huddleId}:${ideaId}:${voterKey}` so that every
 * device names the same vote the same way and sync can never duplicate it.
 * UUIDv7-shaped (it passes the wire's id schema): the first 48 bits are the
 * huddle id's timestamp, so a huddle's votes sort together; 74 bits come from
 * the hash. The server recomputes it on create (docs/decisions/0004).
 */
export function voteId(huddleId: string, ideaId: string, voter: string): string {
  const [a, b, c, d] = hash128(`${huddleId}:${ideaId}:${voter}`);
  const time = huddleId.replace(/-/g, '').slice(0, 12).padEnd(12, '0');
  const h = hex(a) + hex(b) + hex(c) + hex(d);
  const variant = ((parseInt(h.charAt(3), 16) & 3) | 8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${h.slice(0, 3)}-${variant}${h.slice(4, 7)}-${h.slice(7, 19)}`;
}

/** The id of this vote record, from its fields. */
export function voteIdOf(
  v: Pick<VoteLike, 'huddleId' | 'ideaId' | 'memberId' | 'proxy' | 'proxyName'>,
) {
  return voteId(v.huddleId, v.ideaId, voterKey(v));
}

/** A JSON list of ids (shortlist, outcome); [] when malformed. */
export function parseIds(json: string | null | undefined): string[] {
  if (typeof json !== 'string') return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The timer's new end when the facilitator adds `minutes`: from its current end,
 * or from now if it has run out or was never set; never more than the longest
 * timer (HUDDLE_LIMITS.maxMinutes) from now.
 */
export function extendTimer(
  endsAt: number | null | undefined,
  now: number,
  minutes: number,
): number {
  const from = typeof endsAt === 'number' && endsAt > now ? endsAt : now;
  return Math.min(from + minutes * 60_000, now + HUDDLE_LIMITS.maxMinutes * 60_000);
}
