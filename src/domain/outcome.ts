/**
 * A challenge's result in one line a board paper can quote ("Delayed
 * discharges down 35% from a baseline of 40 a month, sustained 8 weeks"),
 * computed from its outcome measure against its baseline. Pure.
 *
 * - The baseline is the median of the points before the challenge started;
 *   with fewer than 3 of those, the median of the first 3 points.
 * - "Now" is the median of the last 4 points after the baseline's (fewer if
 *   fewer), so one good week is not a result.
 * - Sustained: how long the latest unbroken run of points on the better side
 *   of the baseline has lasted, in whole weeks from its first point to the last.
 */
import { t } from './portfolio.en.ts';

export type OutcomeInput = {
  readonly name: string;
  readonly unit: string;
  readonly direction: 'higher' | 'lower';
  readonly points: readonly {
    readonly date: string;
    readonly value: number;
    readonly ghost?: boolean | undefined;
  }[];
};

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const DAY = 86_400_000;
const ms = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const fmt = (n: number) => Number(n.toFixed(Math.abs(n) >= 10 ? 0 : 1));

export type Outcome = {
  readonly line: string;
  /** The change from the baseline in percent (negative: down); null without enough data. */
  readonly percent: number | null;
  readonly baseline: number | null;
  readonly better: boolean;
  readonly sustainedWeeks: number;
};

export function outcomeOf(m: OutcomeInput, startDate: string): Outcome {
  const pts = m.points
    .filter((p) => p.ghost !== true)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const name = m.name.trim() || t('outcomeMeasure');
  const before = pts.filter((p) => p.date < startDate);
  const base = before.length >= 3 ? before : pts.slice(0, 3);
  const after = pts.slice(pts.indexOf(base[base.length - 1]!) + 1);
  if (base.length === 0 || after.length === 0)
    return {
      line: t('tooFew', { name }),
      percent: null,
      baseline: null,
      better: false,
      sustainedWeeks: 0,
    };
  const baseline = median(base.map((p) => p.value));
  const now = median(after.slice(-4).map((p) => p.value));
  const isBetter = (v: number) => (m.direction === 'lower' ? v < baseline : v > baseline);
  const percent = baseline === 0 ? null : Math.round(((now - baseline) / Math.abs(baseline)) * 100);
  let first = after.length;
  while (first > 0 && isBetter(after[first - 1]!.value)) first--;
  const run = after.slice(first);
  const weeks =
    run.length > 1 ? Math.floor((ms(run.at(-1)!.date) - ms(run[0]!.date)) / DAY / 7) : 0;
  const unit = m.unit.trim() ? ` ${m.unit.trim()}` : '';
  const better = isBetter(now);
  const change =
    percent === null
      ? now < baseline
        ? 'downTo'
        : 'upTo'
      : percent === 0
        ? 'unchanged'
        : percent < 0
          ? 'down'
          : 'up';
  const tail = better ? (weeks >= 1 ? 'sustained' : 'none') : 'worse';
  return {
    line: t('outcome', {
      name,
      change,
      now: fmt(now),
      unit,
      percent: Math.abs(percent ?? 0),
      baseline: fmt(baseline),
      tail,
      weeks,
    }),
    percent,
    baseline,
    better,
    sustainedWeeks: better ? weeks : 0,
  };
}
