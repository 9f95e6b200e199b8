/**
 * The one source of randomness in a fault run: mulberry32, seeded, so a run's
 * operations, faults and timings come out the same every time its seed is
 * replayed. Each device gets its own stream (see `fork`) so that the order in
 * which concurrent devices happen to draw does not change what each one does.
 */
export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An independent stream derived from this one's seed and `salt`. */
  fork(salt: number): Random;
};

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick(items) {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    fork: (salt) => mulberry32(Math.imul(seed ^ 0x9e3779b9, 31) + salt * 0x85ebca6b),
  };
  return random;
}
