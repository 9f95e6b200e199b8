/** One measured figure, with its goal and whether it holds. */
export type Figure = {
  readonly section: string;
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  /** e.g. '≤ 50000'; absent for context figures. */
  readonly goal?: { readonly op: '<=' | '>='; readonly target: number };
  readonly note?: string;
};

export type Verdict = { holds: boolean | null; by: string };

export function verdict(f: Figure): Verdict {
  if (!f.goal || f.value === null || !Number.isFinite(f.value)) return { holds: null, by: '' };
  const { op, target } = f.goal;
  const holds = op === '<=' ? f.value <= target : f.value >= target;
  if (holds) return { holds, by: '' };
  const ratio = op === '<=' ? f.value / target : target / f.value;
  const diff = Math.abs(f.value - target);
  return { holds, by: `${fmt(diff)} ${f.unit} (${ratio.toFixed(2)}×) off` };
}

export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-GB');
  if (Number.isInteger(n) || Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

/**
 * A section that failed part-way, carrying what it measured before it did
 * (so that a failure at the largest size keeps the smaller sizes' figures).
 */
export class PartlyMeasured extends Error {
  constructor(
    cause: unknown,
    readonly figures: readonly Figure[],
    readonly detail: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    if (cause instanceof Error && cause.stack) this.stack = cause.stack;
  }
}
