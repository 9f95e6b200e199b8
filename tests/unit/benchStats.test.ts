/**
 * The bench's small statistics (bench/lib/stats.ts): the figures in
 * bench/RESULTS.md are only as good as these.
 */
import { describe, expect, it } from 'vitest';
import { median, percentile } from '../../bench/lib/stats.ts';

describe('median', () => {
  it('is the middle value of an odd number, whatever their order', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([7])).toBe(7);
  });

  it('is the mean of the middle two of an even number: of two runs, their mean, not the lower', () => {
    expect(median([3.2, 2.8])).toBe(3);
    expect(median([10, 1, 4, 2])).toBe(3);
  });

  it('is not a number of nothing', () => {
    expect(median([])).toBeNaN();
  });
});

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);

  it('gives the value at the rank: p95 of 1..100 is 95', () => {
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
  });
});
