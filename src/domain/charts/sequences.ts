/**
 * Finding runs in a sequence of values: stretches on one side of a line (for
 * shifts and for counting runs) and stretches that keep rising or keep falling
 * (for trends). Positions here index the sequence given, not the chart; the
 * callers map them back to point indices.
 */
import { compare } from './arithmetic.ts';
import type { Movement } from './types.ts';

export type Stretch = { readonly start: number; readonly end: number };

/**
 * Maximal stretches of equal, non-zero signs: [1, 1, -1, 1] gives
 * {0..1}, {2..2}, {3..3}. A zero (a point on the line) makes a stretch of its
 * own: the run chart drops such points first, the XmR shift lets them end a run.
 */
export function sameSignStretches(signs: readonly (-1 | 0 | 1)[]): (Stretch & {
  readonly sign: -1 | 0 | 1;
})[] {
  const out: (Stretch & { sign: -1 | 0 | 1 })[] = [];
  let start = 0;
  for (let k = 1; k <= signs.length; k++) {
    if (k < signs.length && signs[k] === signs[start]) continue;
    const sign = signs[start];
    if (sign !== undefined) out.push({ start, end: k - 1, sign });
    start = k;
  }
  return out;
}

/**
 * Maximal stretches of at least `minLength` values, each strictly above (rising)
 * or strictly below (falling) the one before, endpoints included. An equal
 * neighbour ends the stretch. A turning point can end one stretch and start the
 * next. Returned in order of start.
 */
export function monotoneStretches(
  values: readonly number[],
  tolerance: number,
  minLength: number,
): (Stretch & { readonly movement: Movement })[] {
  const out: (Stretch & { movement: Movement })[] = [];
  for (const step of [1, -1] as const) {
    let start = 0;
    for (let k = 1; k <= values.length; k++) {
      const current = values[k];
      const previous = values[k - 1];
      const continues =
        current !== undefined &&
        previous !== undefined &&
        compare(current, previous, tolerance) === step;
      if (continues) continue;
      if (k - start >= minLength) {
        out.push({ start, end: k - 1, movement: step === 1 ? 'rising' : 'falling' });
      }
      start = k;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
